import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { caseEngine } from '../../../../../plugins/complaint-workflow/server/src/public';

/**
 * The e-service dashboard (GET /e-service-requests/dashboard, admin): requests in known states, made through
 * the case engine and the public route, and every figure compared with a computation of the test's
 * own from the stored rows. Executives, auditors and the officers read it; other roles get 403.
 */
let app: TestApp;
let admin: string;
const FORM = 'api::e-form.e-form';
const SUBMISSION = 'api::e-form-submission.e-form-submission';
const DAY = 86_400_000;
const OPEN_STATES = ['received', 'checking', 'waiting_documents', 'approved'];

interface Figures {
  generatedAt: string;
  month: string;
  total: number;
  open: number;
  overdue: number;
  closed: number;
  receivedThisMonth: number;
  medianDaysToClose: number | null;
  paperPagesSaved: number;
  byState: Array<{ state: string; meaning: string; count: number; label: { th: string; en: string } }>;
  byService: Array<{ formSlug: string | null; title: { th: string; en: string } | null; total: number; open: number; overdue: number; closed: number; receivedThisMonth: number; paperPagesSaved: number }>;
}

const dashboard = (token: string) => request(app.url).get('/e-service-requests/dashboard').set('Authorization', `Bearer ${token}`);

async function publishForm(slug: string, titleTh: string, paperPages: number, publish = true): Promise<void> {
  const doc = await app.strapi.documents(FORM).create({ data: { slug, titleTh, titleEn: `${slug} (en)`, processingDays: 15, isOpen: true, workflow: 'full', paperPages } });
  if (publish) await app.strapi.documents(FORM).publish({ documentId: doc.documentId });
}

/** A request to a form received `daysAgo` days ago, then moved along `actions` by an officer. */
async function requestTo(slug: string, title: string, paperPages: number, daysAgo: number, actions: Array<{ action: string; reason?: string }> = []): Promise<number> {
  const engine = caseEngine(app.strapi);
  const created = await engine.create(
    'e-service',
    { formSlug: slug, title, paperPages, description: 'ทดสอบแดชบอร์ด', channel: 'web', language: 'th' },
    { type: 'citizen' },
    new Date(Date.now() - daysAgo * DAY)
  );
  for (const step of actions) {
    await request(app.url)
      .post(`/complaint-workflow/cases/${created.id}/transition?type=e-service`)
      .set('Authorization', `Bearer ${admin}`)
      .send(step)
      .expect(200);
  }
  return created.id;
}

/** The month of an instant in Bangkok, `YYYY-MM`, by the platform's own time zone data. */
const bangkokMonth = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit' }).format(d).slice(0, 7);

/** The test's own figures from the stored rows. */
async function expected(now: Date) {
  const rows = (await app.strapi.db.query(SUBMISSION).findMany({ select: ['formSlug', 'state', 'receivedAt', 'dueAt', 'resolvedAt', 'paperPages'] })) as Array<{
    formSlug: string | null;
    state: string;
    receivedAt: string;
    dueAt: string | null;
    resolvedAt: string | null;
    paperPages: number | null;
  }>;
  const isOpen = (r: { state: string }) => OPEN_STATES.includes(r.state);
  const late = (r: (typeof rows)[number]) => isOpen(r) && r.dueAt !== null && new Date(r.dueAt).getTime() < now.getTime();
  const thisMonth = (r: (typeof rows)[number]) => bangkokMonth(new Date(r.receivedAt)) === bangkokMonth(now);
  const days = rows
    .filter((r) => !isOpen(r) && r.resolvedAt)
    .map((r) => (new Date(r.resolvedAt as string).getTime() - new Date(r.receivedAt).getTime()) / DAY)
    .sort((a, b) => a - b);
  const mid = days.length % 2 ? days[(days.length - 1) / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;
  const summary = (list: typeof rows) => ({
    total: list.length,
    open: list.filter(isOpen).length,
    overdue: list.filter(late).length,
    closed: list.filter((r) => !isOpen(r)).length,
    receivedThisMonth: list.filter(thisMonth).length,
    paperPagesSaved: list.reduce((sum, r) => sum + (r.paperPages ?? 0), 0),
  });
  const slugs = [...new Set(rows.map((r) => r.formSlug ?? null))];
  return {
    ...summary(rows),
    month: bangkokMonth(now),
    medianDaysToClose: days.length ? Math.round(mid * 10) / 10 : null,
    byState: Object.fromEntries(['received', 'checking', 'waiting_documents', 'approved', 'refused', 'done'].map((s) => [s, rows.filter((r) => r.state === s).length])),
    byService: Object.fromEntries(slugs.map((slug) => [String(slug), summary(rows.filter((r) => (r.formSlug ?? null) === slug))])),
  };
}

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  ({ token: admin } = await createAdmin(app));
  await publishForm('residence-certificate', 'ขอหนังสือรับรองที่อยู่', 3);
  await publishForm('water-tank', 'ขอรับน้ำอุปโภคบริโภค', 2);
  await publishForm('street-vendor', 'ขออนุญาตจำหน่ายสินค้าในที่สาธารณะ', 4);
  await publishForm('draft-only', 'แบบฟอร์มที่ยังไม่เผยแพร่', 5, false);

  await requestTo('residence-certificate', 'ขอหนังสือรับรองที่อยู่', 3, 0);
  // Received 20 days ago, due after 15: overdue while still being checked.
  await requestTo('residence-certificate', 'ขอหนังสือรับรองที่อยู่', 3, 20, [{ action: 'check' }]);
  // Done about 10 days after receipt.
  await requestTo('residence-certificate', 'ขอหนังสือรับรองที่อยู่', 3, 10, [{ action: 'check' }, { action: 'approve' }, { action: 'complete' }]);
  // Refused about 4 days after receipt.
  await requestTo('water-tank', 'ขอรับน้ำอุปโภคบริโภค', 2, 4, [{ action: 'check' }, { action: 'refuse', reason: 'อยู่นอกเขตให้บริการ' }]);
  // Waiting for documents for 40 days: overdue, received in an earlier month.
  await requestTo('water-tank', 'ขอรับน้ำอุปโภคบริโภค', 2, 40, [{ action: 'check' }, { action: 'request_documents', reason: 'กรุณาส่งสำเนาทะเบียนบ้าน' }]);
  // A free-form request through the public route of before the forms: no form, no paper counted.
  await request(app.url)
    .post('/api/e-form-submissions')
    .send({ data: { title: 'ขอคัดสำเนาเอกสาร', description: 'ขอคัดสำเนาใบอนุญาตก่อสร้าง' } })
    .expect(201);
});

afterAll(async () => {
  await app?.stop();
});

it('counts requests by service and state, overdue, this month, the median days to close and the paper saved, as the rows say', async () => {
  const res = await dashboard(admin).expect(200);
  expect(res.headers['cache-control']).toBe('no-store');
  const figures = res.body.data as Figures;
  const want = await expected(new Date(figures.generatedAt));

  expect(figures).toMatchObject({
    total: want.total,
    open: want.open,
    overdue: want.overdue,
    closed: want.closed,
    receivedThisMonth: want.receivedThisMonth,
    medianDaysToClose: want.medianDaysToClose,
    paperPagesSaved: want.paperPagesSaved,
    month: want.month,
  });
  // The same figures, as the requests above were made.
  expect(figures).toMatchObject({ total: 6, open: 4, overdue: 2, closed: 2, paperPagesSaved: 3 * 3 + 2 * 2, medianDaysToClose: 7 });

  expect(Object.fromEntries(figures.byState.map((s) => [s.state, s.count]))).toEqual(want.byState);
  expect(figures.byState.find((s) => s.state === 'done')).toMatchObject({ meaning: 'closed', label: { th: 'เสร็จสิ้น', en: 'Done' } });
  expect(figures.byState.find((s) => s.state === 'waiting_documents')?.meaning).toBe('open');

  // Every published form is a service, used or not; a draft is nobody's service yet.
  const bySlug = Object.fromEntries(figures.byService.map((s) => [String(s.formSlug), s]));
  expect(Object.keys(bySlug).sort()).toEqual(['null', 'residence-certificate', 'street-vendor', 'water-tank']);
  for (const [slug, w] of Object.entries(want.byService)) expect(bySlug[slug]).toMatchObject(w);
  expect(bySlug['street-vendor']).toMatchObject({ total: 0, open: 0, paperPagesSaved: 0, title: { th: 'ขออนุญาตจำหน่ายสินค้าในที่สาธารณะ' } });
  expect(bySlug['residence-certificate']).toMatchObject({ total: 3, open: 2, overdue: 1, closed: 1, paperPagesSaved: 9, title: { th: 'ขอหนังสือรับรองที่อยู่', en: 'residence-certificate (en)' } });
  expect(bySlug.null).toMatchObject({ total: 1, title: null, paperPagesSaved: 0 });
  // The busiest service first.
  expect(figures.byService[0].formSlug).toBe('residence-certificate');
});

it('answers fresh figures at every call: a new request shows at once', async () => {
  const before = (await dashboard(admin).expect(200)).body.data as Figures;
  await requestTo('street-vendor', 'ขออนุญาตจำหน่ายสินค้าในที่สาธารณะ', 4, 0);
  const after = (await dashboard(admin).expect(200)).body.data as Figures;
  expect(after.total).toBe(before.total + 1);
  expect(after.paperPagesSaved).toBe(before.paperPagesSaved + 4);
  expect(after.byService.find((s) => s.formSlug === 'street-vendor')?.total).toBe(1);
  expect(after.byState.find((s) => s.state === 'received')?.count).toBe((before.byState.find((s) => s.state === 'received')?.count ?? 0) + 1);
});

it('is read by executives, auditors and e-service officers; other staff get 403, strangers 401', async () => {
  for (const role of ['nokok-executive', 'nokok-auditor', 'nokok-complaint-officer']) {
    const { token } = await createAdmin(app, { role });
    expect(((await dashboard(token).expect(200)).body.data as Figures).total).toBeGreaterThan(0);
  }
  for (const role of ['nokok-finance-officer', 'nokok-content-editor']) {
    const { token } = await createAdmin(app, { role });
    await dashboard(token).expect(403);
  }
  await request(app.url).get('/e-service-requests/dashboard').expect(401);
});
