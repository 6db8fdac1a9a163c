import request from 'supertest';
import { startApp, type TestApp } from '../../../helpers/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
});

afterAll(async () => {
  await app?.stop();
});

/** Strapi's and Koa's own refusals get a code and the caller's language, like ours. */
describe('refusals the framework writes', () => {
  it('names an unknown route with not_found, in Thai by default and English when asked', async () => {
    const th = await request(app.url).get('/api/no-such-thing').expect(404);
    expect(th.body.error).toMatchObject({ status: 404, message: 'ไม่พบข้อมูลที่ขอ', details: { code: 'not_found' } });
    const en = await request(app.url).get('/api/no-such-thing').set('Accept-Language', 'en').expect(404);
    expect(en.body.error).toMatchObject({ message: 'Nothing was found', details: { code: 'not_found' } });
  });

  it('answers a body larger than the server reads with 413 body_too_large, storing nothing', async () => {
    const before = await app.strapi.db.query('api::complaint.complaint').count();
    const huge = { data: { category: 'road', description: 'ก'.repeat(2 * 1024 * 1024) } };
    const res = await request(app.url).post('/api/complaints').set('Accept-Language', 'en').send(huge);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ message: 'The request body is too large', details: { code: 'body_too_large' } });
    expect(await app.strapi.db.query('api::complaint.complaint').count()).toBe(before);
  });

  it('keeps a message written for the caller, adding only the code', async () => {
    const res = await request(app.url).get('/api/poles/NOK-NONE').set('Accept-Language', 'en').expect(404);
    expect(res.body.error).toMatchObject({ message: 'No pole has this code', details: { code: 'pole_not_found' } });
  });
});
