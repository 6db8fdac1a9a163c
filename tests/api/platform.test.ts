import request from 'supertest';
import type { Modules } from '@strapi/strapi';
import { startApp, createAdmin, type TestApp } from '../helpers/strapi';
import { ROLE_PERMISSIONS } from '../../src/permissions';
import { seedDemo } from '../../database/seed';
import { applyRolePermissions } from '../../src/bootstrap/permissions';
import { ensureFirstAdmin } from '../../src/bootstrap/admin-user';

let app: TestApp;
const NEWS = 'api::news.news-item';
type NewsInput = Modules.Documents.Params.Data.Input<typeof NEWS>;

const createNews = async (data: Pick<NewsInput, 'title' | 'slug'> & Partial<NewsInput>, { publish = true, en }: { publish?: boolean; en?: Partial<NewsInput> } = {}) => {
  const docs = app.strapi.documents(NEWS);
  const doc = await docs.create({ locale: 'th', data: { publishedDate: '2026-11-01', category: 'announcement', ...data } });
  if (en) await docs.update({ documentId: doc.documentId, locale: 'en', data: { ...data, ...en } });
  if (publish) await docs.publish({ documentId: doc.documentId, locale: '*' });
  return doc;
};

beforeAll(async () => {
  // The first administrator comes from the environment; PUBLIC_URL with a trailing slash, as people type it.
  app = await startApp({ ADMIN_EMAIL: 'First.Admin@nokok.test', ADMIN_PASSWORD: 'FirstAdmin123', PUBLIC_URL: 'https://nokok.example/' });
});

afterAll(async () => {
  await app?.stop();
});

describe('health and locales', () => {
  it('answers /_health with 204', async () => {
    await request(app.url).get('/_health').expect(204);
  });

  it('has Thai as the default content locale and English as the second', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('th');
    expect((await locales.find()).map((l: { code: string }) => l.code).sort()).toEqual(['en', 'th']);
  });
});

describe('public permissions as code', () => {
  const actionsOf = async (type: string) => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } });
    const perms = await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } });
    return perms.map((p: { action: string }) => p.action).sort();
  };

  it('gives each role exactly the actions of the table', async () => {
    expect(await actionsOf('public')).toEqual([...ROLE_PERMISSIONS.public].sort());
    expect(await actionsOf('authenticated')).toEqual([...ROLE_PERMISSIONS.authenticated].sort());
  });

  it('removes a permission granted outside the table and is idempotent', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'api::news.news-item.create', role: role.id } });
    expect(await applyRolePermissions(app.strapi)).toEqual({ added: 0, removed: 1 });
    expect(await applyRolePermissions(app.strapi)).toEqual({ added: 0, removed: 0 });
    expect(await actionsOf('public')).toEqual([...ROLE_PERMISSIONS.public].sort());
  });

  it('refuses anonymous writes and private collections', async () => {
    await request(app.url).post('/api/news').send({ data: { title: 'x' } }).expect(403);
    await request(app.url).get('/api/users').expect(403);
    await request(app.url).get('/api/upload/files').expect(403);
    await request(app.url).put('/api/municipality').send({ data: { nameTh: 'x' } }).expect(403);
    // Collections with personal data have no list, read or write route at all.
    for (const path of ['/api/complaints', '/api/tax-bills', '/api/tax-bills/1', '/api/tax-payments', '/api/complaint-events', '/api/channel-events']) {
      expect([403, 404, 405]).toContain((await request(app.url).get(path)).status);
    }
    for (const path of ['/api/tax-bills', '/api/poles', '/api/tax-payments']) {
      expect([403, 404, 405]).toContain((await request(app.url).post(path).send({ data: {} })).status);
    }
  });
});

describe('news and pages through the public API', () => {
  it('lists only published news, per locale, with English beside Thai', async () => {
    await createNews({ title: 'ข่าวเผยแพร่', slug: 'published-news' }, { en: { title: 'Published news' } });
    await createNews({ title: 'ข่าวร่าง', slug: 'draft-news' }, { publish: false });
    const th = await request(app.url).get('/api/news').query({ locale: 'th' }).expect(200);
    expect(th.body.data.map((n: { slug: string }) => n.slug)).toEqual(['published-news']);
    expect(th.body.data[0].title).toBe('ข่าวเผยแพร่');
    const en = await request(app.url).get('/api/news').query({ locale: 'en', 'filters[slug][$eq]': 'published-news' }).expect(200);
    expect(en.body.data[0].title).toBe('Published news');
    expect(en.body.meta.pagination.total).toBe(1);
  });

  it('gives anonymous list answers an ETag and answers a revalidation with 304', async () => {
    const first = await request(app.url).get('/api/news').query({ locale: 'th' }).expect(200);
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['cache-control']).toMatch(/public/);
    await request(app.url).get('/api/news').query({ locale: 'th' }).set('If-None-Match', first.headers.etag).expect(304);
    expect(first.headers.vary).toMatch(/Authorization/);
  });

  it('lets no cache keep an answer to a request with credentials (a partner agency may read more)', async () => {
    const res = await request(app.url).get('/api/poles').set('Authorization', 'Bearer some-partner-token').expect(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  it('compresses JSON for clients that accept it', async () => {
    for (let i = 0; i < 12; i++) await createNews({ title: `ข่าวที่ ${i} ${'ก'.repeat(100)}`, slug: `bulk-${i}` });
    const res = await request(app.url).get('/api/news').query({ locale: 'th' }).set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.data.length).toBeGreaterThan(10);
  });

  it('rejects an unknown filter field with 400', async () => {
    const res = await request(app.url).get('/api/news').query({ 'filters[nope][$eq]': 'x' });
    expect(res.status).toBe(400);
  });
});

describe('demo town seed', () => {
  it('loads the municipality, news and pages once; a second run adds nothing', async () => {
    const counts = async () =>
      Promise.all(['api::municipality.municipality', NEWS, 'api::page.page', 'plugin::upload.file'].map((uid) => app.strapi.db.query(uid).count()));
    const before = await counts();
    const first = await seedDemo(app.strapi);
    expect(first.created).toBeGreaterThan(0);
    const after = await counts();
    expect(await seedDemo(app.strapi)).toEqual({ created: 0 });
    expect(await counts()).toEqual(after);
    expect(after[0]).toBe(1);
    expect(after[1] - before[1]).toBeGreaterThanOrEqual(12); // 6 news x 2 locales (+ published copies)

    // The second case type is in the demo too, in its own states.
    const requests = (await app.strapi.db.query('api::e-form-submission.e-form-submission').findMany({ select: ['state'] })) as Array<{ state: string }>;
    expect(requests.map((r) => r.state).sort()).toEqual(['checking', 'done', 'received', 'received', 'waiting_documents']);
    // The e-service forms of a tambon, open and published.
    expect((await request(app.url).get('/api/e-forms').expect(200)).body.data).toHaveLength(6);

    const m = await request(app.url).get('/api/municipality').query({ populate: 'logo' }).expect(200);
    expect(m.body.data.nameTh).toBe('เทศบาลตำบลนกออก');
    expect(m.body.data.nameEn).toBe('Nok Ok Subdistrict Municipality');
    expect(Number(m.body.data.mapCenterLat)).toBeCloseTo(14.72, 1);
    expect(Number(m.body.data.mapCenterLng)).toBeCloseTo(102.02, 1);
    expect(m.body.data.logo.url).toMatch(/^\/uploads\/.+\.png$/);
    await request(app.url).get(m.body.data.logo.url).expect(200).expect('Content-Type', /image\/png/);

    const pages = await request(app.url).get('/api/pages').query({ locale: 'th', sort: 'menuOrder:asc' }).expect(200);
    // The menu's three pages first; the ITA/OIT checklist's demo pages (outside the menu) after them.
    expect(pages.body.data.map((p: { title: string }) => p.title).slice(0, 3)).toEqual(['ประวัติ', 'โครงสร้างองค์กร', 'อำนาจหน้าที่']);
    expect(pages.body.data).toHaveLength(24);
    const categories = await request(app.url).get('/api/complaint-categories').query({ sort: 'sortOrder:asc', 'pagination[pageSize]': 50 }).expect(200);
    expect(categories.body.data.map((c: { code: string }) => c.code)).toEqual(['road', 'street_light', 'water', 'waste', 'drainage', 'loudspeaker', 'nuisance', 'other']);
    expect(await app.strapi.db.query('api::complaint-category.complaint-category').count({ where: { code: 'corruption', confidential: true } })).toBe(1);
    // Demo complaints in several states, one of them overdue, each followable by its code.
    const complaints = await app.strapi.db.query('api::complaint.complaint').findMany({ select: ['trackingCode', 'state', 'dueAt'] });
    expect(complaints.map((c: { state: string }) => c.state).sort()).toEqual(['accepted', 'in_progress', 'received', 'received', 'resolved']);
    expect(complaints.some((c: { state: string; dueAt: string }) => c.state === 'in_progress' && new Date(c.dueAt) < new Date())).toBe(true);
    const tracked = await request(app.url).get(`/api/complaints/track/${complaints[0].trackingCode}`).expect(200);
    expect(tracked.body.data.history.length).toBeGreaterThanOrEqual(1);
    const enPage = await request(app.url).get('/api/pages').query({ locale: 'en', 'filters[slug][$eq]': 'history' }).expect(200);
    expect(enPage.body.data[0].title).toBe('History');
  });
});

describe('administrators', () => {
  it('creates the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD on start, only when none exists, in Thai', async () => {
    expect(await app.strapi.db.query('admin::user').count()).toBe(1);
    expect(await ensureFirstAdmin(app.strapi)).toBe(false);
    expect(await ensureFirstAdmin(app.strapi, { email: 'second@nokok.test', password: 'Second12345' })).toBe(false);
    expect(await app.strapi.db.query('admin::user').count()).toBe(1);
    const res = await request(app.url).post('/admin/login').send({ email: 'first.admin@nokok.test', password: 'FirstAdmin123' }).expect(200);
    expect(res.body.data.token).toBeTruthy();
    expect(res.body.data.user.preferedLanguage).toBe('th');
  });

  it('lets staff read drafts through the admin content manager', async () => {
    const { token } = await createAdmin(app);
    const res = await request(app.url)
      .get(`/content-manager/collection-types/${NEWS}`)
      .query({ locale: 'th' })
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(res.body.results.some((n: { slug: string }) => n.slug === 'draft-news')).toBe(true);
  });
});

describe('OpenAPI document', () => {
  it('describes exactly the public operations, generated from the content types', async () => {
    const res = await request(app.url).get('/api/openapi.json').expect(200).expect('Content-Type', /json/);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    // PUBLIC_URL is Strapi's server.url, read from there.
    expect(doc.servers).toEqual([{ url: 'https://nokok.example/api' }]);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/3/action/datastore_search',
      '/3/action/group_list',
      '/3/action/help_show',
      '/3/action/organization_list',
      '/3/action/organization_show',
      '/3/action/package_list',
      '/3/action/package_search',
      '/3/action/package_show',
      '/3/action/resource_show',
      '/3/action/status_show',
      '/3/action/tag_list',
      '/account',
      '/account/claims',
      '/account/complaints',
      '/account/complaints/{trackingCode}',
      '/account/export',
      '/account/line-link',
      '/account/notices',
      '/account/notices/{id}/read',
      '/account/requests',
      '/account/requests/{trackingCode}',
      '/account/sign-in-code',
      '/account/sign-in-code/verify',
      '/account/surveys',
      '/account/tax-bills',
      '/account/tax-bills/{billNumber}',
      '/case-ratings/{token}',
      '/complaint-categories',
      '/complaints',
      '/complaints/photos',
      '/complaints/track/{trackingCode}',
      '/complaints/track/{trackingCode}/not-fixed',
      '/complaints/track/{trackingCode}/photos/{id}',
      '/e-form-submissions',
      '/e-form-submissions/track/{trackingCode}',
      '/e-forms',
      '/e-forms/{slug}',
      '/e-forms/{slug}/submissions',
      '/gis/layers',
      '/gis/layers/{slug}/features',
      '/map',
      '/municipality',
      '/news',
      '/news/{documentId}',
      '/notices',
      '/notices/{id}',
      '/open-data/catalog.jsonld',
      '/open-data/catalog.ttl',
      '/open-data/datasets/{id}/versions',
      '/open-data/gdc.json',
      '/open-data/requests',
      '/open-data/resources/{resourceId}/data.csv',
      '/open-data/resources/{resourceId}/data.json',
      '/open-data/resources/{resourceId}/data.xlsx',
      '/open-data/resources/{resourceId}/download',
      '/open311/discovery.{format}',
      '/open311/v2/requests.{format}',
      '/open311/v2/requests/{service_request_id}.{format}',
      '/open311/v2/services.{format}',
      '/open311/v2/services/{service_code}.{format}',
      '/openapi.json',
      '/pages',
      '/pages/{documentId}',
      '/poles',
      '/poles/{code}',
      '/poles/{code}/qr.png',
      '/poles/{code}/qr.svg',
      '/poles/{code}/reports',
      '/statistics',
      '/statistics/{area}',
      '/surveys',
      '/surveys/{slug}',
      '/surveys/{slug}/responses',
      '/surveys/{slug}/results',
      '/tax-bills/lookup',
      '/tax-bills/qr/{token}.png',
      '/tax-rates',
      '/transparency',
    ]);
    expect(doc.paths['/complaints'].post.requestBody.content['application/json'].schema.properties.data.required).toEqual(['category', 'description']);
    // Private attributes never appear in the document.
    expect(JSON.stringify(doc)).not.toMatch(/contactPhone|platformUserId|defaultAssignee/);
    expect(doc.paths['/news'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['locale', 'filters', 'sort', 'populate']));
    const news = doc.components.schemas.NewsItem;
    expect(Object.keys(news.properties)).toEqual(expect.arrayContaining(['title', 'slug', 'summary', 'body', 'cover', 'publishedDate', 'category', 'locale']));
    expect(news.properties.category.enum).toContain('procurement');
    // Every path in the document answers anonymously (the seed above created the municipality).
    for (const p of ['/news', '/pages', '/municipality']) await request(app.url).get(`/api${p}`).expect(200);
    await request(app.url).get('/api/openapi.json').set('If-None-Match', res.headers.etag).expect(304);
  });
});
