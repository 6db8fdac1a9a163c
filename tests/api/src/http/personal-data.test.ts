import crypto from 'crypto';
import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../helpers/strapi';
import { kind, validAnswers, type Definition } from '../../../helpers/e-form-answers';

/**
 * The personal-data probe: the demo town, plus records whose private fields (names, phones,
 * e-mails, addresses, national IDs, LINE user IDs, staff e-mails) hold unique markers, filed the
 * way citizens and staff file them. Then every public route is read as an anonymous visitor would:
 * every GET of the OpenAPI document (its path parameters filled with real codes, slugs and ids,
 * JSON and XML, with and without `populate=*`), and the website's pages followed link by link
 * (their server-side reads of the API are the same routes). No answer may hold any marker.
 */
let app: TestApp;
const tag = crypto.randomBytes(3).toString('hex').toUpperCase();
const MARK = `PDX${tag}`;

/** A valid Thai national ID whose first 12 digits are these (mod-11 check digit). */
const nationalId = (twelve: string) => {
  const sum = [...twelve].reduce((s, d, i) => s + Number(d) * (13 - i), 0);
  return twelve + String((11 - (sum % 11)) % 10);
};
const digits = (n: number) => String(parseInt(tag, 16) % 10 ** n).padStart(n, '0');

/** Every marker, as it might be written back (phones also without their dashes). */
const markers: string[] = [];
const phone = `09${digits(8)}`;
const idNumber = nationalId(`31${digits(10)}`);
const email = (who: string) => `${who}.${MARK.toLowerCase()}@example.test`;

const trackingCodes: string[] = [];

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '100000', READ_LIMIT_PER_MINUTE: '100000' });
  markers.push(MARK, phone, `${phone.slice(0, 3)}-${phone.slice(3, 6)}-${phone.slice(6)}`, idNumber);

  // A complaint from the website, with a contact.
  const complaint = await request(app.url)
    .post('/api/complaints')
    .send({ data: { category: 'road', description: 'ถนนเป็นหลุม', contact: { name: `สมชาย ${MARK}A`, phone, email: email('complaint') }, consent: true, location: { lat: 14.72, lng: 102.02 }, village: 5 } })
    .expect(201);
  trackingCodes.push(complaint.body.data.trackingCode as string);
  markers.push(email('complaint'));

  // A pole's fault report with a phone.
  const pole = await request(app.url).post('/api/poles/NOK-P02/reports').send({ data: { fault: 'no_sound', note: 'เงียบ', phone } }).expect(201);
  if (pole.body.data?.trackingCode) trackingCodes.push(pole.body.data.trackingCode as string);

  // An e-service request on every field of a demo form: names, IDs, phones, e-mails and addresses marked.
  const def = (await request(app.url).get('/api/e-forms/official-information').expect(200)).body.data as Definition;
  const answers = validAnswers(def);
  for (const f of def.fields) {
    const k = kind(f);
    if (k === 'short-text') answers[f.name] = `${MARK}B`;
    if (k === 'national-id') answers[f.name] = idNumber;
    if (k === 'phone') answers[f.name] = phone;
    if (k === 'email') answers[f.name] = email('eform');
    if (k === 'address') answers[f.name] = { ...(answers[f.name] as object), houseNumber: `${MARK}C` };
  }
  const form = await request(app.url)
    .post('/api/e-forms/official-information/submissions')
    .send({ data: { answers, contact: { name: `สมหญิง ${MARK}B`, phone, email: email('eform') }, consent: true } })
    .expect(201);
  trackingCodes.push(form.body.data.trackingCode as string);
  markers.push(email('eform'));
  // A free-form request too.
  const free = await request(app.url)
    .post('/api/e-form-submissions')
    .send({ data: { title: 'ขอรับบริการ', description: 'ขอถังขยะ', contact: { name: `มานี ${MARK}D`, phone, email: email('request') }, consent: true } })
    .expect(201);
  trackingCodes.push(free.body.data.trackingCode as string);
  markers.push(email('request'));

  // A complaint that came by LINE: the LINE user's id.
  await app.strapi.db.query('api::complaint.complaint').create({
    data: {
      trackingCode: `NK-6912-${tag.slice(0, 5).padEnd(5, 'Z')}`,
      description: 'ไฟดับ',
      channel: 'line',
      platformUserId: `U${MARK.toLowerCase()}line`,
      state: 'received',
      priority: 'normal',
      receivedAt: new Date(),
      confidential: false,
      language: 'th',
      contactName: `LINE ${MARK}E`,
    },
  });
  markers.push(`U${MARK.toLowerCase()}line`);

  // A citizen account with a profile.
  const role = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } })) as { id: number };
  await app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({ username: email('account'), email: email('account'), password: 'Citizen12345!', provider: 'local', confirmed: true, blocked: false, role: role.id });
  markers.push(email('account'));

  // A tax bill of a named owner.
  await app.strapi.db.query('api::tax-bill.tax-bill').create({
    data: {
      billKey: `pd-${tag}`,
      billNumber: `PD-2569-${digits(4)}`,
      billReference: `PD2569${digits(4)}`,
      taxYear: 2569,
      useCategory: 'residence',
      ownerName: `เจ้าของ ${MARK}F`,
      nationalId: idNumber,
      ownerAddress: `บ้านเลขที่ ${MARK}G`,
      taxAmount: 1234.5,
      status: 'issued',
      village: 5,
    },
  });

  // A staff member who writes news: their e-mail must not travel with what they wrote.
  const staff = await createAdmin(app, { email: email('staff') });
  markers.push(email('staff'));
  const admin = (await app.strapi.db.query('admin::user').findOne({ where: { email: staff.email }, select: ['id'] })) as { id: number };
  const slug = `staff-news-${tag.toLowerCase()}`;
  await app.strapi.documents('api::news.news-item').create({ data: { title: 'ข่าวจากเจ้าหน้าที่', slug, publishedDate: '2026-12-01', category: 'announcement' }, status: 'published' });
  // As the admin's editor records it: the author on the draft and the published row.
  await app.strapi.db.query('api::news.news-item').updateMany({ where: { slug }, data: { createdBy: admin.id, updatedBy: admin.id } });
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

const found = (text: string) => markers.filter((m) => text.toLowerCase().includes(m.toLowerCase()));

/** Values to fill each path parameter with, from what the town holds. */
async function parameterValues(): Promise<Record<string, string[]>> {
  const get = async (p: string) => ((await request(app.url).get(p)).body ?? {}) as Record<string, unknown>;
  const forms = ((await get('/api/e-forms')).data as Array<{ slug: string }> | undefined) ?? [];
  const surveys = ((await get('/api/surveys')).data as Array<{ slug: string }> | undefined) ?? [];
  const layers = ((await get('/api/gis/layers')).data as Array<{ slug: string }> | undefined) ?? [];
  const notices = ((await get('/api/notices')).data as Array<{ id: number }> | undefined) ?? [];
  const search = (await get('/api/3/action/package_search?rows=100')).result as { results?: Array<{ id: string; name: string; resources?: Array<{ id: string }> }> } | undefined;
  const datasets = search?.results ?? [];
  return {
    trackingCode: trackingCodes,
    service_request_id: trackingCodes,
    code: ['NOK-P01', 'NOK-P02'],
    slug: [...forms.map((f) => f.slug), ...surveys.map((s) => s.slug), ...layers.map((l) => l.slug)],
    area: ['villages', 'categories', 'all'],
    id: [...notices.map((n) => String(n.id)), ...datasets.map((d) => d.id), ...datasets.map((d) => d.name), '1'],
    resourceId: datasets.flatMap((d) => (d.resources ?? []).map((r) => r.id)),
    service_code: ['road', 'loudspeaker'],
    format: ['json', 'xml'],
  };
}

it('finds no marker in any answer of any public route, nor in any page of the website', async () => {
  const doc = (await request(app.url).get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> };
  const values = await parameterValues();
  const urls = new Set<string>();
  for (const [template, ops] of Object.entries(doc.paths)) {
    if (!ops.get) continue;
    let expanded = [template];
    for (const name of [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
      const candidates = values[name] ?? [];
      expanded = expanded.flatMap((u) => candidates.map((v) => u.replace(`{${name}}`, encodeURIComponent(v))));
    }
    for (const u of expanded) {
      const full = u.startsWith('/api') ? u : `/api${u}`;
      urls.add(full);
      urls.add(`${full}${full.includes('?') ? '&' : '?'}populate=*`);
    }
  }
  // Every route the document names is asked at least once.
  expect(urls.size).toBeGreaterThan(60);

  const leaks: string[] = [];
  let read = 0;
  for (const u of urls) {
    const res = await request(app.url).get(u).buffer(true);
    read++;
    expect(res.status).toBeLessThan(500);
    const text = `${JSON.stringify(res.headers)}\n${res.text ?? (Buffer.isBuffer(res.body) ? '' : JSON.stringify(res.body))}`;
    for (const m of found(text)) leaks.push(`${u}: ${m}`);
  }

  // The website, link by link (Thai and English), the tracking pages of every code included.
  const queue = ['/', '/en/', ...trackingCodes.map((c) => `/track?code=${c}`), ...trackingCodes.map((c) => `/en/track?code=${c}`), '/p/NOK-P02', '/tax'];
  const seen = new Set<string>();
  while (queue.length && seen.size < 250) {
    const page = queue.shift()!;
    if (seen.has(page)) continue;
    seen.add(page);
    const res = await request(app.url).get(page);
    expect(res.status).toBeLessThan(500);
    if (!/text\/html/.test(String(res.headers['content-type']))) continue;
    for (const m of found(res.text)) leaks.push(`${page}: ${m}`);
    for (const [, href] of res.text.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = href.replace(/&amp;/g, '&');
      if (!seen.has(link) && !/^\/(admin|api|uploads|assets|_)/.test(link) && !/\.(css|js|png|jpg|svg|ico|xml|txt|json)$/.test(link)) queue.push(link);
    }
  }
  expect(seen.size).toBeGreaterThan(30);
  expect(read).toBe(urls.size);
  expect(leaks).toEqual([]);
}, 300_000);
