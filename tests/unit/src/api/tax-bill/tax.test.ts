import { crc16, billPaymentPayload, parseEmv } from '../../../../../src/api/tax-bill/domain/promptpay';
import { isValidNationalId } from '../../../../../src/api/tax-bill/domain/national-id';
import { maskName, statusOf, installmentsOf } from '../../../../../src/api/tax-bill/domain/bill';
import { autoMapping, parseBillRow, parseDate } from '../../../../../src/api/tax-bill/domain/import-rows';
import { billReference } from '../../../../../src/api/tax-bill/domain/bill-reference';
import { importPermission, parseCsv } from '../../../../../plugins/spreadsheet-import/server/src/public';
import { parseBankPayment } from '../../../../../src/api/tax-bill/domain/bank-report';
import { RECONCILE_PERMISSION, TAX_PAYMENTS_TARGET } from '../../../../../src/api/tax-bill/staff-permissions';
import { estimateTax } from '../../../../../src/shared/tax-estimate';

describe('tax domain', () => {
  it('computes CRC-16/CCITT-FALSE (check value of "123456789" is 29B1)', () => {
    expect(crc16('123456789')).toBe('29B1');
  });

  it('builds a bill-payment payload whose fields read back', () => {
    const p = billPaymentPayload({ billerId: '099400016602401', ref1: 'A1', ref2: '256902', amount: 1234.5, merchantName: 'NOK OK MUNICIPALITY' });
    const f = parseEmv(p);
    expect(f).toMatchObject({ '00': '01', '01': '12', '53': '764', '54': '1234.50', '58': 'TH', '59': 'NOK OK MUNICIPALITY', '63': crc16(p.slice(0, -4)) });
    expect(parseEmv(f['30'])).toEqual({ '00': 'A000000677010112', '01': '099400016602401', '02': 'A1', '03': '256902' });
    expect(() => billPaymentPayload({ billerId: '123', ref1: 'X', merchantName: 'x' })).toThrow(/15 digits/);
  });

  it('writes the same payload for ASCII as before lengths counted bytes', () => {
    // Built by hand, field by field: ID, two-digit length, value; CRC over everything before it.
    const body = '000201' + '010212' + '3065' + '0016A000000677010112' + '0115099400016602401' + '0212DEMO25690001' + '0306256901' + '5303764' + '54077350.00' + '5802TH' + '5919NOK OK MUNICIPALITY' + '6304';
    expect(billPaymentPayload({ billerId: '099400016602401', ref1: 'DEMO25690001', ref2: '256901', amount: 7350, merchantName: 'NOK OK MUNICIPALITY' })).toBe(body + crc16(body));
  });

  it('takes references of 1 to 20 characters of A-Z and 0-9 only, and an "ans" payee name', () => {
    const base = { billerId: '099400016602401', ref1: 'A1', merchantName: 'NOK OK' };
    expect(() => billPaymentPayload({ ...base, ref1: 'ABCDEFGHIJ0123456789' })).not.toThrow();
    for (const ref1 of ['', 'A-1', 'a1', 'ABCDEFGHIJ01234567890', 'ก1']) expect(() => billPaymentPayload({ ...base, ref1 })).toThrow(/reference 1 must be 1 to 20 characters of A-Z and 0-9/);
    for (const ref2 of ['', '2569/01', '256901 ']) expect(() => billPaymentPayload({ ...base, ref2 })).toThrow(/reference 2 must be 1 to 20 characters of A-Z and 0-9/);
    expect(() => billPaymentPayload({ ...base, merchantName: 'เทศบาลตำบลนกออก' })).toThrow(/PROMPTPAY_MERCHANT_NAME must be Latin letters/);
  });

  it('reads field lengths as UTF-8 bytes', () => {
    // "ก" is 3 bytes in UTF-8 and 1 UTF-16 unit: a reader counting units would cut the next field.
    expect(parseEmv('0003ก' + '0102AB')).toEqual({ '00': 'ก', '01': 'AB' });
    expect(() => parseEmv('0001ก')).toThrow(/no valid length/);
  });

  it('derives reference 1 from a bill number as printed or typed', () => {
    expect(billReference('DEMO-2569-0001')).toBe('DEMO25690001');
    expect(billReference(' demo 2569 0001 ')).toBe('DEMO25690001');
    expect(billReference('ภดส6/2569')).toBeNull();
    expect(billReference('๑๒๓/๒๕๖๙')).toBe('1232569'); // Thai digits
    expect(billReference('ＤＥＭＯ－２５６９．０００１')).toBe('DEMO25690001'); // full-width, from a phone keyboard
    expect(billReference('2569_0001\u2013A')).toBe('25690001A'); // underscore, en dash
    expect(billReference('ABCDEFGHIJ-0123456789')).toBe('ABCDEFGHIJ0123456789');
    expect(billReference('ABCDEFGHIJ-0123456789-1')).toBeNull(); // 21 characters
    expect(billReference('--')).toBeNull();
    expect(billReference('A#1')).toBeNull();
  });

  it('refuses an import row whose bill number cannot be reference 1, and keeps the printed number of one that can', () => {
    const header = ['เลขที่ใบแจ้งประเมิน', 'ปีภาษี', 'เลขประจำตัวประชาชน', 'ชื่อผู้เสียภาษี', 'ประเภทการใช้ประโยชน์', 'ค่าภาษี'];
    const mapping = autoMapping(header);
    const row = (billNumber: string) => parseBillRow([billNumber, '2569', '3109900123453', 'นายสมชาย ใจดี', 'อยู่อาศัย', '100.00'], mapping);
    expect(row('demo-2569-0001').row).toMatchObject({ billNumber: 'DEMO-2569-0001', billReference: 'DEMO25690001', billKey: '2569/DEMO25690001' });
    expect(row('2569/0001').row).toMatchObject({ billNumber: '2569/0001', billReference: '25690001' });
    for (const bad of ['ภดส.6-0001', 'A#1', 'ABCDEFGHIJ-0123456789-1', 'A'.repeat(10) + ' '.repeat(31) + 'B']) {
      const { row: none, issues } = row(bad);
      expect(none).toBeUndefined();
      expect(issues).toEqual([{ field: 'billNumber', code: 'invalid_bill_number', th: expect.stringContaining('A–Z'), en: expect.stringContaining('at most 20 letters A–Z and digits 0–9') }]);
    }
  });

  it('checks national IDs by their check digit', () => {
    expect(isValidNationalId('3109900123453')).toBe(true);
    expect(isValidNationalId('3109900123454')).toBe(false);
    expect(isValidNationalId('310990012345')).toBe(false);
  });

  it('masks an owner name to the title and first letters', () => {
    expect(maskName('นายสมชาย ใจดี')).toBe('นาย ส**** ใ****');
    expect(maskName('นางสาว มาลี  ศรีสุข')).toBe('นางสาว ม**** ศ****');
    expect(maskName('บริษัท ทองดี จำกัด')).toBe('บ**** ท**** จ****');
  });

  it('pays installments earliest first and tells overdue from paid', () => {
    const bill = { billNumber: 'X', taxYear: 2569, useCategory: 'other', ownerName: 'x', taxAmount: 300, paidAmount: 150, status: 'issued', installments: [{ number: 1, dueDate: '2026-04-30', amount: 100 }, { number: 2, dueDate: '2026-05-30', amount: 100 }, { number: 3, dueDate: '2026-06-30', amount: 100 }] };
    expect(installmentsOf(bill).map((i) => [i.paidAmount, i.paid])).toEqual([[100, true], [50, false], [0, false]]);
    expect(statusOf(bill, '2026-05-01')).toBe('partially_paid');
    expect(statusOf(bill, '2026-06-01')).toBe('overdue');
    expect(statusOf({ ...bill, paidAmount: 300 }, '2027-01-01')).toBe('paid');
  });

  it('reads Buddhist-era and Gregorian dates, and refuses impossible ones', () => {
    expect(parseDate('30/04/2569')).toBe('2026-04-30');
    expect(parseDate('2026-04-30')).toBe('2026-04-30');
    expect(parseDate('31/02/2569')).toBeNull();
  });

  it('matches Thai and English headers to fields', () => {
    expect(autoMapping(['เลขที่ใบแจ้ง', 'Tax Year', 'เลขประจำตัวประชาชน', 'ชื่อ-สกุล', 'ภาษี'])).toEqual({ billNumber: 0, taxYear: 1, nationalId: 2, ownerName: 3, taxAmount: 4 });
  });

  it('reads a bank payment row in the report order or through a mapping, and says what is wrong', () => {
    const { row } = parseBankPayment(['2026-12-01 10:15', 'T-1', '256901', '1,300.50', 'KTB-1'], undefined, { today: '2026-12-01' });
    expect(row).toEqual({ paidAt: new Date('2026-12-01T03:15:00.000Z'), ref1: 'T-1', ref2: '256901', amount: 1300.5, bankReference: 'KTB-1' });
    expect(parseBankPayment(['KTB-2', '10', '2026-12-02', 'T-2'], { bankReference: 0, amount: 1, date: 2, ref1: 3 }, { today: '2026-12-01' }).row).toMatchObject({ ref1: 'T-2', ref2: '', amount: 10 });
    expect(parseBankPayment(['yesterday', '', '', '-5', '']).issues.map((i) => i.field)).toEqual(['date', 'ref1', 'amount', 'bankReference']);
  });

  it('reads a payment date in any Thai form, shows it back, and refuses one more than a year away unless confirmed', () => {
    const at = (date: string, context = {}) => parseBankPayment([date, 'T-1', '256901', '300', 'KTB-1'], undefined, { today: '2026-12-01', row: 7, ...context });
    for (const date of ['1/12/2569', '01-12-2569', '2569-12-01', '1 ธ.ค. 69', '1 ธันวาคม 2569', '2026-12-01', '1/12/2026']) {
      expect([date, at(date).row?.paidAt]).toEqual([date, new Date('2026-11-30T17:00:00.000Z')]);
      expect(at(date).read).toEqual({ date: { th: '1 ธ.ค. 2569', en: '1 Dec 2026' } });
    }
    const far = at('3112-12-01');
    expect(far.row).toBeUndefined();
    expect(far.read?.date.th).toBe('1 ธ.ค. 3112');
    expect(far.issues).toEqual([expect.objectContaining({ field: 'date', code: 'far_date', confirmable: true })]);
    expect(far.issues[0].th).toMatch(/^แถวที่ 7: วันที่ชำระ "3112-12-01" อ่านได้เป็นวันที่ 1 ธ\.ค\. 3112 ซึ่งห่างจากวันนี้เกิน 1 ปี/);
    expect(at('3112-12-01', { confirmFarDates: true }).row?.paidAt).toEqual(new Date('2569-11-30T17:00:00.000Z'));
    expect(at('31/02/2569').issues).toEqual([expect.objectContaining({ field: 'date', code: 'invalid_date' })]);
  });

  it('reads a due date in any Thai form and refuses one more than a year away unless confirmed', () => {
    const mapping = { billNumber: 0, taxYear: 1, nationalId: 2, ownerName: 3, useCategory: 4, taxAmount: 5, dueDate: 6 };
    const row = (due: string) => ['T-1', '2569', '1101700230708', 'นายทดสอบ', 'อยู่อาศัย', '300', due];
    const read = parseBillRow(row('30 ธ.ค. 69'), mapping, { today: '2026-12-01' });
    expect(read.row?.installments[0].dueDate).toBe('2026-12-30');
    expect(read.read).toEqual({ dueDate: { th: '30 ธ.ค. 2569', en: '30 Dec 2026' } });
    expect(parseBillRow(row('30/04/2567'), mapping, { today: '2026-12-01' }).issues.map((i) => i.code)).toEqual(['far_date']);
    expect(parseBillRow(row('30/04/2567'), mapping, { today: '2026-12-01', confirmFarDates: true }).row?.installments[0].dueDate).toBe('2024-04-30');
  });

  it("names the reconcile permission as the spreadsheet-import plugin does", () => {
    expect(importPermission(TAX_PAYMENTS_TARGET)).toBe(RECONCILE_PERMISSION);
  });

  it('parses quoted CSV with a BOM and CRLF', () => {
    expect(parseCsv('\ufeffa,"b, c","d ""e"""\r\n1,2,3\r\n\r\n')).toEqual([['a', 'b, c', 'd "e"'], ['1', '2', '3']]);
  });

  it('estimates progressively through the bands', () => {
    const bands = [{ upTo: 50_000_000, ratePercent: 0 }, { upTo: 75_000_000, ratePercent: 0.03 }, { upTo: null, ratePercent: 0.1 }];
    expect(estimateTax(40_000_000, bands)).toBe(0);
    expect(estimateTax(60_000_000, bands)).toBe(3000);
    expect(estimateTax(80_000_000, bands)).toBe(25_000_000 * 0.0003 + 5_000_000 * 0.001);
  });
});
