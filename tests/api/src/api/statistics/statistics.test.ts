import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { createDataset } from '../../../../helpers/datasets';
import { caseEngine } from '../../../../../plugins/complaint-workflow/server/src/public';

/**
 * GET /api/statistics: complaints filed through the public API and the case engine (some received
 * days or a year ago), moved along by an officer; e-service requests; case ratings and survey
 * responses; tax bills; datasets. Every figure is compared with the test's own computation from what
 * it created (read back for the dates the engine stamped), written here without the app's modules.
 */
let app: TestApp;
let staff: string;

const COMPLAINT = 'api::complaint.complaint';
const SUBMISSION = 'api::e-form-submission.e-form-submission';
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

const COMPLAINT_STATES: Array<[string, string, string, 'open' | 'closed']> = [
  ['received', 'รับเรื่องแล้ว', 'Received', 'open'],
  ['accepted', 'รับเรื่องไว้พิจารณา', 'Accepted', 'open'],
  ['in_progress', 'กำลังดำเนินการ', 'In progress', 'open'],
  ['resolved', 'ดำเนินการแล้วเสร็จ', 'Resolved', 'closed'],
  ['closed', 'ปิดเรื่อง', 'Closed', 'closed'],
  ['rejected', 'ไม่รับเรื่อง', 'Rejected', 'closed'],
  ['referred', 'ส่งต่อหน่วยงานอื่น', 'Referred to another agency', 'closed'],
  ['duplicate', 'เรื่องซ้ำ', 'Duplicate', 'closed'],
  ['reopened', 'เปิดเรื่องใหม่', 'Reopened', 'open'],
];
const E_SERVICE_STATES: Array<[string, string, string, 'open' | 'closed']> = [
  ['received', 'รับคำขอแล้ว', 'Received', 'open'],
  ['checking', 'กำลังตรวจสอบ', 'Checking', 'open'],
  ['waiting_documents', 'รอเอกสารเพิ่มเติม', 'Waiting for documents', 'open'],
  ['approved', 'อนุมัติแล้ว', 'Approved', 'open'],
  ['refused', 'ไม่อนุมัติ', 'Refused', 'closed'],
  ['done', 'เสร็จสิ้น', 'Done', 'closed'],
];

const CATEGORIES = {
  road: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15 },
  light: { code: 'light', nameTh: 'ไฟฟ้าสาธารณะ', nameEn: 'Street light', deadlineDays: 7 },
};
const categoryIds: Record<string, number> = {};

/* ---------------------------------------------------------------- the test's own arithmetic */

/** The month of an instant in Bangkok, `YYYY-MM`, by the platform's time zone data. */
const bangkokMonth = (d: string | Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit' }).format(new Date(d)).slice(0, 7);
/** The Thai fiscal year (Buddhist era) of an instant: October starts the next one. */
const fiscalYear = (d: string | Date) => {
  const [y, m] = bangkokMonth(d).split('-').map(Number);
  return y + 543 + (m >= 10 ? 1 : 0);
};
/** The twelve months of a fiscal year, October first. */
const monthsOf = (fy: number) => [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => `${m >= 10 ? fy - 544 : fy - 543}-${String(m).padStart(2, '0')}`);
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const middle = (xs: number[]) => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const count = <T>(xs: T[], pred: (x: T) => boolean) => xs.filter(pred).length;

/* ---------------------------------------------------------------- making the records */

const transition = (id: number, action: string, reason?: string, type = 'complaint') =>
  request(app.url)
    .post(`/complaint-workflow/cases/${id}/transition?type=${type}`)
    .set('Authorization', `Bearer ${staff}`)
    .send({ action, ...(reason ? { reason } : {}) })
    .expect(200);

/** A complaint through the public API (received now), then moved along by an officer. */
async function fileComplaint(category: string, village: number | null, actions: Array<[string, string?]> = []): Promise<number> {
  const res = await request(app.url)
    .post('/api/complaints')
    .send({ data: { category, description: `ทดสอบสถิติ ${category}`, ...(village ? { village } : {}) } })
    .expect(201);
  const { id } = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: res.body.data.trackingCode }, select: ['id'] });
  for (const [action, reason] of actions) await transition(id, action, reason);
  return id;
}

/** A complaint received `daysAgo` days ago (by the case engine, as a counter officer enters it), then moved along. */
async function pastComplaint(category: string, village: number | null, daysAgo: number, actions: Array<[string, string?]> = []): Promise<number> {
  const created = await caseEngine(app.strapi).create(
    'complaint',
    { category: categoryIds[category], description: `เรื่องย้อนหลัง ${daysAgo} วัน`, village, channel: 'counter', language: 'th', confidential: false },
    { type: 'citizen' },
    ago(daysAgo)
  );
  for (const [action, reason] of actions) await transition(created.id, action, reason);
  return created.id;
}

async function eServiceRequest(slug: string, title: string, paperPages: number, daysAgo: number, actions: Array<[string, string?]> = []): Promise<number> {
  const created = await caseEngine(app.strapi).create(
    'e-service',
    { formSlug: slug, title, paperPages, description: 'ทดสอบสถิติ', channel: 'web', language: 'th' },
    { type: 'citizen' },
    ago(daysAgo)
  );
  for (const [action, reason] of actions) await transition(created.id, action, reason, 'e-service');
  return created.id;
}

const RATINGS = [
  { caseType: 'complaint', channel: 'web', speed: 5, staff: 4, result: 4, overall: 5, daysAgo: 0 },
  { caseType: 'complaint', channel: 'counter', speed: 2, staff: 3, result: 1, overall: 2, daysAgo: 1 },
  { caseType: 'complaint', channel: 'web', speed: 4, staff: 4, result: 5, overall: 4, daysAgo: 2 },
  { caseType: 'e-service', channel: 'web', speed: 3, staff: 5, result: 4, overall: 4, daysAgo: 0 },
  // A year ago: counted for all time, not in this fiscal year.
  { caseType: 'e-service', channel: 'line', speed: 1, staff: 1, result: 2, overall: 1, daysAgo: 400 },
];

const TAX_BILLS = [
  { taxYear: 2568, taxAmount: 1200.5, paidAmount: 1200.5, status: 'paid' },
  { taxYear: 2569, taxAmount: 800, paidAmount: 800, status: 'paid' },
  { taxYear: 2569, taxAmount: 1000.25, paidAmount: 300, status: 'partially_paid' },
  { taxYear: 2569, taxAmount: 450, paidAmount: 0, status: 'issued' },
  { taxYear: 2569, taxAmount: 5000, paidAmount: 0, status: 'cancelled' },
];

let reopenActions = 0;

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  ({ token: staff } = await createAdmin(app));
  for (const c of Object.values(CATEGORIES)) {
    const made = await app.strapi.documents('api::complaint-category.complaint-category').create({ data: { ...c, confidential: false, active: true } });
    categoryIds[c.code] = Number(made.id);
  }

  // Complaints: through the public API now, and through the engine in the past.
  await fileComplaint('light', 3);
  await fileComplaint('road', 1, [['accept'], ['start']]);
  await fileComplaint('road', null, [['reject', 'อยู่นอกเขตเทศบาล']]);
  const first = await fileComplaint('light', 3);
  await fileComplaint('light', 3, [['mark_duplicate', `ซ้ำกับเรื่อง ${first}`]]);
  await pastComplaint('light', 3, 10, [['accept'], ['resolve', 'เปลี่ยนหลอดแล้ว'], ['close']]); // 10 days, deadline 7: late
  await pastComplaint('road', 1, 3, [['accept'], ['resolve', 'ซ่อมแล้ว']]); // 3 days, deadline 15: on time
  await pastComplaint('road', 2, 20, [['accept'], ['resolve', 'ซ่อมแล้ว'], ['reopen', 'ยังเป็นหลุม'], ['resolve', 'ซ่อมใหม่แล้ว']]); // late, reopened once
  reopenActions += 1;
  await pastComplaint('light', null, 400, [['accept'], ['refer', 'เป็นความรับผิดชอบของการไฟฟ้าส่วนภูมิภาค']]); // an earlier fiscal year
  await pastComplaint('light', 2, 5, [['accept'], ['start'], ['resolve', 'ซ่อมแล้ว'], ['close'], ['reopen', 'ไฟดับอีก']]); // reopened, open again
  reopenActions += 1;
  await pastComplaint('road', 4, 45, [['accept']]);

  // E-service: two published forms, one draft; requests by the engine and one free-form through the API.
  for (const [slug, titleTh, paperPages, publish] of [
    ['water-tank', 'ขอรับน้ำอุปโภคบริโภค', 2, true],
    ['residence-certificate', 'ขอหนังสือรับรองที่อยู่', 3, true],
    ['draft-form', 'แบบฟอร์มร่าง', 9, false],
  ] as const) {
    const doc = await app.strapi.documents('api::e-form.e-form').create({ data: { slug, titleTh, titleEn: `${slug} (en)`, processingDays: 15, isOpen: true, workflow: 'full', paperPages } });
    if (publish) await app.strapi.documents('api::e-form.e-form').publish({ documentId: doc.documentId });
  }
  await eServiceRequest('water-tank', 'ขอรับน้ำอุปโภคบริโภค', 2, 0);
  await eServiceRequest('water-tank', 'ขอรับน้ำอุปโภคบริโภค', 2, 4, [['check'], ['refuse', 'อยู่นอกเขตให้บริการ']]);
  await eServiceRequest('residence-certificate', 'ขอหนังสือรับรองที่อยู่', 3, 10, [['check'], ['approve'], ['complete']]);
  await eServiceRequest('residence-certificate', 'ขอหนังสือรับรองที่อยู่', 3, 400, [['check']]);
  await request(app.url)
    .post('/api/e-form-submissions')
    .send({ data: { title: 'ขอคัดสำเนาเอกสาร', description: 'ขอคัดสำเนาใบอนุญาตก่อสร้าง' } })
    .expect(201);

  // Ratings, stored as the survey's answer route stores them (that route has its own tests).
  const complaintIds = (await app.strapi.db.query(COMPLAINT).findMany({ select: ['id'], orderBy: { id: 'asc' } })) as Array<{ id: number }>;
  const requestIds = (await app.strapi.db.query(SUBMISSION).findMany({ select: ['id'], orderBy: { id: 'asc' } })) as Array<{ id: number }>;
  for (const [i, r] of RATINGS.entries()) {
    const caseId = (r.caseType === 'complaint' ? complaintIds : requestIds)[i].id;
    await app.strapi.db.query('api::survey.case-rating').create({
      data: { caseKey: `${r.caseType}:${caseId}`, caseType: r.caseType, caseId, service: 'general', channel: r.channel, speed: r.speed, staff: r.staff, result: r.result, overall: r.overall, comment: 'ZZPRIVATECOMMENT', answeredAt: ago(r.daysAgo) },
    });
  }
  // A general survey with three responses (one a year ago), and a draft survey nobody sees.
  const survey = await app.strapi.documents('api::survey.survey').create({ data: { titleTh: 'ความพึงพอใจต่อเทศบาล', titleEn: 'Satisfaction', slug: 'satisfaction-2570', opensAt: ago(30), closesAt: ago(-30) } });
  await app.strapi.documents('api::survey.survey').publish({ documentId: survey.documentId });
  await app.strapi.documents('api::survey.survey').create({ data: { titleTh: 'ร่าง', slug: 'draft-survey' } });
  const published = await app.strapi.db.query('api::survey.survey').findOne({ where: { documentId: survey.documentId, publishedAt: { $notNull: true } }, select: ['id'] });
  for (const daysAgo of [0, 1, 400]) {
    await app.strapi.db.query('api::survey.survey-response').create({ data: { survey: published.id, surveySlug: 'satisfaction-2570', answers: {}, submittedAt: ago(daysAgo) } });
  }

  for (const [i, b] of TAX_BILLS.entries()) {
    await app.strapi.db.query('api::tax-bill.tax-bill').create({
      data: { ...b, billKey: `${b.taxYear}/S${i}`, billNumber: `S${i}`, billReference: `S${b.taxYear}${i}`, nationalId: '1101700230708', ownerName: 'นายทดสอบ สถิติ', useCategory: 'residence' },
    });
  }

  await createDataset(app.strapi, {
    titleTh: 'สถิติการให้บริการ',
    titleEn: 'Service statistics',
    slug: 'service-statistics',
    category: 'public_services',
    resources: [
      { name: 'เรื่องร้องเรียนตามสถานะ', source: 'live', view: 'complaints_by_status', format: 'CSV' },
      { name: 'แบบรายงานเรื่องร้องเรียน', source: 'live', view: 'complaints_assessment', format: 'CSV' },
      { name: 'คำขอตามบริการ', source: 'live', view: 'e_service_by_service', format: 'CSV' },
      { name: 'ความพึงพอใจ', source: 'live', view: 'satisfaction_ratings', format: 'CSV' },
      { name: 'รายหมู่บ้าน', source: 'live', view: 'complaints_by_village', format: 'CSV' },
    ],
  });
  await createDataset(app.strapi, { titleEn: 'Population', slug: 'population', category: 'population', resources: [{ name: 'ลิงก์', source: 'url', url: 'https://example.org/p.csv' }] });
  await createDataset(app.strapi, { titleEn: 'Draft', slug: 'draft-dataset', category: 'health', resources: [] }, { publish: false });
});

afterAll(async () => {
  await app?.stop();
});

/* ---------------------------------------------------------------- expected figures */

interface StoredComplaint {
  state: string;
  receivedAt: string;
  dueAt: string | null;
  resolvedAt: string | null;
  village: number | null;
  reopenCount?: number | null;
  category: { code: string } | null;
}

async function storedComplaints(fy?: number): Promise<StoredComplaint[]> {
  const rows = (await app.strapi.db.query(COMPLAINT).findMany({ populate: { category: { select: ['code'] } } })) as StoredComplaint[];
  return fy ? rows.filter((r) => fiscalYear(r.receivedAt) === fy) : rows;
}

function expectedComplaints(rows: StoredComplaint[], fy?: number) {
  const resolved = rows.filter((r) => r.resolvedAt);
  const days = resolved.map((r) => (new Date(r.resolvedAt!).getTime() - new Date(r.receivedAt).getTime()) / DAY);
  const answered = rows.filter((r) => r.dueAt && r.resolvedAt);
  const within = count(answered, (r) => new Date(r.resolvedAt!) <= new Date(r.dueAt!));
  const monthsSeen = [...rows.map((r) => bangkokMonth(r.receivedAt)), ...resolved.map((r) => bangkokMonth(r.resolvedAt!))].sort();
  let months: string[];
  if (fy) months = monthsOf(fy);
  else {
    months = [];
    for (let m = monthsSeen[0]; m <= monthsSeen[monthsSeen.length - 1]; ) {
      months.push(m);
      const [y, mm] = m.split('-').map(Number);
      m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
    }
  }
  const codes = [...new Set(rows.map((r) => r.category?.code ?? null))];
  const villages = [...new Set(rows.map((r) => r.village ?? null))];
  const s = sorted(days);
  return {
    total: rows.length,
    byCategory: codes
      .map((code) => ({
        code,
        nameTh: code ? CATEGORIES[code as keyof typeof CATEGORIES].nameTh : null,
        nameEn: code ? CATEGORIES[code as keyof typeof CATEGORIES].nameEn : null,
        count: count(rows, (r) => (r.category?.code ?? null) === code),
      }))
      .sort((a, b) => b.count - a.count || (a.code === null ? 1 : b.code === null ? -1 : a.code.localeCompare(b.code))),
    byStatus: COMPLAINT_STATES.map(([state, labelTh, labelEn, publicStatus]) => ({ state, labelTh, labelEn, publicStatus, count: count(rows, (r) => r.state === state) })),
    byVillage: villages
      .sort((a, b) => (a ?? 100) - (b ?? 100))
      .map((village) => ({ village, count: count(rows, (r) => (r.village ?? null) === village) })),
    byMonth: months.map((month) => ({ month, received: count(rows, (r) => bangkokMonth(r.receivedAt) === month), resolved: count(resolved, (r) => bangkokMonth(r.resolvedAt!) === month) })),
    resolveDays: { median: days.length ? round(middle(days), 1) : null, p90: days.length ? round(s[Math.ceil(s.length * 0.9) - 1], 1) : null, count: days.length },
    onTime: { answered: answered.length, withinDeadline: within, share: answered.length ? round(within / answered.length, 4) : null },
    reopened: { cases: count(rows, (r) => (r.reopenCount ?? 0) > 0), reopens: rows.reduce((n, r) => n + (r.reopenCount ?? 0), 0) },
  };
}

async function expectedEService(fy?: number) {
  let rows = (await app.strapi.db.query(SUBMISSION).findMany({ select: ['formSlug', 'title', 'state', 'receivedAt', 'paperPages'] })) as Array<{ formSlug: string | null; state: string; receivedAt: string; paperPages: number | null }>;
  if (fy) rows = rows.filter((r) => fiscalYear(r.receivedAt) === fy);
  const closed = (r: { state: string }) => ['refused', 'done'].includes(r.state);
  const service = (slug: string | null, titleTh: string | null, titleEn: string | null) => {
    const mine = rows.filter((r) => (r.formSlug || null) === slug);
    return { slug, titleTh, titleEn, count: mine.length, open: count(mine, (r) => !closed(r)), closed: count(mine, closed) };
  };
  const byService = [service('water-tank', 'ขอรับน้ำอุปโภคบริโภค', 'water-tank (en)'), service('residence-certificate', 'ขอหนังสือรับรองที่อยู่', 'residence-certificate (en)'), service(null, null, null)]
    .filter((s) => s.slug !== null || s.count > 0)
    .sort((a, b) => b.count - a.count || (a.slug === null ? 1 : b.slug === null ? -1 : a.slug.localeCompare(b.slug)));
  return {
    total: rows.length,
    byService,
    byStatus: E_SERVICE_STATES.map(([state, labelTh, labelEn, publicStatus]) => ({ state, labelTh, labelEn, publicStatus, count: count(rows, (r) => r.state === state) })),
    paperPagesSaved: rows.reduce((n, r) => n + (r.paperPages ?? 0), 0),
  };
}

function expectedSatisfaction(fy?: number) {
  const inYear = (daysAgo: number) => !fy || fiscalYear(ago(daysAgo)) === fy;
  const ratings = RATINGS.filter((r) => inYear(r.daysAgo));
  const avg = (list: typeof RATINGS) => {
    const a = (k: 'speed' | 'staff' | 'result' | 'overall') => (list.length ? round(list.reduce((n, r) => n + r[k], 0) / list.length, 2) : null);
    return { count: list.length, speed: a('speed'), staff: a('staff'), result: a('result'), overall: a('overall') };
  };
  const channels = [...new Set(ratings.map((r) => r.channel))];
  return {
    overall: avg(ratings),
    byCaseType: ['complaint', 'e-service'].map((caseType) => ({ caseType, ...avg(ratings.filter((r) => r.caseType === caseType)) })),
    byChannel: channels.map((channel) => ({ channel, ...avg(ratings.filter((r) => r.channel === channel)) })).sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel)),
    surveys: [{ slug: 'satisfaction-2570', titleTh: 'ความพึงพอใจต่อเทศบาล', titleEn: 'Satisfaction', responses: [0, 1, 400].filter(inYear).length }],
  };
}

function expectedTax(fy?: number) {
  const bills = TAX_BILLS.filter((b) => b.status !== 'cancelled' && (!fy || b.taxYear === fy));
  const years = [...new Set(bills.map((b) => b.taxYear))].sort();
  return {
    byYear: years.map((year) => {
      const mine = bills.filter((b) => b.taxYear === year);
      const billed = mine.reduce((n, b) => n + b.taxAmount, 0);
      const collected = mine.reduce((n, b) => n + b.paidAmount, 0);
      return { year, billed: round(billed, 2), collected: round(collected, 2), share: billed ? round(collected / billed, 4) : null, bills: mine.length, paidBills: count(mine, (b) => b.status === 'paid') };
    }),
  };
}

function expectedAssessment(rows: StoredComplaint[], fy: number) {
  const closed = new Set(COMPLAINT_STATES.filter((s) => s[3] === 'closed').map((s) => s[0]));
  const months = monthsOf(fy);
  const period = (from: number, to: number) => {
    const mine = rows.filter((r) => months.slice(from, to).includes(bangkokMonth(r.receivedAt)));
    const completed = count(mine, (r) => closed.has(r.state));
    return { total: mine.length, inProgress: mine.length - completed, completed };
  };
  return {
    fiscalYear: fy,
    byMonth: months.map((m, i) => ({ period: m, ...period(i, i + 1) })),
    byQuarter: [0, 1, 2, 3].map((q) => ({ period: `Q${q + 1}`, ...period(q * 3, q * 3 + 3) })),
    byHalf: [0, 1].map((h) => ({ period: `H${h + 1}`, ...period(h * 6, h * 6 + 6) })),
    year: { period: String(fy), ...period(0, 12) },
  };
}

/* ---------------------------------------------------------------- the tests */

it('answers every area with the figures of the records the test made (all time)', async () => {
  const res = await request(app.url).get('/api/statistics').expect(200);
  expect(res.headers['cache-control']).toBe('no-cache');
  const data = res.body.data;
  expect(Object.keys(data.areas)).toEqual(['complaints', 'e-service', 'satisfaction', 'datasets', 'tax', 'complaints-assessment']);
  expect(data.fiscalYear).toBeNull();
  const now = new Date(data.generatedAt);
  expect(Math.abs(now.getTime() - Date.now())).toBeLessThan(60_000);

  const rows = await storedComplaints();
  expect(data.areas.complaints).toEqual(expectedComplaints(rows));
  // The same, as the records were made: 11 complaints, 4 resolved ones (3 late), 2 reopenings.
  expect(data.areas.complaints).toMatchObject({ total: 11, resolveDays: { count: 3 }, onTime: { answered: 3, withinDeadline: 1 } });
  expect(data.areas.complaints.reopened).toEqual({ cases: 2, reopens: reopenActions });
  expect(data.areas.complaints.byVillage).toEqual([
    { village: 1, count: 2 },
    { village: 2, count: 2 },
    { village: 3, count: 4 },
    { village: 4, count: 1 },
    { village: null, count: 2 },
  ]);

  expect(data.areas['e-service']).toEqual(await expectedEService());
  expect(data.areas['e-service']).toMatchObject({ total: 5, paperPagesSaved: 2 + 2 + 3 + 3 });

  expect(data.areas.satisfaction).toEqual(expectedSatisfaction());
  expect(data.areas.satisfaction.overall).toEqual({ count: 5, speed: 3, staff: 3.4, result: 3.2, overall: 3.2 });

  expect(data.areas.datasets).toEqual({
    published: 2,
    byCategory: [
      { category: 'population', count: 1 },
      { category: 'public_services', count: 1 },
    ],
    resources: 6,
    downloads: null,
  });

  expect(data.areas.tax).toEqual(expectedTax());
  expect(data.areas.tax.byYear[1]).toEqual({ year: 2569, billed: 2250.25, collected: 1100, share: 0.4888, bills: 3, paidBills: 1 });

  // Without a year, the assessment form is the current fiscal year's.
  const fy = fiscalYear(now);
  expect(data.areas['complaints-assessment']).toMatchObject(expectedAssessment(rows, fy));
  // Nothing personal or free-text leaves.
  expect(JSON.stringify(res.body)).not.toMatch(/ZZPRIVATECOMMENT|ทดสอบสถิติ|นายทดสอบ|1101700230708|อยู่นอกเขต/);
});

it('fills the complaints-assessment form by month, quarter and half of a fiscal year, with Thai labels', async () => {
  const fy = fiscalYear(new Date());
  for (const year of [fy, fy - 1]) {
    const a = (await request(app.url).get(`/api/statistics/complaints-assessment?fiscalYear=${year}`).expect(200)).body.data;
    expect(a).toMatchObject(expectedAssessment(await storedComplaints(), year));
    expect(a.byMonth[0].labelTh).toBe(`ต.ค. ${year - 1}`);
    expect(a.byQuarter[0].labelTh).toBe(`ไตรมาสที่ 1 (ต.ค.–ธ.ค. ${year - 1})`);
    expect(a.byHalf[1].labelTh).toBe(`รอบ 6 เดือนหลัง (เม.ย.–ก.ย. ${year})`);
    const sum = (k: 'total' | 'completed' | 'inProgress') => a.byMonth.reduce((n: number, m: Record<string, number>) => n + m[k], 0);
    expect([sum('total'), sum('completed'), sum('inProgress')]).toEqual([a.year.total, a.year.completed, a.year.inProgress]);
  }
  // This year's form holds every complaint but the one received 400 days ago.
  const current = (await request(app.url).get(`/api/statistics/complaints-assessment?fiscalYear=${fy}`).expect(200)).body.data;
  expect(current.year.total).toBe((await storedComplaints(fy)).length);
});

it('keeps to one fiscal year when asked', async () => {
  const fy = fiscalYear(new Date());
  const data = (await request(app.url).get(`/api/statistics?fiscalYear=${fy}`).expect(200)).body.data;
  expect(data.fiscalYear).toBe(fy);
  expect(data.areas.complaints).toEqual(expectedComplaints(await storedComplaints(fy), fy));
  expect(data.areas.complaints.byMonth).toHaveLength(12);
  expect(data.areas['e-service']).toEqual(await expectedEService(fy));
  expect(data.areas.satisfaction).toEqual(expectedSatisfaction(fy));
  expect(data.areas.tax).toEqual(expectedTax(fy));
});

it('answers one area by its name, 404 for an unknown one and 400 for a wrong fiscal year', async () => {
  const all = (await request(app.url).get('/api/statistics').expect(200)).body.data.areas;
  for (const area of ['complaints', 'e-service', 'satisfaction', 'datasets', 'tax', 'complaints-assessment']) {
    const one = await request(app.url).get(`/api/statistics/${area}`).expect(200);
    expect(one.body.data).toEqual(all[area]);
  }
  const unknown = await request(app.url).get('/api/statistics/nope').set('Accept-Language', 'en').expect(404);
  expect(unknown.body.error.details.code).toBe('unknown_area');
  expect(unknown.body.error.message).toBe('No statistics area has this name');
  for (const bad of ['abc', '99999', '1999', '2570.5']) {
    const res = await request(app.url).get(`/api/statistics?fiscalYear=${bad}`).expect(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['query', 'fiscalYear'], code: 'invalid_fiscal_year', message: 'ปีงบประมาณไม่ถูกต้อง (ใช้ปีพุทธศักราช เช่น 2570)' });
  }
  await request(app.url).get('/api/statistics/tax?fiscalYear=25x').expect(400);
});

it('documents both routes in the OpenAPI document', async () => {
  const doc = (await request(app.url).get('/api/openapi.json').expect(200)).body;
  expect(doc.paths['/statistics'].get.operationId).toBe('getStatistics');
  expect(doc.paths['/statistics/{area}'].get.operationId).toBe('getStatisticsArea');
});

it('serves the same figures as live open-data tables', async () => {
  const dataset = (await app.strapi.db.query('api::dataset.dataset').findOne({ where: { slug: 'service-statistics', publishedAt: { $notNull: true } }, populate: { resources: true } })) as {
    resources: Array<{ key: string; view: string }>;
  };
  const table = async (view: string) => {
    const key = dataset.resources.find((r) => r.view === view)!.key;
    return (await request(app.url).get(`/api/open-data/resources/${key}/data.json`).expect(200)).body as { records: Array<Record<string, string | number | null>> };
  };
  const stats = (await request(app.url).get('/api/statistics').expect(200)).body.data.areas;

  const byStatus = await table('complaints_by_status');
  expect(byStatus.records.map((r) => [r.state, Number(r.complaints)])).toEqual(stats.complaints.byStatus.map((s: { state: string; count: number }) => [s.state, s.count]));

  const assessment = await table('complaints_assessment');
  const quarters = assessment.records.filter((r) => r.period_kind === 'quarter');
  expect(quarters.map((r) => [r.period, Number(r.received), Number(r.in_progress), Number(r.completed)])).toEqual(
    stats['complaints-assessment'].byQuarter.map((q: { period: string; total: number; inProgress: number; completed: number }) => [q.period, q.total, q.inProgress, q.completed])
  );
  expect(assessment.records.filter((r) => r.period_kind === 'month')).toHaveLength(12);

  const services = await table('e_service_by_service');
  expect(services.records.map((r) => [r.service, Number(r.requests)])).toEqual(stats['e-service'].byService.map((s: { slug: string | null; count: number }) => [s.slug, s.count]));

  const ratings = await table('satisfaction_ratings');
  expect(ratings.records[0]).toMatchObject({ group: 'all', value: 'all', answers: 5 });
  expect(Number(ratings.records[0].overall)).toBe(stats.satisfaction.overall.overall);

  const villages = await table('complaints_by_village');
  expect(villages.records.map((r) => Number(r.complaints)).reduce((a, b) => a + b, 0)).toBe(stats.complaints.total);
});

it('renders /statistics and /en/statistics with the figures, never from a cache', async () => {
  const before = (await request(app.url).get('/statistics').expect(200)).text;
  expect(before).toContain('สถิติการให้บริการประชาชน');
  for (const id of ['complaints', 'e-service', 'satisfaction', 'datasets', 'tax', 'complaints-assessment']) expect(before).toContain(`id="${id}"`);
  expect(before).toContain('ไฟฟ้าสาธารณะ');
  expect(before).toMatch(/ไตรมาสที่ 1/);
  expect(before).toContain('href="/statistics"'); // the menu link
  expect(before).toContain('/api/statistics');

  // A new complaint shows at once.
  const total = (await request(app.url).get('/api/statistics/complaints').expect(200)).body.data.total as number;
  expect(before).toContain(`<dd>${total}</dd>`);
  await fileComplaint('road', 5);
  const after = (await request(app.url).get('/statistics').expect(200)).text;
  expect(after).toContain(`<dd>${total + 1}</dd>`);

  const en = (await request(app.url).get(`/en/statistics?fiscalYear=${fiscalYear(new Date())}`).expect(200)).text;
  expect(en).toContain('Public service statistics');
  expect(en).toContain('Street light');
});
