import request from 'supertest';
import { startApp, type TestApp } from '../../../../helpers/strapi';

/** OPEN311_REQUIRE_KEY is read at boot, so this needs its own app: POSTs must carry a Strapi API token. */
let app: TestApp;
const V2 = '/api/open311/v2';
const form = { service_code: 'road', lat: '14.7201', long: '102.0205', description: 'ถนนเป็นหลุม' };
const tokens = () => app.strapi.service('admin::api-token-content-api') as unknown as { create(a: Record<string, unknown>): Promise<{ id: number; accessKey: string }> };
const count = () => app.strapi.db.query('api::complaint.complaint').count();
const keys: Record<string, string> = {};

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000', OPEN311_REQUIRE_KEY: 'true' });
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, confidential: false, active: true },
  });
  keys.full = (await tokens().create({ name: 'open311 app', description: '', type: 'full-access', lifespan: null })).accessKey;
  keys.readOnly = (await tokens().create({ name: 'dashboard', description: '', type: 'read-only', lifespan: null })).accessKey;
  const expired = await tokens().create({ name: 'old app', description: '', type: 'full-access', lifespan: 7 * 24 * 3600_000 });
  await app.strapi.db.query('admin::api-token').update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  keys.expired = expired.accessKey;
});

afterAll(async () => {
  await app?.stop();
});

describe('OPEN311_REQUIRE_KEY=true', () => {
  it.each([
    ['no api_key', undefined],
    ['an unknown api_key', 'not-a-token'],
    ['a read-only token', 'readOnly'],
    ['an expired token', 'expired'],
  ])('refuses a request with %s: 403 in the spec error format, nothing stored', async (_label, key) => {
    const before = await count();
    const apiKey = key && keys[key] ? keys[key] : key;
    const json = await request(app.url).post(`${V2}/requests.json`).type('form').send({ ...form, ...(apiKey ? { api_key: apiKey } : {}) });
    expect(json.status).toBe(403);
    expect(json.body).toEqual([{ code: 403, description: 'api_key: ไม่มี api_key หรือ api_key ไม่ถูกต้อง', field: 'api_key', reason: 'invalid_api_key' }]);
    const xml = await request(app.url).post(`${V2}/requests.xml`).type('form').send({ ...form, ...(apiKey ? { api_key: apiKey } : {}) });
    expect(xml.status).toBe(403);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<errors><error><code>403<\/code><description>api_key: [^<]+<\/description><field>api_key<\/field><reason>invalid_api_key<\/reason><\/error><\/errors>\n$/);
    expect(await count()).toBe(before);
  });

  it('files with a valid token, in a form or a JSON body, and notes that the token was used', async () => {
    const res = await request(app.url).post(`${V2}/requests.json`).type('form').send({ ...form, api_key: keys.full }).expect(201);
    expect(res.body[0].service_request_id).toMatch(/^NK-/);
    await request(app.url).post(`${V2}/requests.xml`).send({ ...form, api_key: keys.full }).expect(201);
    const token = await app.strapi.db.query('admin::api-token').findOne({ where: { name: 'open311 app' } });
    expect(token.lastUsedAt).toBeTruthy();
  });

  it('checks the key before the input, and still validates input from a keyed client', async () => {
    await request(app.url).post(`${V2}/requests.json`).send({}).expect(403);
    const res = await request(app.url).post(`${V2}/requests.json`).send({ api_key: keys.full, service_code: 'road' }).expect(400);
    expect(res.body.map((e: { description: string }) => e.description.split(':')[0]).sort()).toEqual(['description', 'lat/long']);
  });

  it('needs no key to read', async () => {
    await request(app.url).get(`${V2}/services.json`).expect(200);
    await request(app.url).get(`${V2}/requests.xml`).expect(200);
  });
});
