import request from 'supertest';
import { startApp, type TestApp } from '../../../helpers/strapi';

let app: TestApp;
let published: string;
let draftOnly: string;

beforeAll(async () => {
  app = await startApp();
  const news = app.strapi.documents('api::news.news-item');
  published = (await news.create({ data: { title: 'ข่าวที่เผยแพร่', slug: 'published-one', publishedDate: '2026-11-30', category: 'announcement' }, status: 'published' })).documentId;
  // An edit not yet published: the draft version differs from the published one.
  await news.update({ documentId: published, data: { title: 'ZZUNPUBLISHED EDIT' } });
  draftOnly = (await news.create({ data: { title: 'ZZDRAFT ONLY', slug: 'draft-only', publishedDate: '2026-11-30', category: 'announcement' } })).documentId;
  await app.strapi.documents('api::page.page').create({ data: { title: 'ZZDRAFT PAGE', slug: 'draft-page' } });
});

afterAll(async () => {
  await app?.stop();
});

describe('the public API serves published content only', () => {
  it.each(['/api/news?status=draft', '/api/news', '/api/pages?status=draft', `/api/news/${'{published}'}?status=draft`])('%s shows no draft', async (template) => {
    const path = template.replace('{published}', published);
    const res = await request(app.url).get(path).expect(200);
    expect(res.text).not.toMatch(/ZZDRAFT|ZZUNPUBLISHED/);
  });

  it('answers a draft-only item as missing, whatever status is asked for', async () => {
    await request(app.url).get(`/api/news/${draftOnly}?status=draft`).expect(404);
    const list = await request(app.url).get('/api/news?status=draft&locale=th').expect(200);
    expect(list.body.data.map((n: { title: string }) => n.title)).toEqual(['ข่าวที่เผยแพร่']);
  });
});
