import request from 'supertest';
import { startApp, type TestApp } from '../../../helpers/strapi';
import { IDEMPOTENCY_TABLE } from '../../../../src/middlewares/idempotency';

/**
 * Idempotency-Key on the public writes: a submission sent again with the same key (a phone that
 * timed out, a server that crashed) gets the first answer back and is not filed twice.
 */
let app: TestApp;
const COMPLAINT = 'api::complaint.complaint';

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  await app.strapi.db.query('api::complaint-category.complaint-category').create({ data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, confidential: false, active: true } });
});

afterAll(async () => {
  await app?.stop();
});

const complaint = (description: string) => ({ data: { category: 'road', description } });
const count = (description: string) => app.strapi.db.query(COMPLAINT).count({ where: { description } });

it('answers a repeated key with the first answer, marked replayed, and files once', async () => {
  const first = await request(app.url).post('/api/complaints').set('Idempotency-Key', 'key-one').send(complaint('ไฟถนนดับ ซอย 1')).expect(201);
  expect(first.headers['idempotent-replayed']).toBeUndefined();
  const again = await request(app.url).post('/api/complaints').set('Idempotency-Key', 'key-one').send(complaint('ไฟถนนดับ ซอย 1')).expect(201);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect(again.body).toEqual(first.body);
  expect(await count('ไฟถนนดับ ซอย 1')).toBe(1);
  // Without a key, the same body is a second complaint, as before.
  await request(app.url).post('/api/complaints').send(complaint('ไฟถนนดับ ซอย 1')).expect(201);
  expect(await count('ไฟถนนดับ ซอย 1')).toBe(2);
});

it('files once when the same key arrives twice at the same moment', async () => {
  const both = await Promise.all([0, 1].map(() => request(app.url).post('/api/complaints').set('Idempotency-Key', 'key-race').send(complaint('ท่อแตก หมู่ 3'))));
  expect(both.map((r) => r.status).sort()).toEqual(expect.arrayContaining([201]));
  for (const r of both) expect([201, 409]).toContain(r.status);
  expect(await count('ท่อแตก หมู่ 3')).toBe(1);
});

it('refuses a key reused for another submission, and a malformed key, in Thai or English, storing nothing', async () => {
  await request(app.url).post('/api/complaints').set('Idempotency-Key', 'key-two').send(complaint('หญ้ารก')).expect(201);
  const reused = await request(app.url).post('/api/complaints').set('Idempotency-Key', 'key-two').send(complaint('สิ่งอื่น')).expect(422);
  expect(reused.body.error.details).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
  expect(reused.body.error.message).toContain('Idempotency-Key');
  expect(await count('สิ่งอื่น')).toBe(0);
  const bad = await request(app.url).post('/api/complaints').set('Idempotency-Key', 'has spaces in it').set('Accept-Language', 'en').send(complaint('คีย์ผิด')).expect(400);
  expect(bad.body.error).toMatchObject({ message: expect.stringMatching(/visible ASCII/), details: { code: 'invalid_idempotency_key' } });
  const long = await request(app.url).post('/api/complaints').set('Idempotency-Key', 'x'.repeat(256)).send(complaint('คีย์ยาว')).expect(400);
  expect(long.body.error.message).toContain('ASCII');
  expect(await count('คีย์ผิด')).toBe(0);
});

it('keeps no answer of a refused submission: corrected, it is filed under the same key', async () => {
  await request(app.url).post('/api/complaints').set('Idempotency-Key', 'key-three').send({ data: { category: 'road' } }).expect(400);
  await request(app.url).post('/api/complaints').set('Idempotency-Key', 'key-three').send(complaint('ถนนแตก')).expect(201);
  const [{ n }] = await app.strapi.db.connection(IDEMPOTENCY_TABLE).where({ idem_key: 'key-three' }).count<Array<{ n: number | string }>>({ n: '*' });
  expect(Number(n)).toBe(1);
});

it('takes the key on a pole report and an e-service request too', async () => {
  await app.strapi.db.query('api::complaint-category.complaint-category').create({ data: { code: 'loudspeaker', nameTh: 'เสียงตามสาย', nameEn: 'Loudspeaker', deadlineDays: 7, confidential: false, active: true } });
  await app.strapi.db.query('api::pole.pole').create({ data: { code: 'NOK-P01', name: 'เสา 1', village: 1, lat: 14.72, lng: 102.02, status: 'working' } });
  const a = await request(app.url).post('/api/poles/NOK-P01/reports').set('Idempotency-Key', 'pole-key').send({ data: { fault: 'no_sound' } });
  expect(a.status).toBe(201);
  const b = await request(app.url).post('/api/poles/NOK-P01/reports').set('Idempotency-Key', 'pole-key').send({ data: { fault: 'no_sound' } }).expect(201);
  expect(b.headers['idempotent-replayed']).toBe('true');
  const body = { data: { title: 'ขอรับบริการ', description: 'ขอถังขยะเพิ่ม', contact: { name: 'สมหญิง', phone: '0812345678' }, consent: true } };
  const c = await request(app.url).post('/api/e-form-submissions').set('Idempotency-Key', 'req-key').send(body).expect(201);
  const d = await request(app.url).post('/api/e-form-submissions').set('Idempotency-Key', 'req-key').send(body).expect(201);
  expect(d.body.data.trackingCode).toBe(c.body.data.trackingCode);
});

it('is documented on each write that takes it, and on no read', async () => {
  const doc = (await request(app.url).get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; responses: Record<string, unknown> }>> };
  const takes = (path: string, method: string) => (doc.paths[path]?.[method]?.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
  for (const path of ['/complaints', '/complaints/photos', '/poles/{code}/reports', '/e-forms/{slug}/submissions', '/e-form-submissions']) {
    expect({ path, documented: takes(path, 'post') }).toEqual({ path, documented: true });
    expect(doc.paths[path].post.responses).toHaveProperty('422');
  }
  expect(takes('/complaints/track/{trackingCode}', 'get')).toBe(false);
});
