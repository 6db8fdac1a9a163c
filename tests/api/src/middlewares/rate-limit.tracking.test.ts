import request from 'supertest';
import { startApp, type TestApp } from '../../../helpers/strapi';

/**
 * The tracking read budget (READ_LIMIT_PER_MINUTE, here 3) of src/middlewares/rate-limit.ts: per
 * client address, shared by the API, Open311 and the website's /track page, which counts each
 * visitor by their own address and is not counted again by its loopback read of the API.
 */
let app: TestApp;
let code: string;

beforeAll(async () => {
  // Behind a trusted proxy (this loopback), so X-Forwarded-For names the visitor.
  app = await startApp({ TRUSTED_PROXIES: '127.0.0.1', READ_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '100' });
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, confidential: false, active: true },
  });
  const filed = await request(app.url).post('/api/complaints').send({ data: { category: 'road', description: 'ถนนเป็นหลุมหน้าโรงเรียน' } }).expect(201);
  code = filed.body.data.trackingCode as string;
});

afterAll(async () => {
  await app?.stop();
});

const from = (address: string, path: string) => request(app.url).get(path).set('X-Forwarded-For', address);

it('limits tracking reads per client address, across the API and Open311, apart from other addresses', async () => {
  for (let i = 0; i < 3; i++) await from('203.0.113.1', `/api/complaints/track/${code}`).expect(200);
  const limited = await from('203.0.113.1', `/api/complaints/track/${code}`).set('Accept-Language', 'en').expect(429);
  expect(limited.body.error.details.code).toBe('rate_limited');
  expect(limited.body.error.message).toMatch(/^Too many requests: please wait \d+ seconds/);
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  // Open311's reads are the same budget: a second door does not double it.
  await from('203.0.113.1', `/api/open311/v2/requests/${code}.json`).expect(429);
  await from('203.0.113.1', `/api/open311/v2/requests.json?service_request_id=${code}`).expect(429);
  // And so are e-service requests' (the code's format is the same; whether it exists does not matter).
  await from('203.0.113.1', `/api/e-form-submissions/track/${code}`).expect(429);
  // Another address has its own budget; a header claiming to be the website is counted all the same.
  await from('203.0.113.2', `/api/open311/v2/requests/${code}.json`).expect(200);
  for (let i = 0; i < 2; i++) await from('203.0.113.2', `/api/complaints/track/${code}`).set('X-Nokok-Website', 'guess').expect(200);
  await from('203.0.113.2', `/api/complaints/track/${code}`).set('X-Nokok-Website', 'guess').expect(429);
  // Filing is a separate (write) budget, untouched by reads.
  await request(app.url).post('/api/complaints').set('X-Forwarded-For', '203.0.113.1').send({ data: { category: 'road', description: 'ไฟดับ' } }).expect(201);
});

it("counts the website's /track?code= per visitor address, and its loopback read of the API not again", async () => {
  // Two visitors, three results each: six loopback reads, more than the loopback address's own budget of 3.
  for (const visitor of ['198.51.100.7', '198.51.100.8']) {
    for (let i = 0; i < 3; i++) {
      const page = await from(visitor, `/track?code=${code}`).expect(200);
      expect(page.text).toContain(code);
    }
  }
  // The loopback address itself (no forwarded client) still has its whole budget.
  const own = await request(app.url).get(`/api/complaints/track/${code}`).expect(200);
  expect(own.headers['ratelimit-remaining']).toBe('2');

  // Over the limit, the page says so in the visitor's language; the empty form is not a lookup.
  const thai = await from('198.51.100.7', `/track?code=${code}`).expect(429);
  expect(thai.headers['content-type']).toMatch(/^text\/html/);
  expect(Number(thai.headers['retry-after'])).toBeGreaterThan(0);
  expect(thai.text).toMatch(/<html lang="th">/);
  expect(thai.text).toMatch(/ส่งคำขอบ่อยเกินไป กรุณารอ \d+ วินาที/);
  expect(thai.text).not.toContain(code);
  const english = await from('198.51.100.8', `/en/track?code=${code}`).expect(429);
  expect(english.text).toMatch(/<html lang="en">/);
  expect(english.text).toMatch(/Too many requests: please wait \d+ seconds/);
  await from('198.51.100.7', '/track').expect(200);
  // The page and the API are one budget for a visitor: the API refuses them too.
  await from('198.51.100.7', `/api/complaints/track/${code}`).expect(429);
  // A third visitor is unaffected.
  await from('198.51.100.9', `/track?code=${code}`).expect(200);
});
