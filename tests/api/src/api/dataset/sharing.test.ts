import request from 'supertest';
import type { Context } from 'koa';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { createDataset, dataStoreSettled, uploadFile } from '../../../../helpers/datasets';
import type { CatalogueService, Viewer } from '../../../../../src/api/dataset/services/catalogue';
import type { PartnersService } from '../../../../../src/api/dataset/services/partners';
import { parseXlsx } from '../../../../../plugins/spreadsheet-import/server/src/public';

/**
 * Data sharing: a partner agency's read-only API token makes its requests a partner's, restricted
 * datasets and resources appear to the agencies they are shared with only, each of their reads of
 * restricted data is logged, and staff read and export the log through admin routes.
 */
let app: TestApp;
let admin: string;
const keys: Record<string, string> = {};
const agencies: Record<string, { id: number; documentId: string }> = {};
let restrictedId: string;
let publicId: string;
let restrictedResource: string;
let openResource: string;
let sharedResource: string;
const fileUrls: Record<string, string> = {};

const partners = () => app.strapi.service('api::dataset.partners') as PartnersService;
const catalogue = () => app.strapi.service('api::dataset.catalogue') as CatalogueService;

/** The parts of a Koa context the partners service reads, for service-level checks. */
function fakeContext({ authorization, language, url = '/api/3/action/package_show?id=x' }: { authorization?: string; language?: string; url?: string } = {}) {
  const headers: Record<string, string> = {};
  if (authorization) headers.authorization = authorization;
  if (language) headers['accept-language'] = language;
  const set: Record<string, string> = {};
  const ctx = {
    get: (name: string) => headers[name.toLowerCase()] ?? '',
    set: (name: string, value: string) => {
      set[name] = value;
    },
    vary: (name: string) => {
      set.Vary = name;
    },
    query: {},
    originalUrl: url,
    request: { ip: '203.0.113.7' },
  };
  return { ctx: ctx as unknown as Context, set };
}

async function createAgency(name: string, extra: { nameEn?: string; apiTokenName?: string } = {}) {
  const created = await app.strapi.documents('api::dataset.partner-agency').create({ data: { name, active: true, ...extra } });
  return { id: created.id as number, documentId: created.documentId };
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(p: Promise<unknown>): Promise<{ name: string; message: string; details: { code?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { name: string; message: string; details: { code?: string } };
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  app = await startApp();
  admin = (await createAdmin(app)).token;
  agencies.district = await createAgency('ที่ว่าการอำเภอปักธงชัย', { nameEn: 'Pak Thong Chai District Office' });
  agencies.health = await createAgency('สำนักงานสาธารณสุขจังหวัดนครราชสีมา');
  // Tokens issued as the data sharing page does.
  keys.district = (await partners().issueToken(agencies.district.id, 90)).accessKey;
  keys.health = (await partners().issueToken(agencies.health.id, 365)).accessKey;

  const households = await uploadFile(app.strapi, 'households.csv', 'หมู่ที่,ครัวเรือน\n1,120\n2,98\n');
  const patients = await uploadFile(app.strapi, 'patients.csv', 'หมู่ที่,ผู้ป่วย\n1,4\n2,7\n');
  const budget = await uploadFile(app.strapi, 'budget.csv', 'ปี,งบประมาณ\n2568,1000\n2569,1200\n');
  Object.assign(fileUrls, { households: households.url, patients: patients.url, budget: budget.url });
  restrictedId = await createDataset(app.strapi, {
    titleTh: 'ครัวเรือนยากจน',
    titleEn: 'Poor households',
    slug: 'poor-households',
    accessLevel: 'restricted',
    partners: [agencies.district.documentId],
    resources: [{ name: 'ครัวเรือนรายหมู่บ้าน', source: 'file', file: households.id }],
  });
  publicId = await createDataset(app.strapi, {
    titleTh: 'งบประมาณและสุขภาพ',
    titleEn: 'Budget and health',
    slug: 'budget-and-health',
    partners: [agencies.district.documentId],
    resources: [
      { name: 'งบประมาณรายปี', source: 'file', file: budget.id },
      { name: 'ผู้ป่วยรายหมู่บ้าน', source: 'file', file: patients.id, restricted: true },
    ],
  });
  await dataStoreSettled(app.strapi, 3);
  const asDistrict: Viewer = { kind: 'partner', agencyId: agencies.district.id, name: '', tokenName: '' };
  restrictedResource = (await catalogue().get(restrictedId, asDistrict))!.resources[0].key;
  const shared = (await catalogue().get(publicId, asDistrict))!.resources;
  openResource = shared.find((r) => !r.restricted)!.key;
  sharedResource = shared.find((r) => r.restricted)!.key;
});

afterAll(async () => {
  await app?.stop();
});

describe('who a request comes from', () => {
  it('is the public without a key, and the agency whose token it is with one', async () => {
    expect(await partners().viewerOf(fakeContext().ctx)).toEqual({ kind: 'public' });
    // Another scheme (a proxy's Basic credentials) is not a partner's.
    expect(await partners().viewerOf(fakeContext({ authorization: 'Basic dXNlcjpwYXNz' }).ctx)).toEqual({ kind: 'public' });
    const { ctx, set } = fakeContext({ authorization: `Bearer ${keys.district}` });
    expect(await partners().viewerOf(ctx)).toMatchObject({ kind: 'partner', agencyId: agencies.district.id, name: 'ที่ว่าการอำเภอปักธงชัย' });
    // A partner's answer is never kept by a shared cache.
    expect(set).toMatchObject({ 'Cache-Control': 'private, no-store', Vary: 'Authorization' });
    // CKAN's own clients send the bare key.
    expect(await partners().viewerOf(fakeContext({ authorization: keys.health }).ctx)).toMatchObject({ kind: 'partner', agencyId: agencies.health.id });
  });

  it('records when the token was last used, as Strapi does', async () => {
    const token = (await app.strapi.db.query('admin::api-token').findOne({ where: { name: (await agencyRow(agencies.district.id)).apiTokenName } })) as { lastUsedAt: string | null; type: string; expiresAt: string };
    expect(token.lastUsedAt).not.toBeNull();
    expect(token.type).toBe('custom');
  });

  it('opens nothing of Strapi content API: not the Media Library files (restricted ones among them), not the users', async () => {
    for (const path of ['/api/upload/files', '/api/users']) {
      await request(app.url).get(path).set('Authorization', `Bearer ${keys.health}`).expect(403);
      await request(app.url).get(path).expect(403);
    }
  });

  it('accepts a Strapi read-only token made by hand in Settings and named by an agency', async () => {
    const tokens = app.strapi.service('admin::api-token-content-api') as unknown as { create(a: Record<string, unknown>): Promise<{ accessKey: string; name: string }> };
    const made = await tokens.create({ name: 'read-only by hand', description: '', type: 'read-only', lifespan: null });
    const agency = await createAgency('หน่วยงานที่ได้โทเค็นจากการตั้งค่า', { apiTokenName: made.name });
    expect(await partners().viewerOf(fakeContext({ authorization: `Bearer ${made.accessKey}` }).ctx)).toMatchObject({ kind: 'partner', agencyId: agency.id });
  });

  it('refuses a made-up key, in the caller language', async () => {
    const err = await rejection(partners().viewerOf(fakeContext({ authorization: 'Bearer 0123456789abcdef', language: 'en' }).ctx));
    expect(err).toMatchObject({ name: 'UnauthorizedError', details: { code: 'invalid_token' } });
    expect(err.message).toMatch(/invalid, expired/);
    const thai = await rejection(partners().viewerOf(fakeContext({ authorization: 'Bearer a b' }).ctx));
    expect(thai).toMatchObject({ details: { code: 'invalid_token' } });
    expect(thai.message).toMatch(/โทเค็น/);
  });

  it('refuses an expired token, a token of an inactive agency, a token no agency owns and one that writes', async () => {
    const lapsed = await createAgency('องค์การบริหารส่วนตำบลทดสอบ');
    const { accessKey } = await partners().issueToken(lapsed.id, 30);
    // As if 30 days had passed.
    await app.strapi.db.query('admin::api-token').update({ where: { name: (await agencyRow(lapsed.id)).apiTokenName }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await rejection(partners().viewerOf(fakeContext({ authorization: `Bearer ${accessKey}` }).ctx))).toMatchObject({ details: { code: 'invalid_token' } });

    const closing = await createAgency('หน่วยงานที่ปิดใช้งาน');
    const second = await partners().issueToken(closing.id, 30);
    await app.strapi.documents('api::dataset.partner-agency').update({ documentId: closing.documentId, data: { active: false } });
    expect(await rejection(partners().viewerOf(fakeContext({ authorization: `Bearer ${second.accessKey}` }).ctx))).toMatchObject({ details: { code: 'invalid_token' } });

    const tokens = app.strapi.service('admin::api-token-content-api') as unknown as { create(a: Record<string, unknown>): Promise<{ accessKey: string; name: string }> };
    const stray = await tokens.create({ name: 'integrator', description: '', type: 'read-only', lifespan: null });
    expect(await rejection(partners().viewerOf(fakeContext({ authorization: `Bearer ${stray.accessKey}` }).ctx))).toMatchObject({ details: { code: 'invalid_token' } });
    const full = await tokens.create({ name: 'full', description: '', type: 'full-access', lifespan: null });
    const owner = await createAgency('หน่วยงานที่ได้โทเค็นเต็มสิทธิ์', { apiTokenName: full.name });
    expect(owner.id).toBeGreaterThan(0);
    expect(await rejection(partners().viewerOf(fakeContext({ authorization: `Bearer ${full.accessKey}` }).ctx))).toMatchObject({ details: { code: 'invalid_token' } });
  });
});

async function agencyRow(id: number): Promise<{ apiTokenName: string }> {
  return (await app.strapi.db.query('api::dataset.partner-agency').findOne({ where: { id }, select: ['apiTokenName'] })) as { apiTokenName: string };
}

describe('restricted data in the catalogue', () => {
  const district = (): Viewer => ({ kind: 'partner', agencyId: agencies.district.id, name: '', tokenName: '' });
  const health = (): Viewer => ({ kind: 'partner', agencyId: agencies.health.id, name: '', tokenName: '' });

  it('is seen by the agency it is shared with only', async () => {
    expect(await catalogue().get('poor-households', { kind: 'public' })).toBeNull();
    expect(await catalogue().get('poor-households', health())).toBeNull();
    expect((await catalogue().get('poor-households', district()))?.slug).toBe('poor-households');
    expect((await catalogue().list({ kind: 'public' })).map((d) => d.slug)).toEqual(['budget-and-health']);
    expect((await catalogue().list(district())).map((d) => d.slug).sort()).toEqual(['budget-and-health', 'poor-households']);
    expect(await catalogue().resource(restrictedResource, { kind: 'public' })).toBeNull();
    expect(await catalogue().resource(restrictedResource, health())).toBeNull();
  });

  it('keeps a restricted resource of a public dataset for its agency', async () => {
    expect((await catalogue().get('budget-and-health', { kind: 'public' }))?.resources.map((r) => r.key)).toEqual([openResource]);
    expect((await catalogue().get('budget-and-health', health()))?.resources.map((r) => r.key)).toEqual([openResource]);
    expect((await catalogue().get('budget-and-health', district()))?.resources.map((r) => r.key)).toEqual([openResource, sharedResource]);
    expect(await catalogue().resource(sharedResource, { kind: 'public' })).toBeNull();
  });
});

describe('restricted files', () => {
  it('are not served at their upload address, to anyone: they leave through the open-data API only', async () => {
    await request(app.url).get(fileUrls.budget).expect(200);
    for (const url of [fileUrls.households, fileUrls.patients]) {
      await request(app.url).get(url).expect(404);
      await request(app.url).get(url).set('Authorization', `Bearer ${keys.district}`).expect(404);
      await request(app.url).get(url.replace('/uploads/', '/uploads/%2e/')).expect(404);
    }
  });
});

describe('the access log', () => {
  it('records a partner reading restricted data, not public reads', async () => {
    const viewer = await partners().viewerOf(fakeContext({ authorization: `Bearer ${keys.district}` }).ctx);
    const before = await app.strapi.db.query('api::dataset.dataset-access').count();
    await partners().logAccess(fakeContext({ url: '/api/3/action/package_show?id=poor-households' }).ctx, viewer, { dataset: 'poor-households', action: 'package_show' });
    await partners().logAccess(fakeContext({ url: '/api/3/action/datastore_search' }).ctx, viewer, { dataset: 'budget-and-health', resource: sharedResource, action: 'datastore_search' });
    // Public data, whoever reads it, and anyone without a token: not logged.
    await partners().logAccess(fakeContext().ctx, viewer, { dataset: 'budget-and-health', resource: openResource, action: 'datastore_search' });
    await partners().logAccess(fakeContext().ctx, viewer, { dataset: 'budget-and-health', action: 'package_show', restricted: false });
    await partners().logAccess(fakeContext().ctx, { kind: 'public' }, { dataset: 'budget-and-health', action: 'package_show' });
    expect(await app.strapi.db.query('api::dataset.dataset-access').count()).toBe(before + 2);
    const last = (await app.strapi.db.query('api::dataset.dataset-access').findMany({ orderBy: [{ id: 'desc' }], limit: 1, populate: { agency: true } }))[0] as Record<string, unknown> & {
      agency: { id: number };
    };
    expect(last).toMatchObject({
      dataset: 'budget-and-health',
      resource: sharedResource,
      action: 'datastore_search',
      path: '/api/3/action/datastore_search',
      clientAddress: '203.0.113.7',
      tokenName: (await agencyRow(agencies.district.id)).apiTokenName,
      agency: { id: agencies.district.id },
    });
  });
});

describe('staff', () => {
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('see each agency with its token and the datasets shared with it', async () => {
    const res = await request(app.url).get('/data-sharing/agencies').set(as(admin)).expect(200);
    const district = res.body.results.find((a: { id: number }) => a.id === agencies.district.id);
    expect(district).toMatchObject({
      name: 'ที่ว่าการอำเภอปักธงชัย',
      active: true,
      token: { name: expect.stringMatching(/^partner-\d+-\d{8}-[0-9a-f]{6}$/), state: 'active' },
    });
    expect(district.datasets.map((d: { slug: string }) => d.slug).sort()).toEqual(['budget-and-health', 'poor-households']);
    const days = (new Date(district.token.expiresAt).getTime() - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThanOrEqual(90);
    const health = res.body.results.find((a: { id: number }) => a.id === agencies.health.id);
    // A year: longer than Strapi's own choices, set on the token after it is made.
    expect((new Date(health.token.expiresAt).getTime() - Date.now()) / 86400_000).toBeGreaterThan(364);
    const lapsed = res.body.results.find((a: { name: string }) => a.name === 'องค์การบริหารส่วนตำบลทดสอบ');
    expect(lapsed.token.state).toBe('expired');
    expect(JSON.stringify(res.body)).not.toContain(keys.district);
  });

  it('issue a new token, shown once, which revokes the previous one', async () => {
    const agency = await createAgency('เทศบาลตำบลข้างเคียง');
    const first = await request(app.url).post(`/data-sharing/agencies/${agency.id}/token`).set(as(admin)).send({ days: 180 }).expect(201);
    const oldKey = first.body.data.accessKey as string;
    expect(oldKey).toMatch(/^[0-9a-f]{256}$/);
    expect(first.body.data.agency.token.state).toBe('active');
    expect(await partners().viewerOf(fakeContext({ authorization: `Bearer ${oldKey}` }).ctx)).toMatchObject({ agencyId: agency.id });
    const second = await request(app.url).post(`/data-sharing/agencies/${agency.id}/token`).set(as(admin)).send({ days: 30 }).expect(201);
    expect(second.body.data.agency.token.name).not.toBe(first.body.data.agency.token.name);
    expect(await partners().viewerOf(fakeContext({ authorization: `Bearer ${second.body.data.accessKey}` }).ctx)).toMatchObject({ agencyId: agency.id });
    expect(await rejection(partners().viewerOf(fakeContext({ authorization: `Bearer ${oldKey}` }).ctx))).toMatchObject({ details: { code: 'invalid_token' } });
    expect(await app.strapi.db.query('admin::api-token').count({ where: { name: first.body.data.agency.token.name } })).toBe(0);

    const wrong = await request(app.url).post(`/data-sharing/agencies/${agency.id}/token`).set(as(admin)).set('Accept-Language', 'en').send({ days: 7 }).expect(400);
    expect(wrong.body.error.details.errors).toEqual([expect.objectContaining({ path: ['days'], code: 'invalid_choice' })]);
    await request(app.url).post('/data-sharing/agencies/999999/token').set(as(admin)).send({ days: 30 }).expect(404);
  });

  it('read the log newest first, filtered by agency and days, and export it as CSV and Excel', async () => {
    const all = await request(app.url).get('/data-sharing/accesses').set(as(admin)).expect(200);
    expect(all.body.pagination).toMatchObject({ page: 1, total: 2 });
    expect(all.body.results.map((e: { action: string }) => e.action)).toEqual(['datastore_search', 'package_show']);
    expect(all.body.results[0].agency).toEqual({ id: agencies.district.id, name: 'ที่ว่าการอำเภอปักธงชัย' });
    const other = await request(app.url).get(`/data-sharing/accesses?agency=${agencies.health.id}`).set(as(admin)).expect(200);
    expect(other.body.pagination.total).toBe(0);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await request(app.url).get(`/data-sharing/accesses?from=${today}&to=${today}`).set(as(admin)).expect(200)).body.pagination.total).toBe(2);
    expect((await request(app.url).get('/data-sharing/accesses?to=2020-01-01').set(as(admin)).expect(200)).body.pagination.total).toBe(0);
    await request(app.url).get('/data-sharing/accesses?from=2026-02-30').set(as(admin)).expect(400);

    const csv = await request(app.url).get(`/data-sharing/accesses/export.csv?agency=${agencies.district.id}`).set(as(admin)).buffer(true).parse(binary).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="data-access-log_\d{4}-\d{2}-\d{2}\.csv"/);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFFเวลา,หน่วยงาน,')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`ที่ว่าการอำเภอปักธงชัย`);
    expect(lines[1]).toContain(`budget-and-health,${sharedResource},datastore_search`);
    expect(lines[2]).toContain('poor-households,,package_show');

    const xlsx = await request(app.url).get('/data-sharing/accesses/export.xlsx?locale=en').set(as(admin)).buffer(true).parse(binary).expect(200);
    const rows = await parseXlsx(xlsx.body as Buffer);
    expect(rows[0]).toEqual(['Time', 'Agency', 'API token', 'Dataset', 'Resource', 'Action', 'Path', 'IP address']);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['budget-and-health', 'poor-households']);
  });

  it('see the log only with the permission: the administrator, the executive and the auditor; issue tokens only as the administrator', async () => {
    const auditor = (await createAdmin(app, { role: 'nokok-auditor' })).token;
    const executive = (await createAdmin(app, { role: 'nokok-executive' })).token;
    const editor = (await createAdmin(app, { role: 'nokok-content-editor' })).token;
    for (const reader of [auditor, executive]) {
      await request(app.url).get('/data-sharing/agencies').set(as(reader)).expect(200);
      await request(app.url).get('/data-sharing/accesses').set(as(reader)).expect(200);
      await request(app.url).get('/data-sharing/accesses/export.csv').set(as(reader)).expect(200);
      await request(app.url).post(`/data-sharing/agencies/${agencies.health.id}/token`).set(as(reader)).send({ days: 30 }).expect(403);
      // The log in the Content Manager: read, never changed.
      await request(app.url).get('/content-manager/collection-types/api::dataset.dataset-access').set(as(reader)).expect(200);
    }
    for (const path of ['/data-sharing/agencies', '/data-sharing/accesses', '/data-sharing/accesses/export.xlsx']) await request(app.url).get(path).set(as(editor)).expect(403);
    await request(app.url).post(`/data-sharing/agencies/${agencies.health.id}/token`).set(as(editor)).send({ days: 30 }).expect(403);
    await request(app.url).get('/data-sharing/accesses').expect(401);
    // Editors keep the datasets and pick their partners, but do not read the log.
    await request(app.url).get('/content-manager/collection-types/api::dataset.dataset').set(as(editor)).expect(200);
    await request(app.url).get('/content-manager/collection-types/api::dataset.partner-agency').set(as(editor)).expect(200);
    await request(app.url).get('/content-manager/collection-types/api::dataset.dataset-access').set(as(editor)).expect(403);
  });

  it('cannot change the log in the Content Manager, not even the super admin', async () => {
    const cm = '/content-manager/collection-types/api::dataset.dataset-access';
    const list = await request(app.url).get(cm).set(as(admin)).expect(200);
    expect(list.body.results.length).toBeGreaterThan(0);
    await request(app.url).post(cm).set(as(admin)).send({ at: new Date().toISOString(), dataset: 'forged' }).expect(403);
    await request(app.url).put(`${cm}/${list.body.results[0].documentId}`).set(as(admin)).send({ dataset: 'forged' }).expect(403);
    await request(app.url).delete(`${cm}/${list.body.results[0].documentId}`).set(as(admin)).expect(403);
  });
});

/** The answer's bytes as they came (supertest parses only JSON and text by itself). */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
