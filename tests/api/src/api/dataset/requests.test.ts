import request from 'supertest';
import { startApp, type TestApp } from '../../../../helpers/strapi';

/**
 * POST /api/open-data/requests: anyone may ask for data the town has not published. The answer is
 * the reference alone; the requester's name, e-mail and organisation are stored for staff only.
 */
const UID = 'api::dataset.dataset-request';
const LIMIT = 6;

let app: TestApp;
let client = 0;

/** Each test speaks from its own address (the loopback proxy is trusted), so budgets do not mix. */
const from = (address: string) => ({
  post: (body: unknown, headers: Record<string, string> = {}) =>
    request(app.url)
      .post('/api/open-data/requests')
      .set({ 'X-Forwarded-For': address, ...headers })
      .send(body as object),
});
const newClient = () => from(`198.51.100.${++client}`);
const stored = () => app.strapi.db.query(UID).count();

const PERSONAL = { name: 'สมศรี ใจงาม', email: 'Somsri@Example.org', organisation: 'ชมรมผู้สูงอายุตำบลนกออก' };
const VALID = { title: 'จำนวนผู้สูงอายุรายหมู่บ้าน', description: 'แยกตามหมู่บ้านและช่วงอายุ ปี 2565–2568', purpose: 'วางแผนกิจกรรมของชมรม', ...PERSONAL };

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUSTED_PROXIES: '127.0.0.1' });
});

afterAll(async () => {
  await app?.stop();
});

describe('POST /api/open-data/requests', () => {
  it('stores the request and answers 201 with its reference only, numbered in the Buddhist-era year', async () => {
    const as = newClient();
    const yearBE = new Date(Date.now() + 7 * 3600_000).getUTCFullYear() + 543;
    const first = await as.post({ data: VALID }).expect(201);
    expect(first.body).toEqual({ data: { referenceCode: `DR-${yearBE}-0001` } });
    expect(first.headers['cache-control']).toBe('no-store');
    // Nothing personal in the answer, whatever its form.
    for (const value of Object.values(PERSONAL)) expect(first.text.toLowerCase()).not.toContain(value.toLowerCase());

    const record = (await app.strapi.db.query(UID).findOne({ where: { referenceCode: first.body.data.referenceCode } })) as Record<string, unknown>;
    expect(record).toMatchObject({
      title: VALID.title,
      description: VALID.description,
      purpose: VALID.purpose,
      requesterName: PERSONAL.name,
      requesterEmail: 'somsri@example.org',
      organisation: PERSONAL.organisation,
      state: 'received',
    });
    expect(Math.abs(new Date(record.receivedAt as string).getTime() - Date.now())).toBeLessThan(60_000);

    // Anonymous, and what only the server sets is ignored: the reference, the state, the answer.
    const second = await as
      .post({ data: { title: 'ตารางเก็บขยะ', description: 'วันและเวลาที่รถเก็บขยะผ่านแต่ละหมู่', referenceCode: 'DR-2500-9999', state: 'fulfilled', response: 'ok', requesterName: 'x' } })
      .expect(201);
    expect(second.body.data.referenceCode).toBe(`DR-${yearBE}-0002`);
    const anonymous = (await app.strapi.db.query(UID).findOne({ where: { referenceCode: second.body.data.referenceCode } })) as Record<string, unknown>;
    expect(anonymous).toMatchObject({ state: 'received', response: null, requesterName: null, requesterEmail: null, organisation: null, purpose: null });
  });

  it('gives simultaneous requests different references', async () => {
    const before = await stored();
    const answers = await Promise.all([0, 1, 2].map((i) => from(`203.0.113.${i + 1}`).post({ data: { title: `ข้อมูลชุดที่ ${i}`, description: 'รายละเอียด' } })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.data.referenceCode)).size).toBe(3);
    expect(await stored()).toBe(before + 3);
  });

  it('refuses bad input with 400 naming each field with a code, in Thai or English, and stores nothing', async () => {
    const as = newClient();
    const before = await stored();
    const bad = { data: { title: '   ', description: 'ก'.repeat(3001), email: 'not-an-email', name: 'ชื่อ\u0000' } };
    const thai = await as.post(bad).expect(400);
    const fields = (res: request.Response) =>
      (res.body.error.details.errors as Array<{ path: string[]; code: string; message: string }>).map((e) => [e.path.join('.'), e.code]).sort();
    expect(fields(thai)).toEqual([
      ['data.description', 'too_long'],
      ['data.email', 'invalid_format'],
      ['data.name', 'control_characters'],
      ['data.title', 'required'],
    ]);
    expect(thai.body.error.message).toBe('ข้อมูลที่ส่งมาไม่ถูกต้อง');
    const titleError = thai.body.error.details.errors.find((e: { path: string[] }) => e.path.join('.') === 'data.title');
    expect(titleError.message).toBe('กรุณากรอกข้อมูลนี้');

    const english = await as.post(bad, { 'Accept-Language': 'en' }).expect(400);
    expect(fields(english)).toEqual(fields(thai));
    expect(english.body.error.message).toBe('The request has invalid fields');
    expect(english.body.error.details.errors.find((e: { path: string[] }) => e.path.join('.') === 'data.title').message).toBe('This field is required');
    // Never two languages in one message.
    for (const e of english.body.error.details.errors as Array<{ message: string }>) expect(e.message).not.toMatch(/[\u0E00-\u0E7F]/);

    // Missing fields, wrong types, no envelope, and a form instead of JSON.
    const missing = await as.post({ data: {} }).expect(400);
    expect(fields(missing)).toEqual([
      ['data.description', 'required'],
      ['data.title', 'required'],
    ]);
    const wrongType = await as.post({ data: { title: ['a'], description: { x: 1 } } }).expect(400);
    expect(fields(wrongType)).toEqual([
      ['data.description', 'invalid_type'],
      ['data.title', 'invalid_type'],
    ]);
    await as.post({ title: 'ไม่มี data', description: 'x' }).expect(400);
    await request(app.url).post('/api/open-data/requests').set('X-Forwarded-For', '198.51.100.200').type('form').send({ 'data[title]': 'x', 'data[description]': 'y' }).expect(415);
    // The submitted personal data is not echoed back in a refusal either.
    expect(thai.text).not.toContain('not-an-email');
    expect(await stored()).toBe(before);
  });

  it('answers 429 past RATE_LIMIT_PER_MINUTE per address, on a budget of its own', async () => {
    const as = newClient();
    const before = await stored();
    const body = { data: { title: 'ข้อมูลน้ำประปา', description: 'ปริมาณน้ำที่ผลิตรายเดือน' } };
    for (let i = 0; i < LIMIT; i++) await as.post(body).expect(201);
    const limited = await as.post(body).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.details.code).toBe('rate_limited');
    expect(limited.body.error.message).toMatch(/^ส่งคำขอบ่อยเกินไป/);
    const english = await as.post(body, { 'Accept-Language': 'en' }).expect(429);
    expect(english.body.error.message).toMatch(/^Too many requests/);
    expect(await stored()).toBe(before + LIMIT);
    // Another address still may; and the same address's other public writes keep their own budgets.
    await newClient().post(body).expect(201);
    const lookup = await request(app.url).post('/api/tax-bills/lookup').set('X-Forwarded-For', `198.51.100.${client - 1}`).send({ billNumber: 'NONE-1', nationalId: '1101700230708' });
    expect(lookup.status).not.toBe(429);
  });

  it('offers no public way to read requests back', async () => {
    for (const path of ['/api/dataset-requests', '/api/open-data/requests', '/api/open-data/requests/1']) {
      const res = await request(app.url).get(path);
      expect([404, 405]).toContain(res.status);
      expect(res.text).not.toContain(PERSONAL.organisation);
    }
  });

  it('is documented in the OpenAPI document, with its codes and the reference-only answer', async () => {
    const doc = (await request(app.url).get('/api/openapi.json').expect(200)).body;
    const op = doc.paths['/open-data/requests'].post;
    expect(op.operationId).toBe('createDatasetRequest');
    expect(Object.keys(op.responses).sort()).toEqual(['201', '400', '413', '429']);
    expect(Object.keys(op.responses['201'].content['application/json'].schema.properties.data.properties)).toEqual(['referenceCode']);
    const codes = op.responses['400'].content['application/json'].schema.properties.error.properties.details.properties.errors.items.properties.code.enum;
    expect(codes).toEqual(expect.arrayContaining(['required', 'too_long', 'invalid_format', 'control_characters']));
  });
});
