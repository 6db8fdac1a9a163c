import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';

/**
 * Dates in the staff imports (issue 14): the bank's report and the bill file take Thai dates as Thai
 * staff write them and Christian-era dates, store Christian-era dates, show what they read, and refuse
 * a date more than a year from today unless staff confirm it.
 */
const BILL = 'api::tax-bill.tax-bill';
const PAYMENT = 'api::tax-payment.tax-payment';
const PAYMENTS = '/spreadsheet-import/targets/tax-payments/imports';
const BILLS = '/spreadsheet-import/targets/tax-bills/imports';
const DAY = 86_400_000;

// Written here, not taken from the code under test: what a Thai clerk types.
const TH_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const TH_FULL = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];

/** A Bangkok calendar day `offset` days from today, and the ways it gets written. */
function day(offset = 0) {
  const iso = new Date(Date.now() + 7 * 3600_000 + offset * DAY).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-').map(Number);
  const be = y + 543;
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  return {
    iso,
    be,
    forms: {
      slashBE: `${d}/${m}/${be}`, // 1/12/2569
      dashBE: `${dd}-${mm}-${be}`, // 01-12-2569
      isoBE: `${be}-${mm}-${dd}`, // 2569-12-01
      shortMonthBE2: `${d} ${TH_SHORT[m - 1]} ${String(be).slice(2)}`, // 1 ธ.ค. 69
      fullMonthBE: `${d} ${TH_FULL[m - 1]} ${be}`, // 1 ธันวาคม 2569
      isoCE: `${y}-${mm}-${dd}`, // 2026-12-01
      slashCE: `${d}/${m}/${y}`, // 1/12/2026
    },
    thai: `${d} ${TH_SHORT[m - 1]} ${be}`,
  };
}
/** The Bangkok calendar day of a stored instant. */
const bangkokDay = (at: string | Date) => new Date(new Date(at).getTime() + 7 * 3600_000).toISOString().slice(0, 10);

const HEADER = ['เลขที่ใบแจ้งประเมิน', 'ปีภาษี', 'เลขประจำตัวประชาชน', 'ชื่อผู้เสียภาษี', 'ประเภทการใช้ประโยชน์', 'ค่าภาษี', 'กำหนดชำระ'];
const bill = (n: number, due = '') => [`D-2569-${String(n).padStart(4, '0')}`, '2569', '1101700230708', `นายวันที่ ทดสอบ${n}`, 'อยู่อาศัย', '300.00', due];
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c}"` : c)).join(',')).join('\r\n'));

let app: TestApp;
let auth: { Authorization: string };
const idle = () => app.strapi.plugin('spreadsheet-import').service('jobs').idle() as Promise<void>;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false' });
  auth = { Authorization: `Bearer ${(await createAdmin(app)).token}` };
});

afterAll(async () => {
  await app?.stop();
});

async function upload(base: string, body: Buffer) {
  return (await request(app.url).post(base).set(auth).attach('file', body, 'file.csv').expect(201)).body;
}
async function run(base: string, id: string, body: Record<string, unknown>) {
  await request(app.url).post(`${base}/${id}/run`).set(auth).send(body).expect(202);
  await idle();
  return (await request(app.url).get(`${base}/${id}`).set(auth).expect(200)).body;
}

describe("reconciling the bank's report with Thai dates", () => {
  it('stores the right Christian-era date for every form, and refuses a date more than a year away unless confirmed', async () => {
    const today = day(0);
    const forms = Object.entries(today.forms);
    // One bill a payment, each paid in full on a date written another way.
    const bills = await app.strapi.service(BILL).importRows(forms.map((_, i) => bill(i + 1)), { billNumber: 0, taxYear: 1, nationalId: 2, ownerName: 3, useCategory: 4, taxAmount: 5, dueDate: 6 });
    expect(bills).toMatchObject({ created: forms.length, failed: [] });

    const far = `${today.be + 543}-${today.iso.slice(5)}`; // 3112-12-01: a Buddhist year typed on a Buddhist year, 2569 CE
    const lastYear = day(-400).forms.slashCE; // a Christian date more than a year ago
    const rows = [
      ...forms.map(([, date], i) => [date, `D-2569-${String(i + 1).padStart(4, '0')}`, '256901', '300.00', `DATE-${i + 1}`]),
      [`${today.forms.isoBE} 10:15`, 'NO-BILL', '256901', '5.00', 'DATE-TIME'],
      [far, 'NO-BILL', '256901', '5.00', 'DATE-FAR'],
      [lastYear, 'NO-BILL', '256901', '5.00', 'DATE-OLD'],
      ['31/02/2569', 'NO-BILL', '256901', '5.00', 'DATE-BAD'],
    ];
    const farRow = forms.length + 2; // no header: rows are counted from 1
    const up = await upload(PAYMENTS, csv(rows));
    expect(up).toMatchObject({ hasHeader: false, rowCount: rows.length });
    // The preview shows each date as read, in Thai (Buddhist era) and English.
    expect(up.read[0].date).toEqual({ th: today.thai, en: expect.stringMatching(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/) });
    expect(up.read.map((r: { date?: { th: string } }) => r.date?.th)).toEqual(Array(5).fill(today.thai));

    const check = await request(app.url).post(`${PAYMENTS}/${up.id}/check`).set(auth).send({ mapping: up.mapping }).expect(200);
    expect(check.body).toMatchObject({ total: rows.length, valid: forms.length + 1, toConfirm: 2, invalid: 1 });
    expect(check.body.failed).toEqual([{ row: rows.length, issues: [expect.objectContaining({ field: 'date', code: 'invalid_date' })] }]);
    expect(check.body.failed[0].issues[0].th).toContain('"31/02/2569"');
    expect(check.body.confirm.map((r: { row: number }) => r.row)).toEqual([farRow, farRow + 1]);
    const farIssue = check.body.confirm[0].issues[0];
    expect(farIssue).toMatchObject({ field: 'date', code: 'far_date', confirmable: true });
    // The Thai message names the row, the date as written and as read (the year 3112 gives it away).
    expect(farIssue.th).toContain(`แถวที่ ${farRow}`);
    expect(farIssue.th).toContain(`"${far}"`);
    expect(farIssue.th).toContain(`${Number(today.iso.slice(8))} ${TH_SHORT[Number(today.iso.slice(5, 7)) - 1]} ${today.be + 543}`);
    expect(farIssue.th).toContain('เกิน 1 ปี');

    // Not confirmed: the far rows are refused with that message, nothing of them stored.
    const first = await run(PAYMENTS, up.id, { mapping: up.mapping, confirmFarDates: 'true' });
    expect(first.report).toMatchObject({ total: rows.length, counts: { applied: forms.length, review: 1 } });
    expect(first.report.failed.map((f: { row: number; issues: Array<{ code: string }> }) => [f.row, f.issues.map((i) => i.code)])).toEqual([
      [farRow, ['far_date']],
      [farRow + 1, ['far_date']],
      [rows.length, ['invalid_date']],
    ]);
    expect(await app.strapi.db.query(PAYMENT).count({ where: { bankReference: { $in: ['DATE-FAR', 'DATE-OLD', 'DATE-BAD'] } } })).toBe(0);

    // Every form is stored as today's date in the Christian era, midnight Bangkok (or the time written).
    for (const [i, [form]] of forms.entries()) {
      const p = await app.strapi.db.query(PAYMENT).findOne({ where: { bankReference: `DATE-${i + 1}` }, populate: { bill: true } });
      expect([form, bangkokDay(p.paidAt)]).toEqual([form, today.iso]);
      expect(new Date(p.paidAt).toISOString()).toBe(new Date(`${today.iso}T00:00:00+07:00`).toISOString());
      expect(p.bill).toMatchObject({ status: 'paid' });
    }
    const timed = await app.strapi.db.query(PAYMENT).findOne({ where: { bankReference: 'DATE-TIME' } });
    expect(new Date(timed.paidAt).toISOString()).toBe(new Date(`${today.iso}T10:15:00+07:00`).toISOString());

    // Confirmed: the same file again takes the far rows (the rest are already recorded).
    const again = await upload(PAYMENTS, csv(rows));
    const second = await run(PAYMENTS, again.id, { mapping: again.mapping, confirmFarDates: true });
    expect(second.report).toMatchObject({ counts: { applied: 0, review: 2, duplicate: forms.length + 1 }, failed: [{ row: rows.length }] });
    const farPayment = await app.strapi.db.query(PAYMENT).findOne({ where: { bankReference: 'DATE-FAR' } });
    expect(bangkokDay(farPayment.paidAt)).toBe(`${today.be}-${today.iso.slice(5)}`); // as confirmed: the year 2569 CE
    expect(bangkokDay((await app.strapi.db.query(PAYMENT).findOne({ where: { bankReference: 'DATE-OLD' } })).paidAt)).toBe(day(-400).iso);
  });
});

describe('importing bills with Thai due dates', () => {
  it('reads each form as the same due date, shows it back, and refuses a due date years away unless confirmed', async () => {
    const due = day(30);
    const forms = Object.values(due.forms);
    const far = day(-800).forms.dashBE;
    const rows = [HEADER, ...forms.map((f, i) => bill(100 + i, f)), bill(200, far)];
    const up = await upload(BILLS, csv(rows));
    expect(up.read[0].dueDate.th).toBe(due.thai);

    const check = await request(app.url).post(`${BILLS}/${up.id}/check`).set(auth).send({ mapping: up.mapping }).expect(200);
    expect(check.body).toMatchObject({ valid: forms.length, toConfirm: 1, invalid: 0, failed: [], confirm: [{ row: rows.length }] });
    expect(check.body.confirm[0].issues[0].th).toContain(`แถวที่ ${rows.length}`);

    const first = await run(BILLS, up.id, { mapping: up.mapping });
    expect(first.report).toMatchObject({ counts: { created: forms.length }, failed: [{ row: rows.length, issues: [{ code: 'far_date' }] }] });
    const stored = await app.strapi.db.query(BILL).findMany({ where: { billNumber: { $startsWith: 'D-2569-01' } } });
    expect(stored.map((b: { installments: Array<{ dueDate: string }> }) => b.installments[0].dueDate)).toEqual(Array(forms.length).fill(due.iso));
    expect(await app.strapi.db.query(BILL).findOne({ where: { billNumber: 'D-2569-0200' } })).toBeNull();

    const confirmed = await run(BILLS, up.id, { mapping: up.mapping, confirmFarDates: true });
    expect(confirmed.report).toMatchObject({ counts: { created: 1, unchanged: forms.length }, failed: [] });
    expect((await app.strapi.db.query(BILL).findOne({ where: { billNumber: 'D-2569-0200' } })).installments[0].dueDate).toBe(day(-800).iso);
  });
});
