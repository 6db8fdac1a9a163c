import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { ROOT, startApp, type TestApp } from '../../../../helpers/strapi';
import { DEMO_STAFF_PASSWORDS, demoStaffEnv } from '../../../../helpers/demo-staff';
import { fiscalYearOf, GROUPS } from '../../../../../src/api/transparency/domain/checklist';

/**
 * The ITA/OIT checklist end to end (issue 18, part D) on the demo town: GET /api/transparency lists
 * every seeded item in the assessment's groups; the website's /transparency shows each one and each
 * item's link answers 200 on this server; unpublishing, an old review and nothing linked change an
 * item's status; the staff routes of the ITA page and the good-governance dashboard are guarded.
 */
let app: TestApp;
const tokens: Record<string, string> = {};
const ITEM = 'api::transparency.transparency-item';
const SEEDED = JSON.parse(fs.readFileSync(path.join(ROOT, 'database/seed/transparency.json'), 'utf8')) as { fiscalYear: number; items: Array<{ code: string; group: string; titleTh: string; titleEn: string }> };
const YEAR = SEEDED.fiscalYear;

interface Item {
  code: string;
  title: { th: string; en: string };
  href: string | null;
  steps: { th: string[]; en: string[] };
  status: 'ok' | 'missing' | 'stale';
  reason: string | null;
}
interface Checklist {
  fiscalYear: number;
  years: number[];
  counts: { total: number; ok: number; missing: number; stale: number };
  groups: Array<{ key: string; indicator: string; total: number; ok: number; missing: number; stale: number; items: Item[] }>;
}

const checklist = async (query = `?fiscalYear=${YEAR}`): Promise<Checklist> => (await request(app.url).get(`/api/transparency${query}`).expect(200)).body.data as Checklist;
const itemOf = (list: Checklist, code: string) => list.groups.flatMap((g) => g.items).find((i) => i.code === code)!;
const staffGet = (who: string, url: string) => request(app.url).get(url).set('Authorization', `Bearer ${tokens[who]}`);

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '1000', ...demoStaffEnv() });
  for (const who of ['editor', 'complaints', 'executive', 'auditor']) {
    const res = await request(app.url).post('/admin/login').send({ email: `${who}@nokok.demo`, password: DEMO_STAFF_PASSWORDS[who] }).expect(200);
    tokens[who] = (res.body as { data: { token: string } }).data.token;
  }
}, 240_000);

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/transparency', () => {
  it('lists every seeded item once, in the assessment’s groups and order, each linked', async () => {
    const list = await checklist();
    expect(list.fiscalYear).toBe(YEAR);
    expect(list.years).toEqual([YEAR]);
    expect(list.groups.map((g) => g.key)).toEqual(GROUPS.map((g) => g.key));
    const codes = list.groups.flatMap((g) => g.items.map((i) => i.code));
    expect(codes).toEqual(SEEDED.items.map((i) => i.code));
    expect(SEEDED.items.length).toBeGreaterThanOrEqual(30);
    for (const seeded of SEEDED.items) {
      const group = list.groups.find((g) => g.items.some((i) => i.code === seeded.code))!;
      expect(group.key).toBe(seeded.group);
      const item = itemOf(list, seeded.code);
      expect(item.title).toEqual({ th: seeded.titleTh, en: seeded.titleEn });
      expect(item.href).toMatch(/^\//);
      expect(item.steps.th[0]).toBe('หน้าแรก');
      expect(item.steps.en[0]).toBe('Home');
    }
    expect(list.counts.total).toBe(SEEDED.items.length);
    expect(list.counts.missing).toBe(0);
    // Nothing of the record leaks: no ids.
    expect(JSON.stringify(list)).not.toMatch(/documentId|"id"/);
  });

  it('answers the current fiscal year by default, and refuses a year that is not one with a code per field', async () => {
    const current = await checklist('');
    expect(current.fiscalYear).toBe(fiscalYearOf(new Date()));
    for (const bad of ['25x0', '1999', '99999']) {
      const res = await request(app.url).get(`/api/transparency?fiscalYear=${bad}`).expect(400);
      expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['query', 'fiscalYear'], code: 'invalid_fiscal_year', message: 'ปีงบประมาณไม่ถูกต้อง (ใช้ปีพุทธศักราช เช่น 2570)' })]);
    }
    const en = await request(app.url).get('/api/transparency?fiscalYear=abc').set('Accept-Language', 'en').expect(400);
    expect(en.body.error.details.errors[0].message).toMatch(/^The fiscal year is not valid/);
    expect((await checklist('?fiscalYear=2569')).counts.total).toBe(0);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await request(app.url).get('/api/openapi.json').expect(200)).body as { paths: Record<string, { get?: { operationId: string } }> };
    expect(doc.paths['/transparency']?.get?.operationId).toBe('getTransparencyChecklist');
  });
});

describe('the website', () => {
  it('lists every seeded item on /transparency, grouped, and each item’s link answers 200', async () => {
    const res = await request(app.url).get(`/transparency?fiscalYear=${YEAR}`).expect(200).expect('Content-Type', /text\/html/);
    const list = await checklist();
    for (const g of list.groups) expect(res.text).toContain(`id="ita-${g.key}"`);
    for (const item of list.groups.flatMap((g) => g.items)) {
      const li = new RegExp(`<li class="ita-item" id="${item.code}" data-code="${item.code}" data-status="${item.status}">(.*?)</li>`, 's').exec(res.text);
      expect(li).not.toBeNull();
      const link = /<a class="ita-link" href="([^"]+)"/.exec(li![1]);
      expect(link?.[1].replace(/&amp;/g, '&')).toBe(item.href);
      const target = item.href!.replace(/#.*$/, '');
      const answer = await request(app.url).get(target);
      expect({ code: item.code, target, status: answer.status }).toEqual({ code: item.code, target, status: 200 });
      // A link into a page's section (/statistics#tax) finds that section.
      const section = /#(.+)$/.exec(item.href!)?.[1];
      if (section) expect(answer.text).toContain(`id="${section}"`);
    }
  });

  it('serves the English page with English titles and links kept in English', async () => {
    const res = await request(app.url).get(`/en/transparency?fiscalYear=${YEAR}`).expect(200);
    expect(res.text).toContain('<html lang="en"');
    // The English page names the fiscal year by the Gregorian year it ends in, like its dates.
    expect(res.text).toContain('Open information (ITA), fiscal year 2027');
    expect(res.text).toContain('href="/en/pages/organization"');
    expect(res.text).toContain('Home › Menu: Organisation');
  });

  it('links the checklist from every page’s footer, and filters the news by category', async () => {
    const home = await request(app.url).get('/').expect(200);
    expect(home.text).toMatch(/<a href="\/transparency">การเปิดเผยข้อมูลสาธารณะ \(ITA\)<\/a>/);
    const news = await request(app.url).get('/news?category=procurement').expect(200);
    expect(news.text).toContain('aria-current="page">จัดซื้อจัดจ้าง');
    expect(news.text).toContain('/news/road-repair-moo-5');
    expect(news.text).not.toContain('/news/loy-krathong-2569');
  });

  it('answers 404 for a year the API refuses', async () => {
    await request(app.url).get('/transparency?fiscalYear=abc').expect(404);
  });
});

describe('status', () => {
  it('turns missing when the linked page is unpublished, stale when the review is over a year old, missing when nothing is linked', async () => {
    const page = (await app.strapi.db.query('api::page.page').findOne({ where: { slug: 'no-gift-policy' }, select: ['documentId'] })) as { documentId: string };
    await app.strapi.documents('api::page.page').unpublish({ documentId: page.documentId, locale: '*' });
    let list = await checklist();
    expect(itemOf(list, 'o29')).toMatchObject({ status: 'missing', reason: 'not_published', href: '/pages/no-gift-policy' });
    await app.strapi.documents('api::page.page').publish({ documentId: page.documentId, locale: '*' });
    expect(itemOf(await checklist(), 'o29').status).toBe('ok');

    const row = (code: string) => app.strapi.db.query(ITEM).findOne({ where: { code, fiscalYear: YEAR } }) as Promise<{ id: number; reviewedAt: string }>;
    const o30 = await row('o30');
    await app.strapi.db.query(ITEM).update({ where: { id: o30.id }, data: { reviewedAt: '2020-01-01' } });
    const o4 = await row('o4');
    await app.strapi.db.query(ITEM).update({ where: { id: o4.id }, data: { url: null } });
    list = await checklist();
    expect(itemOf(list, 'o30')).toMatchObject({ status: 'stale', reason: 'review_overdue' });
    expect(itemOf(list, 'o4')).toMatchObject({ status: 'missing', reason: 'no_target', href: null });
    const site = await request(app.url).get(`/transparency?fiscalYear=${YEAR}`).expect(200);
    expect(site.text).toContain('id="o4" data-code="o4" data-status="missing"');
    expect(site.text).toContain('id="o30" data-code="o30" data-status="stale"');

    // The staff page lists both with a link to edit them.
    const staff = (await staffGet('editor', `/ita/checklist?fiscalYear=${YEAR}`).expect(200)).body.data as { groups: Array<{ key: string; missing: number; items: Array<Item & { documentId: string }> }> };
    const basic = staff.groups.find((g) => g.key === 'basic_information')!;
    expect(basic.missing).toBe(1);
    expect(basic.items.find((i) => i.code === 'o4')?.documentId).toEqual(expect.any(String));
    await app.strapi.db.query(ITEM).update({ where: { id: o30.id }, data: { reviewedAt: o30.reviewedAt } });
    await app.strapi.db.query(ITEM).update({ where: { id: o4.id }, data: { url: '/contact' } });
  });
});

describe('staff routes', () => {
  it('refuse callers without an admin token, and roles without the permission', async () => {
    await request(app.url).get('/ita/checklist').expect(401);
    await request(app.url).get('/ita/governance').expect(401);
    await staffGet('complaints', '/ita/checklist').expect(403);
    await staffGet('complaints', '/ita/governance').expect(403);
    // The content editor keeps the items and sees the checklist page, not the dashboard.
    await staffGet('editor', '/ita/checklist').expect(200);
    await staffGet('editor', '/ita/governance').expect(403);
    const bad = await staffGet('editor', '/ita/checklist?fiscalYear=x').expect(400);
    expect(bad.body.error.details.errors).toEqual([expect.objectContaining({ path: ['query', 'fiscalYear'], code: 'invalid_fiscal_year' })]);
  });

  it('give executives and auditors the checklist and the six principles by quarter', async () => {
    for (const who of ['executive', 'auditor']) {
      const list = (await staffGet(who, `/ita/checklist?fiscalYear=${YEAR}`).expect(200)).body.data as Checklist;
      expect(list.counts.total).toBe(SEEDED.items.length);
      const g = (await staffGet(who, `/ita/governance?fiscalYear=${YEAR}`).expect(200)).body.data as {
        fiscalYear: number;
        principles: Array<{ key: string; indicators: Array<{ key: string; value: number | null; quarters: Array<number | null> | null }> }>;
      };
      expect(g.fiscalYear).toBe(YEAR);
      expect(g.principles.map((p) => p.key)).toEqual(['rule_of_law', 'ethics', 'transparency', 'participation', 'accountability', 'value_for_money']);
      const ita = g.principles.find((p) => p.key === 'transparency')!.indicators.find((i) => i.key === 'ita_items_ok')!;
      expect(ita.value).toBeCloseTo(list.counts.ok / list.counts.total, 4);
      const reason = g.principles.find((p) => p.key === 'rule_of_law')!.indicators.find((i) => i.key === 'answered_with_reason')!;
      expect(reason.quarters).toHaveLength(4);
    }
  });

  it('show the content editor the items in the Content Manager and let executives only read them', async () => {
    const uid = 'api::transparency.transparency-item';
    await staffGet('editor', `/content-manager/collection-types/${uid}?pageSize=50`).expect(200);
    await staffGet('executive', `/content-manager/collection-types/${uid}?pageSize=50`).expect(200);
    await request(app.url)
      .post(`/content-manager/collection-types/${uid}`)
      .set('Authorization', `Bearer ${tokens.executive}`)
      .send({ code: 'o99', fiscalYear: YEAR, titleTh: 'ทดสอบ', linkKind: 'url', group: 'budget', indicator: 'i9' })
      .expect(403);
  });
});
