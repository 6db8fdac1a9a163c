import request from 'supertest';
import { startApp, type TestApp } from '../../../helpers/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'road', nameTh: 'ถนน', nameEn: 'Road', deadlineDays: 7, confidential: false, active: true },
  });
});

afterAll(async () => {
  await app?.stop();
});

/** A filter no query can be built from is the caller's mistake on every content-API route, never a 500. */
describe('filters of a shape the database cannot use', () => {
  it.each([
    ['/api/news?filters[title][$eq][$ne]=1', ['filters', 'title', '$eq']],
    ['/api/news?filters[title][$in][$eq]=1', ['filters', 'title', '$in']],
    ['/api/news?filters[$and][title]=1', ['filters', '$and']],
    ['/api/news?filters[$or]=1', ['filters', '$or']],
    ['/api/news?filters[title][$between]=1', ['filters', 'title', '$between']],
    ['/api/news?filters[$not][title][$eq][$gt]=1', ['filters', '$not', 'title', '$eq']],
    ['/api/news?filters[$and][0][title][$contains][$eq]=1', ['filters', '$and', 0, 'title', '$contains']],
    ['/api/complaint-categories?filters[code][$eq][$ne]=1', ['filters', 'code', '$eq']],
    ['/api/pages?filters[id][$eq][$gt]=1', ['filters', 'id', '$eq']],
    ['/api/news?filters[0]=1', ['filters']],
    ['/api/news?filters[$not]=1', ['filters', '$not']],
    ['/api/news?filters[$and][0]=1', ['filters', '$and']],
    ['/api/news?filters[title][$eq]=1&filters[title][slug]=x', ['filters', 'title']],
  ])('%s answers 400 invalid_query', async (url, path) => {
    const res = await request(app.url).get(url).set('Accept-Language', 'en');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([
      { path, code: 'invalid_query', message: 'The query cannot be read (an operator holds another operator, or a filter is not allowed)', name: 'ValidationError' },
    ]);
  });

  it('answers in Thai by default', async () => {
    const res = await request(app.url).get('/api/news?filters[title][$eq][$ne]=1').expect(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ code: 'invalid_query', message: 'อ่านเงื่อนไขการค้นหาไม่ได้ (ตัวดำเนินการซ้อนกัน หรือใช้ตัวกรองที่ไม่อนุญาต)' });
  });

  it('keeps filters of a usable shape working', async () => {
    for (const url of [
      '/api/complaint-categories?filters[code][$eq]=road',
      '/api/complaint-categories?filters[code][$in][0]=road&filters[code][$in][1]=waste',
      '/api/complaint-categories?filters[$or][0][code]=road&filters[$or][1][code][$null]=true',
      '/api/complaint-categories?filters[code]=road',
      '/api/complaint-categories?filters[id][$between][0]=1&filters[id][$between][1]=99',
      '/api/complaint-categories?filters[$not][code][$eq]=waste',
      '/api/complaint-categories?filters[code][$eq][0]=road&filters[code][$eq][1]=waste',
    ]) {
      const res = await request(app.url).get(url);
      expect([url, res.status]).toEqual([url, 200]);
      expect(res.body.data.map((c: { code: string }) => c.code)).toEqual(['road']);
    }
  });

  it.each([
    ['/api/news?fields[0]=__proto__', ['fields', '0']],
    ['/api/news?fields=title,toString', ['fields']],
    ['/api/news?sort=constructor:asc', ['sort']],
    ['/api/news?sort[0]=title:asc&sort[1]=hasOwnProperty', ['sort', '1']],
    ['/api/news?populate=cover.__proto__', ['populate']],
  ])('%s (a name every object inherits) answers 400 invalid_query', async (url, path) => {
    const res = await request(app.url).get(url).expect(400);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path, code: 'invalid_query' })]);
  });

  it('refuses a NUL byte in a path or a query value (PostgreSQL cannot compare it)', async () => {
    for (const url of ['/api/news/%00', '/api/news?filters[title][$eq]=a%00b', '/api/open311/v2/services/%00.json'])
      expect([url, (await request(app.url).get(url).expect(400)).body.error.details.errors[0].code]).toEqual([url, 'control_characters']);
  });

  it('lets a filter compare with any text, inherited names included', async () => {
    await request(app.url).get('/api/complaint-categories?filters[code][$eq]=constructor').expect(200);
    await request(app.url).get('/api/news?filters[title][$containsi]=toString').expect(200);
  });

  it('leaves an unknown operator to Strapi’s own 400', async () => {
    const res = await request(app.url).get('/api/news?filters[title][$foo]=1').expect(400);
    expect(res.body.error.details).toMatchObject({ key: '$foo', code: 'invalid_request' });
  });
});
