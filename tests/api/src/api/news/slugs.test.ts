import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';

const NEWS = 'api::news.news-item';
const CM = `/content-manager/collection-types/${NEWS}`;
const TITLE = 'ขอเชิญร่วมงานลอยกระทง ๒๕๖๙';
const SLUG = 'ขอเชิญร่วมงานลอยกระทง-2569';

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startApp();
  await app.strapi.documents('api::municipality.municipality').create({ data: { nameTh: 'เทศบาลทดสอบ', nameEn: 'Test Municipality' } });
  ({ token } = await createAdmin(app));
});

afterAll(async () => {
  await app?.stop();
});

const staff = () => ({ Authorization: `Bearer ${token}` });

/** What the admin's edit view sends: the placeholder it generated before the title was typed. */
async function createAsStaff(data: Record<string, unknown>): Promise<{ documentId: string; slug: string }> {
  const res = await request(app.url)
    .post(CM)
    .query({ locale: 'th' })
    .set(staff())
    .send({ slug: 'news-item', publishedDate: '2026-11-01', category: 'activity', ...data })
    .expect(201);
  return res.body.data as { documentId: string; slug: string };
}

const publish = (documentId: string) => request(app.url).post(`${CM}/${documentId}/actions/publish`).query({ locale: 'th' }).set(staff()).send({}).expect(200);
const path = (slug: string, lang = '') => `${lang}/news/${encodeURIComponent(slug)}`;

describe('slugs of news items with Thai titles', () => {
  let first: { documentId: string; slug: string };
  let second: { documentId: string; slug: string };

  it('gives two items with the same Thai title readable, distinct slugs with the Thai words', async () => {
    first = await createAsStaff({ title: TITLE });
    second = await createAsStaff({ title: TITLE });
    expect(first.slug).toBe(SLUG);
    expect(second.slug).toBe(`${SLUG}-2`);
    // Publishing checks the uid field's pattern, which accepts Thai.
    await publish(first.documentId);
    await publish(second.documentId);
    const page = await request(app.url).get(path(SLUG)).expect(200);
    expect(page.text).toContain('ขอเชิญร่วมงานลอยกระทง');
    await request(app.url).get(path(`${SLUG}-2`)).expect(200);
  });

  it("suggests the same slug from the admin's regenerate button, and Strapi's placeholder before a title is typed", async () => {
    const generate = (data: Record<string, unknown>) =>
      request(app.url).post('/content-manager/uid/generate').query({ locale: 'th' }).set(staff()).send({ contentTypeUID: NEWS, field: 'slug', data }).expect(200);
    expect((await generate({ title: TITLE })).body.data).toBe(`${SLUG}-3`);
    // Its own slug is no collision for the item being edited.
    expect((await generate({ id: first.documentId, title: TITLE })).body.data).toBe(SLUG);
    expect((await generate({ title: '' })).body.data).toBe('news-item');
    const page = await request(app.url).post('/content-manager/uid/generate').set(staff()).send({ contentTypeUID: 'api::page.page', field: 'slug', data: { title: 'ประวัติเทศบาล' } }).expect(200);
    expect(page.body.data).toBe('ประวัติเทศบาล');
  });

  it('moves the slug with a new title and answers the old URL with a 301 to the new one', async () => {
    const renamed = await request(app.url)
      .put(`${CM}/${second.documentId}`)
      .query({ locale: 'th' })
      .set(staff())
      // The edit view sends the whole form back, the old slug with it.
      .send({ title: 'เลื่อนงานลอยกระทง 2569', slug: `${SLUG}-2`, publishedDate: '2026-11-01', category: 'activity' })
      .expect(200);
    const NEW = 'เลื่อนงานลอยกระทง-2569';
    expect(renamed.body.data.slug).toBe(NEW);
    // The website shows the published version: until it is published, the old address is the item.
    await request(app.url).get(path(`${SLUG}-2`)).expect(200);
    await publish(second.documentId);

    const old = await request(app.url).get(path(`${SLUG}-2`)).expect(301);
    expect(old.headers.location).toBe(path(NEW));
    await request(app.url).get(old.headers.location).expect(200);
    const english = await request(app.url).get(`${path(`${SLUG}-2`, '/en')}?x=1`).expect(301);
    expect(english.headers.location).toBe(`${path(NEW, '/en')}?x=1`);
    // The other item keeps its address, and an unknown one is still not found.
    await request(app.url).get(path(SLUG)).expect(200);
    await request(app.url).get(path('ไม่มีข่าวนี้')).expect(404);

    // Renamed twice: both old addresses lead to the latest.
    await request(app.url)
      .put(`${CM}/${second.documentId}`)
      .query({ locale: 'th' })
      .set(staff())
      .send({ title: 'งดจัดงานลอยกระทง 2569', slug: NEW, publishedDate: '2026-11-01', category: 'activity' })
      .expect(200);
    await publish(second.documentId);
    for (const before of [`${SLUG}-2`, NEW]) expect((await request(app.url).get(path(before)).expect(301)).headers.location).toBe(path('งดจัดงานลอยกระทง-2569'));

    // The old slugs are the server's to know: not in public answers, not in the sitemap.
    const api = await request(app.url).get('/api/news').query({ locale: 'th' }).expect(200);
    expect(JSON.stringify(api.body)).not.toContain('previousSlugs');
    const sitemap = (await request(app.url).get('/sitemap.xml').expect(200)).text;
    expect(sitemap).toContain(encodeURIComponent('งดจัดงานลอยกระทง-2569'));
    expect(sitemap).not.toContain(encodeURIComponent(NEW));
    expect(sitemap).not.toContain(encodeURIComponent(`${SLUG}-2`));
  });

  it('keeps a slug staff typed themselves, through a rename', async () => {
    const own = await createAsStaff({ title: 'ประกาศรับสมัครงาน', slug: 'jobs-2569' });
    expect(own.slug).toBe('jobs-2569');
    const res = await request(app.url)
      .put(`${CM}/${own.documentId}`)
      .query({ locale: 'th' })
      .set(staff())
      .send({ title: 'ประกาศรับสมัครงาน (แก้ไข)', slug: 'jobs-2569', publishedDate: '2026-11-01', category: 'job' })
      .expect(200);
    expect(res.body.data.slug).toBe('jobs-2569');
  });

  it('gives a title of only digits or punctuation a usable slug, never only digits', async () => {
    expect((await createAsStaff({ title: '2569' })).slug).toBe('news-2569');
    expect((await createAsStaff({ title: '๓' })).slug).toBe('news-3');
    expect((await createAsStaff({ title: '!!! ???' })).slug).toBe('news');
    const again = await createAsStaff({ title: '...' });
    expect(again.slug).toBe('news-2');
    await publish(again.documentId);
    await request(app.url).get(path('news-2')).expect(200);
  });

  it('replaces the digits Strapi made of a Thai title, and makes slugs for writes outside the admin too', async () => {
    const docs = app.strapi.documents(NEWS);
    const legacy = await docs.create({ data: { title: 'ข่าวหมู่ 3', slug: '3', publishedDate: '2026-11-02', category: 'announcement' } });
    expect(legacy.slug).toBe('ข่าวหมู่-3');
    // Latin slugs of existing data (the demo town's) stay as they are.
    const latin = await docs.create({ data: { title: 'Loy Krathong', slug: 'loy-krathong-2569', publishedDate: '2026-11-02', category: 'activity' }, status: 'published' });
    expect(latin.slug).toBe('loy-krathong-2569');
    await request(app.url).get('/news/loy-krathong-2569').expect(200);
    const page = await app.strapi.documents('api::page.page').create({ data: { title: 'อำนาจหน้าที่', slug: '' }, status: 'published' });
    expect(page.slug).toBe('อำนาจหน้าที่');
    await request(app.url).get(`/pages/${encodeURIComponent('อำนาจหน้าที่')}`).expect(200);
  });

  it('gives a new language of an item the slug its Thai version has', async () => {
    const res = await request(app.url)
      .put(`${CM}/${first.documentId}`)
      .query({ locale: 'en' })
      .set(staff())
      .send({ title: 'Join us for Loy Krathong 2026', slug: 'news-item', publishedDate: '2026-11-01', category: 'activity' })
      .expect(200);
    expect(res.body.data.slug).toBe(SLUG);
  });
});
