import request from 'supertest';
import { startApp, type TestApp } from '../../../helpers/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '5' });
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'waste', nameTh: 'ขยะ', nameEn: 'Waste', deadlineDays: 7, confidential: false, active: true },
  });
});

afterAll(async () => {
  await app?.stop();
});

it('limits public writes per client to RATE_LIMIT_PER_MINUTE, with a reason in the caller’s language', async () => {
  const body = { data: { category: 'waste', description: 'ขยะไม่ได้เก็บมา 2 สัปดาห์' } };
  for (let i = 0; i < 5; i++) {
    const ok = await request(app.url).post('/api/complaints').send(body).expect(201);
    expect(ok.headers['ratelimit-remaining']).toBe(String(4 - i));
  }
  const limited = await request(app.url).post('/api/complaints').send(body).expect(429);
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect(limited.body.error.message).toMatch(/^ส่งคำขอบ่อยเกินไป กรุณารอ \d+ วินาที/);
  expect(limited.body.error.details.code).toBe('rate_limited');
  const english = await request(app.url).post('/api/complaints').set('Accept-Language', 'en').send(body).expect(429);
  expect(english.body.error.message).toMatch(/^Too many requests: please wait \d+ seconds/);
  expect(await app.strapi.db.query('api::complaint.complaint').count()).toBe(5);
  // Reads are not limited.
  for (let i = 0; i < 8; i++) await request(app.url).get('/api/complaint-categories').expect(200);
  // Filing a complaint is one budget whichever way in: Open311 does not open a second one.
  const open311 = await request(app.url).post('/api/open311/v2/requests.json').type('form').send({ service_code: 'waste', description: 'ขยะ', address_string: 'ตลาด' }).expect(429);
  expect(open311.headers['retry-after']).toBeDefined();
  expect(await app.strapi.db.query('api::complaint.complaint').count()).toBe(5);
});

it('keys on the connection, not on an X-Forwarded-For a client wrote, when no proxy is trusted', async () => {
  // A client rotating a forged header on every request still has one budget (TRUSTED_PROXIES unset).
  const lookup = (i: number) =>
    request(app.url).post('/api/tax-bills/lookup').set('X-Forwarded-For', `198.51.100.${i}`).send({ billNumber: 'NONE', nationalId: '0' });
  for (let i = 0; i < 5; i++) expect((await lookup(i)).status).not.toBe(429);
  const limited = await lookup(99).expect(429);
  expect(limited.headers['ratelimit-remaining']).toBe('0');
});
