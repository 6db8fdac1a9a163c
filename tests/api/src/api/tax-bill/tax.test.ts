import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawnSync } from 'child_process';
import request from 'supertest';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { createAdmin, randomSecrets, startApp, type TestApp } from '../../../../helpers/strapi';
import { readSpreadsheet, writeXlsx } from '../../../../../plugins/spreadsheet-import/server/src/public';
import { autoMapping } from '../../../../../src/api/tax-bill/domain/import-rows';
import { estimateTax } from '../../../../../src/shared/tax-estimate';
import { up as renamePermissions } from '../../../../../database/migrations/2026.07.01T00.00.00.spreadsheet-import-permissions.js';

const BILL = 'api::tax-bill.tax-bill';
const BILLER = '099400016602401';
const DEMO = { billNumber: 'DEMO-2569-0001', nationalId: '3109900123453' };

let app: TestApp;

// ---- An independent Thai QR bill-payment builder: what a bank's app expects to read. ----
const tlv = (id: string, v: string) => id + v.length.toString().padStart(2, '0') + v;
/** CRC-16/CCITT-FALSE, table-driven (the server computes it bit by bit). */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n << 8;
  for (let k = 0; k < 8; k++) c = c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1;
  return c & 0xffff;
});
const crc = (s: string) => {
  let c = 0xffff;
  for (const b of Buffer.from(s)) c = ((c << 8) & 0xffff) ^ CRC_TABLE[((c >> 8) ^ b) & 0xff];
  return c.toString(16).toUpperCase().padStart(4, '0');
};
function expectedPayload(ref1: string, ref2: string, amount: string | null) {
  const body =
    tlv('00', '01') + tlv('01', '12') + tlv('30', tlv('00', 'A000000677010112') + tlv('01', BILLER) + tlv('02', ref1) + tlv('03', ref2)) + tlv('53', '764') + (amount ? tlv('54', amount) : '') + tlv('58', 'TH') + tlv('59', 'NOK OK MUNICIPALITY') + '6304';
  return body + crc(body);
}

async function decodePng(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const lookup = (body: unknown) => request(app.url).post('/api/tax-bills/lookup').send(body as object);

const HEADER = ['เลขที่ใบแจ้งประเมิน', 'ปีภาษี', 'เลขประจำตัวประชาชน', 'ชื่อผู้เสียภาษี', 'ที่อยู่', 'ประเภทการใช้ประโยชน์', 'มูลค่า', 'ค่าภาษี', 'ลดหย่อน', 'กำหนดชำระ', 'จำนวนงวด'];
const good = (n: number, extra: Partial<Record<number, string>> = {}) => {
  const row = [`T-2569-${String(n).padStart(5, '0')}`, '2569', '1101700230708', `นายทดสอบ นามสกุล${n}`, `${n} หมู่ 3`, 'อยู่อาศัย', '1500000', '300.00', '0', '30/12/2569', '1'];
  for (const [i, v] of Object.entries(extra)) row[Number(i)] = v!;
  return row;
};
const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
const importRows = (rows: string[][]) => app.strapi.service(BILL).importRows(rows.slice(1), autoMapping(rows[0]));

beforeAll(async () => {
  // Behind a trusted proxy (this loopback), so X-Forwarded-For names the client.
  app = await startApp({ SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '1000', TRUSTED_PROXIES: '127.0.0.1' });
});

afterAll(async () => {
  await app?.stop();
});

describe('POST /api/tax-bills/lookup', () => {
  it("shows the demo bill with a masked owner, the amount due and a Thai QR payload built to the standard", async () => {
    const res = await lookup(DEMO).expect(200);
    const b = res.body.data;
    expect(b).toMatchObject({ billNumber: 'DEMO-2569-0001', taxYear: 2569, owner: 'นาย ส**** ใ****', status: 'issued', amountDue: 7350 });
    expect(b.property).toMatchObject({ useCategory: 'other', village: 2 });
    expect(b.installments).toEqual([{ number: 1, dueDate: '2026-12-30', amount: 7350, paidAmount: 0, paid: false }]);
    // Reference 1 is the bill number as banks keep it: A–Z and 0–9 only.
    expect(b.qrPayload).toBe(expectedPayload('DEMO25690001', '256901', '7350.00'));
    // The CRC in tag 63 covers everything before it, "6304" included.
    expect(crc(b.qrPayload.slice(0, -4))).toBe(b.qrPayload.slice(-4));
    expect(JSON.stringify(b)).not.toMatch(/3109900123453|สมชาย|ใจดี|หมู่ 2 ต\.นกออก/);
  });

  it('serves a PNG that an independent decoder reads back as the same payload', async () => {
    const b = (await lookup(DEMO).expect(200)).body.data;
    expect(b.qrImageUrl).toMatch(/^\/api\/tax-bills\/qr\/\d+\.[\w-]+\.png$/);
    const png = await request(app.url).get(b.qrImageUrl).buffer(true).parse(binary).expect(200).expect('Content-Type', 'image/png');
    expect(await decodePng(png.body)).toBe(b.qrPayload);
    // A forged link answers 404.
    // (The signature's first character is changed to one it is not, so the forgery always differs.)
    await request(app.url).get(b.qrImageUrl.replace(/\.(\w)/, (_m: string, c: string) => `.${c === 'X' ? 'Y' : 'X'}`)).expect(404);
    await request(app.url).get('/api/tax-bills/qr/1.abc.png').expect(404);
  });

  it('answers a wrong ID exactly like an unknown bill, and a bad check digit with 400', async () => {
    const wrong = await lookup({ billNumber: DEMO.billNumber, nationalId: '1101700230708' }).expect(404);
    const unknown = await lookup({ billNumber: 'NO-SUCH-BILL', nationalId: DEMO.nationalId }).expect(404);
    expect(wrong.body).toEqual(unknown.body);
    const bad = await lookup({ billNumber: DEMO.billNumber, nationalId: '3109900123454' }).expect(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['nationalId'], code: 'invalid_check_digit', message: 'เลขประจำตัวประชาชนไม่ถูกต้อง (ตรวจสอบทั้ง 13 หลัก)' });
    expect(JSON.stringify(bad.body)).not.toContain(' / ');
    expect((await lookup({ nationalId: DEMO.nationalId }).expect(400)).body.error.details.errors[0].path).toEqual(['billNumber']);
    expect((await lookup({ billNumber: DEMO.billNumber, nationalId: 3109900123453 }).expect(400)).body.error.details.errors[0].path).toEqual(['nationalId']);
    // Dashes, spaces and lower case as people type them are fine, and so is the QR's reference 1.
    await lookup({ billNumber: 'demo-2569-0001', nationalId: '3-1099-00123-45-3' }).expect(200);
    await lookup({ billNumber: ' DEMO 2569 0001', nationalId: DEMO.nationalId }).expect(200);
    expect((await lookup({ billNumber: 'DEMO25690001', nationalId: DEMO.nationalId }).expect(200)).body.data.billNumber).toBe('DEMO-2569-0001');
    // A number no bill can have is said so, in the caller's language.
    const impossible = await lookup({ billNumber: 'ภดส.6-0001', nationalId: DEMO.nationalId }).set('Accept-Language', 'en').expect(400);
    expect(impossible.body.error.details.errors[0]).toMatchObject({ path: ['billNumber'], code: 'invalid_bill_number', message: expect.stringMatching(/^A bill number has only letters A–Z/) });
  });

  it('is rate-limited per client address', async () => {
    const res = await lookup(DEMO).expect(200);
    expect(res.headers['ratelimit-limit']).toBe('1000');
  });

  it('locks a bill after 5 failed lookups in 15 minutes, whatever the address, and logs the bill but never the ID', async () => {
    const warn = jest.spyOn(app.strapi.log, 'warn');
    const from = (address: string, body: object) => lookup(body).set('X-Forwarded-For', address);
    const bill = { billNumber: 'DEMO-2569-0003', nationalId: '3300318090017' };
    const wrongIds = ['1101700230708', '3300299632310', '3300495339743', '3300553116365', '3109900123453'];
    // Five addresses, one guess each: each far below its own address's limit.
    for (const [i, nationalId] of wrongIds.entries()) await from(`203.0.113.${i + 1}`, { billNumber: bill.billNumber, nationalId }).expect(404);
    // The sixth attempt is refused before looking, from a new address, even with the right ID and another spelling.
    const locked = await from('203.0.113.99', { ...bill, billNumber: 'demo 2569 0003' }).set('Accept-Language', 'en').expect(429);
    expect(locked.body.error.details.code).toBe('bill_locked');
    expect(locked.body.error.message).toMatch(/^Too many failed lookups for this bill: please wait \d+ seconds/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await from('203.0.113.99', bill).expect(429)).body.error.message).toMatch(/^ค้นหาใบแจ้งภาษีนี้ไม่สำเร็จหลายครั้งเกินไป/);
    // Other bills, from the same addresses, are not affected.
    await from('203.0.113.99', { billNumber: 'DEMO-2569-0004', nationalId: '3300495339743' }).expect(200);
    await from('203.0.113.1', DEMO).expect(200);

    const logged = warn.mock.calls.map((c) => (typeof c[0] === 'string' ? c[0] : '')).filter((m) => m.startsWith('tax lookup:'));
    expect(logged.length).toBeGreaterThanOrEqual(4);
    expect(logged.join('\n')).toContain('DEMO25690003');
    for (const id of [...wrongIds, bill.nationalId]) expect(logged.join('\n')).not.toContain(id);
    warn.mockRestore();
  });

  it('forgets earlier failures of a bill once its owner looks it up', async () => {
    const bill = { billNumber: 'DEMO-2569-0005', nationalId: '3300553116365' };
    for (let i = 0; i < 4; i++) await lookup({ ...bill, nationalId: '1101700230708' }).expect(404);
    await lookup(bill).expect(200);
    for (let i = 0; i < 4; i++) await lookup({ ...bill, nationalId: '1101700230708' }).expect(404);
    await lookup(bill).expect(200);
  });
});

describe('importing the tax office spreadsheet', () => {
  it('stores good rows, reports bad ones in Thai and English, and stores nothing of a bad row', async () => {
    const before = await app.strapi.db.query(BILL).count();
    const rows = [HEADER, good(1), good(2, { 2: '1101700230709' }), good(3), good(4, { 7: 'สามร้อย' }), good(5, { 5: 'โรงงาน' }), good(6, { 9: '31/02/2569' }), good(1), good(7, { 0: 't 2569 00001' }), good(8, { 0: 'ภดส.6/8' })];
    const report = await importRows(rows);
    expect(report).toMatchObject({ total: 9, created: 2, updated: 0, unchanged: 0 });
    expect(report.failed.map((f: { row: number; issues: Array<{ field: string }> }) => [f.row, f.issues.map((i) => i.field)])).toEqual([
      [3, ['nationalId']],
      [5, ['taxAmount']],
      [6, ['useCategory']],
      [7, ['dueDate']],
      [8, ['billNumber']],
      [9, ['billNumber']], // the same reference 1 as row 2, printed differently: the same bill
      [10, ['billNumber']],
    ]);
    expect(report.failed[6].issues[0]).toMatchObject({ code: 'invalid_bill_number', en: expect.stringContaining('at most 20 letters A–Z and digits 0–9') });
    expect(report.failed[0].issues[0].th).toContain('เลขประจำตัวไม่ถูกต้อง');
    expect(await app.strapi.db.query(BILL).count()).toBe(before + 2);
    expect(await app.strapi.db.query(BILL).findOne({ where: { billNumber: 'T-2569-00002' } })).toBeNull();
    const stored = await app.strapi.db.query(BILL).findOne({ where: { billNumber: 'T-2569-00001' } });
    expect(stored).toMatchObject({ billReference: 'T256900001', billKey: '2569/T256900001', taxYear: 2569, useCategory: 'residence', nationalId: '1101700230708', status: 'issued' });
    expect(stored.documentId).toEqual(expect.any(String));
  });

  it('changes nothing when the same file is imported again, and updates a changed row', async () => {
    const rows = [HEADER, good(1), good(3)];
    const stamp = (await app.strapi.db.query(BILL).findOne({ where: { billNumber: 'T-2569-00001' } })).updatedAt;
    expect(await importRows(rows)).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: [] });
    expect((await app.strapi.db.query(BILL).findOne({ where: { billNumber: 'T-2569-00001' } })).updatedAt).toEqual(stamp);
    expect(await importRows([HEADER, good(1, { 7: '450.00' }), good(3)])).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(Number((await app.strapi.db.query(BILL).findOne({ where: { billNumber: 'T-2569-00001' } })).taxAmount)).toBe(450);
  });

  it('gives bills stored before reference 1 was kept their reference and key, so a re-import updates them', async () => {
    const service = app.strapi.service(BILL);
    const legacy = (billNumber: string, taxYear = 2568) => ({
      billKey: `${taxYear}/${billNumber}`, billNumber, billReference: null, taxYear, nationalId: '1101700230708', ownerName: 'นายเก่า ก่อน', useCategory: 'residence', taxAmount: 100, paidAmount: 0, status: 'issued',
      installments: [{ number: 1, dueDate: '2025-12-30', amount: 100 }],
    });
    await app.strapi.db.query(BILL).createMany({ data: [legacy('OLD-2568-0001'), legacy('OLD-2568-0002'), legacy('OLD25680002'), legacy('ภดส.6/9')] });
    await lookup({ billNumber: 'OLD-2568-0001', nationalId: '1101700230708' }).expect(404);
    const result = await service.backfillReferences();
    // Two bills of one year with one reference, and a number with none, are left for staff.
    expect(result).toEqual({ filled: 1, left: expect.arrayContaining(['OLD-2568-0002 (2568)', 'OLD25680002 (2568)', 'ภดส.6/9 (2568)']) });
    expect(await app.strapi.db.query(BILL).findOne({ where: { billNumber: 'OLD-2568-0001' } })).toMatchObject({ billReference: 'OLD25680001', billKey: '2568/OLD25680001' });
    await lookup({ billNumber: 'old-2568-0001', nationalId: '1101700230708' }).expect(200);
    expect(await importRows([HEADER, good(1, { 0: 'OLD-2568-0001', 1: '2568' })])).toMatchObject({ created: 0, updated: 1 });
    expect(await service.backfillReferences()).toMatchObject({ filled: 0 });
    await app.strapi.db.query(BILL).deleteMany({ where: { taxYear: 2568 } });
  });

  it('reads the same from an XLSX file', async () => {
    const xlsx = await writeXlsx([HEADER, good(20), good(21, { 10: '3' })]);
    const rows = await readSpreadsheet(xlsx, 'bills.xlsx');
    expect(rows[0]).toEqual(HEADER);
    expect(await importRows(rows)).toMatchObject({ created: 2, failed: [] });
    const three = await app.strapi.db.query(BILL).findOne({ where: { billNumber: 'T-2569-00021' } });
    expect(three.installments.map((i: { amount: number }) => i.amount)).toEqual([100, 100, 100]);
    expect(three.installments.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2026-12-30', '2027-01-30', '2027-02-28']);
  });

  it('imports 10,000 bills', async () => {
    const rows = [HEADER, ...Array.from({ length: 10_000 }, (_, i) => good(100_000 + i))];
    const started = Date.now();
    const report = await importRows(rows);
    expect(report).toMatchObject({ total: 10_000, created: 10_000, failed: [] });
    expect(await app.strapi.db.query(BILL).count({ where: { billNumber: { $startsWith: 'T-2569-1' } } })).toBe(10_000);
    console.log(`10,000 bills imported in ${((Date.now() - started) / 1000).toFixed(1)} s`); // the figure is `npm run bench`'s
    expect(await importRows(rows)).toMatchObject({ unchanged: 10_000, created: 0, updated: 0 });
  });

  it('imports from the command line, with a report of refused rows', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-cli-'));
    const file = path.join(dir, 'bills.csv');
    fs.writeFileSync(file, `\ufeff${csv([HEADER, good(900), good(901, { 3: '' })])}`);
    fs.mkdirSync(path.join(dir, 'uploads'));
    const env = { ...process.env, ...randomSecrets(), DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'cli.db'), SEED_DEMO: 'false', NODE_ENV: 'development', PUBLIC_DIR: dir };
    const res = spawnSync(process.execPath, ['scripts/import-tax-bills.js', file], { cwd: path.resolve(__dirname, '../../../../..'), env, encoding: 'utf8', timeout: 120_000 });
    expect(res.stdout).toContain('row 3: ownerName (required): ไม่มีชื่อผู้เสียภาษี\n');
    expect(res.stdout).not.toContain('Taxpayer name is missing');
    expect(res.stdout).toMatch(/2 rows in [\d.]+ s: 1 created, 0 updated, 0 unchanged, 1 refused/);
    expect(res.status).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("reconciling the bank's bill-payment report", () => {
  it('applies exact payments once, flags partial, over and unmatched payments, and takes the amount out of the QR when paid', async () => {
    await importRows([HEADER, good(500), good(501, { 10: '3', 7: '900.00' }), good(502)]);
    const service = app.strapi.service(BILL);
    // Reference 1 as the QR carries it (T256900500) or as printed on the bill (T-2569-00501): the same.
    const report = [
      ['2026-12-01 10:15', 'T256900500', '256901', '300.00', 'BANK-0001'],
      ['2026-12-01', 'T-2569-00501', '256901', '100.00', 'BANK-0002'],
      ['2026-12-02', 'T-2569-00502', '256901', '350.00', 'BANK-0003'],
      ['2026-12-02', 'NO-SUCH', '256901', '10.00', 'BANK-0004'],
      ['yesterday', 'T-2569-00502', '256901', '1.00', 'BANK-0005'],
    ];
    const first = await service.reconcile(report);
    expect(first).toMatchObject({ total: 5, applied: 1, review: 3, duplicate: 0 });
    expect(first.failed.map((f: { row: number }) => f.row)).toEqual([6]);
    const again = await service.reconcile(report);
    expect(again).toMatchObject({ applied: 0, review: 0, duplicate: 4 });

    const flagged = await app.strapi.db.query('api::tax-payment.tax-payment').findMany({ where: { needsReview: true }, orderBy: [{ bankReference: 'asc' }] });
    expect(flagged.map((p: { bankReference: string; reviewReason: string }) => [p.bankReference, p.reviewReason])).toEqual([
      ['BANK-0002', 'partial'],
      ['BANK-0003', 'overpaid'],
      ['BANK-0004', 'unmatched'],
    ]);
    const paid = (await lookup({ billNumber: 'T-2569-00500', nationalId: '1101700230708' }).expect(200)).body.data;
    expect(paid).toMatchObject({ status: 'paid', amountDue: 0, paidAmount: 300, qrPayload: null, qrImageUrl: null });
    const partial = (await lookup({ billNumber: 'T-2569-00501', nationalId: '1101700230708' }).expect(200)).body.data;
    expect(partial).toMatchObject({ status: 'partially_paid', amountDue: 800, paidAmount: 100 });
    expect(partial.qrPayload).toBe(expectedPayload('T256900501', '256901', '800.00'));
    // Once paid, the payload itself carries no amount (tag 54 absent).
    const bill = await app.strapi.db.query(BILL).findOne({ where: { billNumber: 'T-2569-00500' } });
    expect(service.payload(bill)).toBe(expectedPayload('T256900500', '256900', null));
  });
});

/** An admin user whose one role holds exactly these admin permissions; answers its JWT header. */
async function staffWith(email: string, actions: string[]) {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name: `role ${email}`, description: 'test' });
  await roles.assignPermissions(role.id, actions.map((action) => ({ action, subject: null, conditions: [], properties: {} })));
  await app.strapi.service('admin::user').create({ email, firstname: 'เจ้าหน้าที่', lastname: 'ทดสอบ', password: 'Revenue12345', isActive: true, roles: [role.id] });
  const res = await request(app.url).post('/admin/login').send({ email, password: 'Revenue12345' }).expect(200);
  return { Authorization: `Bearer ${res.body.data.token}` };
}

describe('the staff import in the admin (spreadsheet-import targets)', () => {
  const BILLS = '/spreadsheet-import/targets/tax-bills/imports';
  const PAYMENTS = '/spreadsheet-import/targets/tax-payments/imports';
  const idle = () => app.strapi.plugin('spreadsheet-import').service('jobs').idle();

  it('reads an upload, maps its columns, checks every row, imports in the background and reports', async () => {
    const staff = await createAdmin(app, { email: 'revenue@nokok.test', password: 'Revenue12345' });
    const auth = { Authorization: `Bearer ${staff.token}` };
    const targets = await request(app.url).get('/spreadsheet-import/targets').set(auth).expect(200);
    expect(targets.body.data.map((t: { id: string }) => t.id)).toEqual(['tax-bills', 'tax-payments']);
    expect(targets.body.data[0]).toMatchObject({ label: { th: 'ใบแจ้งประเมินภาษีที่ดินและสิ่งปลูกสร้าง' }, headerRow: 'required' });
    expect(targets.body.data[0].fields[0]).toEqual({ key: 'billNumber', th: 'เลขที่ใบแจ้งประเมิน', en: 'Bill number', required: true });

    const file = Buffer.from(`\ufeff${csv([HEADER, good(700), good(701, { 2: '123' }), good(702)])}`);
    const up = await request(app.url).post(BILLS).set(auth).attach('file', file, 'bills.csv').expect(201);
    expect(up.body).toMatchObject({ target: 'tax-bills', fileName: 'bills.csv', rowCount: 3, headers: HEADER, hasHeader: true });
    expect(up.body.mapping).toMatchObject({ billNumber: 0, taxYear: 1, nationalId: 2, ownerName: 3, useCategory: 5, taxAmount: 7 });
    const { id, mapping } = up.body;

    const check = await request(app.url).post(`${BILLS}/${id}/check`).set(auth).send({ mapping }).expect(200);
    expect(check.body).toMatchObject({ total: 3, valid: 2, invalid: 1, missing: [] });
    expect(check.body.failed).toEqual([{ row: 3, issues: [expect.objectContaining({ field: 'nationalId' })] }]);
    expect(await app.strapi.db.query(BILL).count({ where: { billNumber: { $in: ['T-2569-00700', 'T-2569-00702'] } } })).toBe(0);

    const { taxAmount: _dropped, ...partial } = mapping;
    const refused = await request(app.url).post(`${BILLS}/${id}/run`).set(auth).send({ mapping: partial }).expect(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['mapping', 'taxAmount']);
    expect(refused.body.error.details).toMatchObject({ code: 'mapping.required', th: 'ยังไม่ได้เลือกคอลัมน์ที่จำเป็น', messages: { en: 'Required columns are not mapped' } });
    expect(refused.body.error.message).toBe('ยังไม่ได้เลือกคอลัมน์ที่จำเป็น');

    await request(app.url).post(`${BILLS}/${id}/run`).set(auth).send({ mapping }).expect(202);
    await idle();
    const done = await request(app.url).get(`${BILLS}/${id}`).set(auth).expect(200);
    expect(done.body).toMatchObject({ state: 'done', done: 3, total: 3, report: { total: 3, counts: { created: 2, updated: 0, unchanged: 0 } } });
    expect(done.body.report.failed).toEqual([{ row: 3, issues: [expect.objectContaining({ field: 'nationalId' })] }]);

    await request(app.url).post(BILLS).attach('file', file, 'bills.csv').expect(401);
    const empty = await request(app.url).post(BILLS).set(auth).attach('file', Buffer.from('only,a,header\n'), 'x.csv').expect(400);
    expect(empty.body.error.details.errors[0].path).toEqual(['file']);
    await request(app.url).get(`${BILLS}/not-an-id`).set(auth).expect(404);
    // An upload belongs to its target: the same id under another target is not found.
    await request(app.url).get(`${PAYMENTS}/${id}`).set(auth).expect(404);
    await request(app.url).post('/spreadsheet-import/targets/no-such-target/imports').set(auth).attach('file', file, 'bills.csv').expect(404);
  });

  it("imports Thai Excel's plain CSV (Windows-874) and an XLSX written by LibreOffice Calc, Thai names intact", async () => {
    const auth = await staffWith('fixtures@nokok.test', ['plugin::spreadsheet-import.tax-bills']);
    const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../../fixtures/spreadsheets', name));
    const importFile = async (name: string) => {
      const up = await request(app.url).post(BILLS).set(auth).attach('file', fixture(name), name).expect(201);
      await request(app.url).post(`${BILLS}/${up.body.id}/run`).set(auth).send({ mapping: up.body.mapping }).expect(202);
      await idle();
      const done = await request(app.url).get(`${BILLS}/${up.body.id}`).set(auth).expect(200);
      return { up: up.body, done: done.body };
    };
    const stored = (billNumber: string) => app.strapi.db.query(BILL).findOne({ where: { billNumber } });

    const cp874 = await importFile('tax-bills-windows-874.csv');
    expect(cp874.up).toMatchObject({ rowCount: 4, hasHeader: true });
    expect(cp874.up.headers[3]).toBe('ชื่อผู้เสียภาษี');
    expect(cp874.up.sample[0][3]).toBe('นางสาวกาญจนา แก้วมณี');
    expect(cp874.done).toMatchObject({ state: 'done', report: { total: 4, counts: { created: 4 }, failed: [] } });
    expect(await stored('CP874-2569-0001')).toMatchObject({ ownerName: 'นางสาวกาญจนา แก้วมณี', ownerAddress: '99/1 หมู่ 4, ต.นกออก อ.ปักธงชัย จ.นครราชสีมา', useCategory: 'residence', nationalId: '3300400123454' });
    expect(await stored('CP874-2569-0002')).toMatchObject({ ownerName: 'นายสมศักดิ์ ศรีสุข', useCategory: 'agriculture' });
    expect(Number((await stored('CP874-2569-0002')).assessedValue)).toBe(1_200_000);
    expect(await stored('CP874-2569-0003')).toMatchObject({ ownerName: 'นางบัวผัน ทองคำ', ownerAddress: 'ร้าน "ทองคำพาณิชย์" 7 หมู่ 1 ต.นกออก', useCategory: 'other' });
    expect(await stored('CP874-2569-0004')).toMatchObject({ ownerName: 'บริษัท ข้าวหอมมะลิไทย จำกัด', ownerAddress: '๑๒๓ ถนนสุขุมวิท แขวงคลองเตย กรุงเทพฯ ๑๐๑๑๐' });
    expect((await stored('CP874-2569-0004')).installments).toEqual([{ number: 1, dueDate: '2027-04-30', amount: 9000 }]);

    const libre = await importFile('tax-bills-libreoffice.xlsx');
    expect(libre.done).toMatchObject({ state: 'done', report: { total: 3, counts: { created: 3 }, failed: [] } });
    const first = await stored('LO-2569-0001');
    expect(first).toMatchObject({ ownerName: 'นายประเสริฐ ใจดี', ownerAddress: '63 หมู่ 6, ต.นกออก อ.ปักธงชัย จ.นครราชสีมา', nationalId: '3109900998875', village: 6, useCategory: 'residence' });
    // Number cells (area, value, tax) and a date cell (the due date) as LibreOffice typed them.
    expect([Number(first.areaSqWa), Number(first.assessedValue), Number(first.taxAmount)]).toEqual([50.5, 180000, 36.5]);
    expect(first.installments).toEqual([{ number: 1, dueDate: '2026-12-30', amount: 36.5 }]);
    expect(await stored('LO-2569-0002')).toMatchObject({ ownerName: 'นางสาวสมศรี มั่นคง', useCategory: 'vacant' });
    expect((await stored('LO-2569-0002')).installments.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2027-01-15', '2027-02-15']);
    expect(await stored('LO-2569-0003')).toMatchObject({ ownerName: 'นายชูชาติ ทองคำ', useCategory: 'agriculture' });

    // The same files again: nothing changes.
    expect((await importFile('tax-bills-windows-874.csv')).done.report.counts).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect((await importFile('tax-bills-libreoffice.xlsx')).done.report.counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });

  it('refuses a file it cannot read with a 400 saying why, in one language at a time', async () => {
    const auth = await staffWith('refusals@nokok.test', ['plugin::spreadsheet-import.tax-bills']);
    const upload = (bytes: Buffer, name: string, lang = 'th') => request(app.url).post(BILLS).set(auth).set('Accept-Language', lang).attach('file', bytes, name).expect(400);
    const garbage = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 151 + 7) % 256));
    const bad = await upload(garbage, 'bills.csv');
    expect(bad.body.error.details).toMatchObject({ code: 'file.encoding', messages: { th: expect.stringContaining('Windows-874'), en: expect.stringContaining('Windows-874') } });
    expect(bad.body.error.details.errors).toEqual([expect.objectContaining({ path: ['file'], code: 'file.encoding' })]);
    expect(bad.body.error.message).toBe(bad.body.error.details.messages.th);
    expect(bad.body.error.message).not.toContain(bad.body.error.details.messages.en);
    expect((await upload(garbage, 'bills.csv', 'en-GB,en;q=0.9')).body.error.message).toBe(bad.body.error.details.messages.en);
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]);
    expect((await upload(xls, 'bills.xls')).body.error.details.code).toBe('file.xls');
    const broken = await upload(Buffer.from('เลขที่ใบแจ้งประเมิน,ปีภาษี\r\n"A-1,2569\r\n'), 'bills.csv');
    expect(broken.body.error.details).toMatchObject({ code: 'file.malformed_csv', messages: { th: expect.stringMatching(/บรรทัด \d/), en: expect.stringMatching(/line \d/) } });
    const notFound = await request(app.url).post('/spreadsheet-import/targets/no-such-target/imports').set(auth).attach('file', garbage, 'x.csv').expect(404);
    expect(notFound.body.error).toMatchObject({ message: 'ไม่พบประเภทข้อมูลที่จะนำเข้า', details: { code: 'target.not_found', messages: { en: 'No such import target' } } });
  });

  it("reconciles the bank's report through the same import, with or without a header row, and lists payments to review", async () => {
    const staff = await createAdmin(app, { email: 'cashier@nokok.test', password: 'Revenue12345' });
    const auth = { Authorization: `Bearer ${staff.token}` };
    const withHeader = Buffer.from(csv([['date', 'ref1', 'ref2', 'amount', 'bank_ref'], ['2026-12-05', 'T-2569-00700', '256901', '300.00', 'BANK-9001']]));
    const up = await request(app.url).post(PAYMENTS).set(auth).attach('file', withHeader, 'bank.csv').expect(201);
    expect(up.body).toMatchObject({ hasHeader: true, rowCount: 1, mapping: { date: 0, ref1: 1, ref2: 2, amount: 3, bankReference: 4 } });
    await request(app.url).post(`${PAYMENTS}/${up.body.id}/run`).set(auth).send({ mapping: up.body.mapping }).expect(202);
    await idle();
    const done = await request(app.url).get(`${PAYMENTS}/${up.body.id}`).set(auth).expect(200);
    expect(done.body.report).toMatchObject({ total: 1, counts: { applied: 1, review: 0, duplicate: 0 }, failed: [] });

    // Banks often send no header: the columns are then taken in the report's order, rows counted from 1.
    const bare = Buffer.from(['2026-12-05,T-2569-00702,256901,10.00,BANK-9002', 'yesterday,T-2569-00702,256901,1.00,BANK-9003'].join('\n'));
    const up2 = await request(app.url).post(PAYMENTS).set(auth).attach('file', bare, 'bank.csv').expect(201);
    expect(up2.body).toMatchObject({ hasHeader: false, rowCount: 2, headers: ['', '', '', '', ''], mapping: { date: 0, ref1: 1, ref2: 2, amount: 3, bankReference: 4 } });
    const check = await request(app.url).post(`${PAYMENTS}/${up2.body.id}/check`).set(auth).send({ mapping: up2.body.mapping }).expect(200);
    expect(check.body).toMatchObject({ total: 2, valid: 1, invalid: 1, failed: [{ row: 2, issues: [expect.objectContaining({ field: 'date' })] }] });
    await request(app.url).post(`${PAYMENTS}/${up2.body.id}/run`).set(auth).send({ mapping: up2.body.mapping }).expect(202);
    await idle();
    const done2 = await request(app.url).get(`${PAYMENTS}/${up2.body.id}`).set(auth).expect(200);
    expect(done2.body.report).toMatchObject({ total: 2, counts: { applied: 0, review: 1 }, failed: [{ row: 2 }] });

    const review = await request(app.url).get('/tax-bills/payments/review').set(auth).expect(200);
    expect(review.body.results.map((p: { bankReference: string }) => p.bankReference)).toEqual(expect.arrayContaining(['BANK-0002', 'BANK-0003', 'BANK-0004', 'BANK-9002']));
    await request(app.url).get('/tax-bills/payments/review').expect(401);
  });

  it("gives each target its own permission: an officer sees and uses only the targets of their role", async () => {
    const billsOnly = await staffWith('bills-only@nokok.test', ['plugin::spreadsheet-import.tax-bills']);
    const targets = await request(app.url).get('/spreadsheet-import/targets').set(billsOnly).expect(200);
    expect(targets.body.data.map((t: { id: string }) => t.id)).toEqual(['tax-bills']);
    const file = Buffer.from(csv([HEADER, good(710)]));
    await request(app.url).post(BILLS).set(billsOnly).attach('file', file, 'bills.csv').expect(201);
    await request(app.url).post(PAYMENTS).set(billsOnly).attach('file', file, 'bank.csv').expect(403);
    await request(app.url).get('/tax-bills/payments/review').set(billsOnly).expect(403);

    const cashier = await staffWith('cashier-only@nokok.test', ['plugin::spreadsheet-import.tax-payments']);
    expect((await request(app.url).get('/spreadsheet-import/targets').set(cashier).expect(200)).body.data.map((t: { id: string }) => t.id)).toEqual(['tax-payments']);
    await request(app.url).get('/tax-bills/payments/review').set(cashier).expect(200);
    await request(app.url).post(BILLS).set(cashier).attach('file', file, 'bills.csv').expect(403);

    const nobody = await staffWith('no-import@nokok.test', []);
    expect((await request(app.url).get('/spreadsheet-import/targets').set(nobody).expect(200)).body.data).toEqual([]);
  });

  it("keeps what roles were granted under the old tax plugin's permission names", async () => {
    const roles = app.strapi.service('admin::role');
    const role = await roles.create({ name: 'revenue (old names)', description: 'test' });
    // Written straight to the table, as an older version of the app left them.
    const knex = app.strapi.db.connection;
    const now = new Date();
    for (const action of ['plugin::tax.bills.import', 'plugin::tax.payments.reconcile']) {
      const [row] = await knex('admin_permissions').insert({ action, action_parameters: '{}', properties: '{}', conditions: '[]', created_at: now, updated_at: now }).returning('id');
      await knex('admin_permissions_role_lnk').insert({ permission_id: typeof row === 'object' ? row.id : row, role_id: role.id });
    }
    await renamePermissions(knex);
    const actions = (await app.strapi.db.query('admin::permission').findMany({ where: { role: role.id } })).map((p: { action: string }) => p.action);
    expect(actions.sort()).toEqual(['plugin::spreadsheet-import.tax-bills', 'plugin::spreadsheet-import.tax-payments']);
  });

  it('leaves no uploaded file behind in the temporary folder, refused uploads included', async () => {
    const nobody = await staffWith('tmp-check@nokok.test', []);
    const tmp = os.tmpdir();
    const before = new Set(fs.readdirSync(tmp));
    const marker = Buffer.from(csv([HEADER, good(720)]));
    await request(app.url).post(BILLS).set(nobody).attach('file', marker, 'bills.csv').expect(403);
    const leftover = () => fs.readdirSync(tmp).filter((f) => !before.has(f) && fs.statSync(path.join(tmp, f)).isFile() && fs.readFileSync(path.join(tmp, f)).equals(marker));
    await waitFor(() => leftover().length === 0);
    expect(leftover()).toEqual([]);
  });
});

/** Polls a condition (files are removed asynchronously after the answer). */
async function waitFor(ok: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!ok() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

describe('GET /api/tax-rates', () => {
  it('publishes the statutory rates by use and value band as data', async () => {
    const res = await request(app.url).get('/api/tax-rates').expect(200);
    expect(res.body.data.categories.map((c: { key: string }) => c.key)).toEqual(['agriculture', 'residence', 'other', 'vacant']);
    const other = res.body.data.categories[2].variants[0].bands;
    expect(estimateTax(2_450_000, other)).toBe(7350);
    expect(estimateTax(60_000_000, other)).toBe(50_000_000 * 0.003 + 10_000_000 * 0.004);
  });
});
