import fs from 'fs';
import path from 'path';
import { checksum, parse, validate } from 'promptparse';
import { parseCsv } from '../../../../../plugins/spreadsheet-import/server/src/public';
import { autoMapping, parseBillRow, type BillRow } from '../../../../../src/api/tax-bill/domain/import-rows';
import { billPaymentOf, type BillRecord } from '../../../../../src/api/tax-bill/domain/bill';
import { billPaymentPayload } from '../../../../../src/api/tax-bill/domain/promptpay';

/**
 * Every demo bill's Thai QR, read back by a decoder not written here: promptparse (MIT, by
 * Maythiwat Chomchuen), the Thai PromptPay/EMVCo library. Its `parse(payload, true)` refuses a
 * payload whose CRC (tag 63) does not match, and its `validate.billPayment` reads tag 30 as a bank's
 * app would.
 */

const ROOT = path.resolve(__dirname, '../../../../..');
// The defaults of config/tax.ts (PROMPTPAY_BILLER_ID, PROMPTPAY_MERCHANT_NAME): the demo town's account.
const ACCOUNT = { billerId: '099400016602401', merchantName: 'NOK OK MUNICIPALITY' };

// Read as the demo seed reads it (database/seed/index.ts): the CSV reader of the spreadsheet import.
const [header, ...lines] = parseCsv(fs.readFileSync(path.join(ROOT, 'database/seed/tax-bills.csv')));
const mapping = autoMapping(header);
const column = (name: string) => header.indexOf(name);

/** What the seed CSV says a bill is, read straight from its cells (not through our import). */
const intended = (cells: string[]) => ({
  printed: cells[column('เลขที่ใบแจ้งประเมิน')],
  taxYear: cells[column('ปีภาษี')],
  total: Number(cells[column('ค่าภาษี (บาท)')]) - Number(cells[column('ลดหย่อน (บาท)')]),
});

const imported = lines.map((cells) => {
  const { row, issues } = parseBillRow(cells, mapping);
  return { cells, row, issues };
});

/** A stored bill as the import leaves it: nothing paid yet. */
const asStored = (row: BillRow, paidAmount = 0): BillRecord => ({ ...row, paidAmount, status: 'issued' });

describe('the Thai QR of every demo bill, read by promptparse', () => {
  it('imports every demo bill, its printed number kept and reference 1 derived from it', () => {
    expect(imported).toHaveLength(50);
    for (const { cells, row, issues } of imported) {
      expect(issues).toEqual([]);
      const { printed } = intended(cells);
      expect(row).toMatchObject({ billNumber: printed, billReference: printed.replace(/-/g, '') });
    }
  });

  it.each(imported.map(({ cells, row }) => [intended(cells).printed, cells, row] as const))('%s: CRC valid, amount, biller and references as intended', (_printed, cells, row) => {
    const want = intended(cells);
    const payload = billPaymentPayload(billPaymentOf(asStored(row!), ACCOUNT));

    const qr = parse(payload, true); // strict: null unless the CRC in tag 63 matches
    expect(qr).not.toBeNull();
    expect(qr?.validate('63')).toBe(true);
    expect(payload.slice(-4)).toBe(checksum(payload.slice(0, -4)));
    expect(qr?.getTagValue('00')).toBe('01');
    expect(qr?.getTagValue('53')).toBe('764');
    expect(qr?.getTagValue('58')).toBe('TH');
    expect(qr?.getTagValue('59')).toBe(ACCOUNT.merchantName);

    const ref1 = want.printed.replace(/-/g, '');
    expect(ref1).toMatch(/^[A-Z0-9]{1,20}$/);
    expect(validate.billPayment(payload)).toEqual({ billerId: ACCOUNT.billerId, ref1, ref2: `${want.taxYear}01`, amount: want.total });
  });

  it('reads a paid bill as one with no amount and the next installment 00, and a partly paid one by its next installment', () => {
    const three = imported.find(({ row }) => row?.installments.length === 3)!.row!;
    const total = three.installments.reduce((s, i) => s + i.amount, 0);
    expect(validate.billPayment(billPaymentPayload(billPaymentOf(asStored(three, total), ACCOUNT)))).toEqual({ billerId: ACCOUNT.billerId, ref1: three.billReference, ref2: `${three.taxYear}00` });
    const afterFirst = billPaymentPayload(billPaymentOf(asStored(three, three.installments[0].amount), ACCOUNT));
    expect(validate.billPayment(afterFirst)).toMatchObject({ ref2: `${three.taxYear}02`, amount: total - three.installments[0].amount });
  });

  it('is refused by promptparse once a character is changed (the CRC is really checked)', () => {
    const payload = billPaymentPayload(billPaymentOf(asStored(imported[0].row!), ACCOUNT));
    const tampered = payload.replace('7350.00', '7850.00');
    expect(tampered).not.toBe(payload);
    expect(parse(tampered, true)).toBeNull();
    expect(validate.billPayment(tampered)).toBeNull();
  });

  it('refuses a Thai payee name instead of writing a field readers count differently', () => {
    // Tag 59 is EMV "ans" (printable ASCII). A Thai name would be 3 UTF-8 bytes a letter but one
    // character (and one UTF-16 unit, which is what promptparse counts), so readers would disagree
    // on where the field ends; the builder refuses it, and so does the start (scripts/preflight.js).
    expect(() => billPaymentPayload(billPaymentOf(asStored(imported[0].row!), { ...ACCOUNT, merchantName: 'เทศบาลตำบลนกออก' }))).toThrow(/PROMPTPAY_MERCHANT_NAME must be Latin letters/);
  });
});
