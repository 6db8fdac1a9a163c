import request from 'supertest';
import { startApp, type TestApp } from '../../../../helpers/strapi';
import { attachAfterPhoto } from '../../../../helpers/after-photo';

/** Acts as an Open311 GeoReport v2 client against the real app, in JSON and XML. */
let app: TestApp;
const V2 = '/api/open311/v2';
const COMPLAINT = 'api::complaint.complaint';
const CATEGORY = 'api::complaint-category.complaint-category';
const DAY = 24 * 3600_000;
const CODE = /^NK-\d{4}-[2-9A-Z]{5}$/;
const at = { lat: '14.7201', long: '102.0205' };

const get = (path: string) => request(app.url).get(path);
const count = () => app.strapi.db.query(COMPLAINT).count();
const stored = (trackingCode: string) => app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode } });
const engine = () => app.strapi.plugin('complaint-workflow').service('engine');
const staff = { type: 'staff' as const, user: null };

/** Files through Open311 (JSON body) and returns the tracking code. */
async function file(fields: Record<string, unknown>) {
  const res = await request(app.url).post(`${V2}/requests.json`).send({ ...at, description: 'ถนนหน้าวัดเป็นหลุมลึก', ...fields }).expect(201);
  return res.body[0].service_request_id as string;
}

// --- A tiny XML reader: enough to check well-formedness and compare an answer with its JSON twin. ---
interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const LISTS = new Set(['services', 'service_requests', 'errors', 'attributes', 'endpoints', 'formats']);

function parseXml(xml: string): XmlNode {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/;
  if (!declaration.test(xml)) throw new Error(`no UTF-8 XML declaration: ${xml.slice(0, 60)}`);
  const body = xml.replace(declaration, '');
  const doc: XmlNode = { name: '#document', children: [], text: '' };
  const stack = [doc];
  const token = /<(\/?)([A-Za-z_][\w.-]*)\s*(\/?)>|([^<]+)/y;
  let pos = 0;
  while (pos < body.length) {
    token.lastIndex = pos;
    const m = token.exec(body);
    if (!m) throw new Error(`not well-formed at ${pos}: ${body.slice(pos, pos + 40)}`);
    pos = token.lastIndex;
    const [, close, name, selfClose, text] = m;
    if (text !== undefined) {
      if (/[>]|&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`bad character data: ${text}`);
      stack[stack.length - 1].text += text.replace(/&(\w+);/g, (_, e) => ENTITIES[e]);
    } else if (close) {
      if (selfClose) throw new Error(`bad tag </${name}/>`);
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const node: XmlNode = { name, children: [], text: '' };
      stack[stack.length - 1].children.push(node);
      if (!selfClose) stack.push(node);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (doc.children.length !== 1 || doc.text.trim()) throw new Error('a document has exactly one root element');
  return doc.children[0];
}

/** The JSON value an XML element stands for (leaves as text, null as ''). */
function xmlValue(node: XmlNode): unknown {
  if (LISTS.has(node.name)) return node.children.map(xmlValue);
  if (node.children.length) {
    if (node.text.trim()) throw new Error(`mixed content in <${node.name}>`);
    return Object.fromEntries(node.children.map((c) => [c.name, xmlValue(c)]));
  }
  return node.text;
}

/** A JSON answer with every leaf as the text XML would carry. */
const asText = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(asText);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asText(x)]));
  if (v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`not a JSON value: ${typeof v}`);
};

/** Fetches a path in both formats and checks the XML says what the JSON says, under the given root. */
async function both(pathWithoutFormat: string, root: string, query = '') {
  const json = await get(`${pathWithoutFormat}.json${query}`);
  const xml = await get(`${pathWithoutFormat}.xml${query}`);
  expect(json.status).toBe(xml.status);
  expect(json.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
  expect(xml.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
  const tree = parseXml(xml.text);
  expect(tree.name).toBe(root);
  expect(xmlValue(tree)).toEqual(asText(json.body));
  return { json, xml };
}

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000', READ_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: 'https://nokok.example/' });
  const categories = app.strapi.documents(CATEGORY);
  const base = { deadlineDays: 15, confidential: false, active: true };
  await categories.create({ data: { ...base, code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', descriptionTh: 'ถนน ทางเท้า หลุมบ่อ', descriptionEn: 'Roads, pavements, potholes', department: 'กองช่าง', sortOrder: 1 } });
  await categories.create({ data: { ...base, code: 'water', nameTh: 'น้ำประปา', nameEn: 'Tap water', department: 'กองการประปา', deadlineDays: 7, sortOrder: 2 } });
  await categories.create({ data: { ...base, code: 'noise', nameTh: 'เสียงดัง', nameEn: 'Noise', sortOrder: 3 } });
  await categories.create({ data: { ...base, code: 'corruption', nameTh: 'ทุจริต', nameEn: 'Corruption', deadlineDays: 30, confidential: true, sortOrder: 0 } });
  await categories.create({ data: { ...base, code: 'retired', nameTh: 'เลิกใช้', nameEn: 'Retired', active: false, sortOrder: 4 } });
});

afterAll(async () => {
  await app?.stop();
});

describe('discovery', () => {
  it('points at the v2 endpoint under PUBLIC_URL, in JSON and XML', async () => {
    const { json } = await both('/api/open311/discovery', 'discovery');
    expect(json.body).toMatchObject({ changeset: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), contact: expect.any(String), key_service: expect.stringContaining('api_key') });
    expect(json.body.endpoints).toEqual([
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'https://nokok.example/api/open311/v2', changeset: json.body.changeset, type: 'production', formats: ['application/json', 'text/xml'] },
    ]);
    expect(json.headers['cache-control']).toMatch(/public/);
  });
});

describe('GET services', () => {
  it('lists the active, non-confidential categories in their order, in Thai by default', async () => {
    const { json, xml } = await both(`${V2}/services`, 'services');
    expect(json.body.map((s: { service_code: string }) => s.service_code)).toEqual(['road', 'water', 'noise']);
    expect(json.body[0]).toEqual({
      service_code: 'road',
      service_name: 'ถนนชำรุด',
      description: 'ถนน ทางเท้า หลุมบ่อ',
      metadata: false,
      type: 'realtime',
      keywords: 'road, ถนนชำรุด, Damaged road',
      group: 'กองช่าง',
    });
    expect(xml.text).toContain('<service><service_code>road</service_code><service_name>ถนนชำรุด</service_name>');
    for (const text of [json.text, xml.text]) expect(text).not.toMatch(/corruption|ทุจริต|retired/);
    expect(json.headers.vary).toMatch(/Accept-Language/);
    expect(json.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(json.headers.etag).toBeTruthy();
  });

  it('speaks English with ?locale=en or Accept-Language: en', async () => {
    const byQuery = await get(`${V2}/services.json?locale=en`).expect(200);
    expect(byQuery.body[0]).toMatchObject({ service_name: 'Damaged road', description: 'Roads, pavements, potholes' });
    const byHeader = await get(`${V2}/services.xml`).set('Accept-Language', 'en-GB,en;q=0.9,th;q=0.5').expect(200);
    expect(byHeader.text).toContain('<service_name>Damaged road</service_name>');
    const thaiWins = await get(`${V2}/services.json?locale=th`).set('Accept-Language', 'en').expect(200);
    expect(thaiWins.body[0].service_name).toBe('ถนนชำรุด');
  });

  it('answers only the json and xml suffixes', async () => {
    await get(`${V2}/services.csv`).expect(404);
    await get(`${V2}/services`).expect(404);
  });
});

describe('GET service definition', () => {
  it('defines a service with no extra attributes', async () => {
    const { json, xml } = await both(`${V2}/services/road`, 'service_definition');
    expect(json.status).toBe(200);
    expect(json.body).toEqual({ service_code: 'road', attributes: [] });
    expect(xml.text).toContain('<service_definition><service_code>road</service_code><attributes/></service_definition>');
  });

  it.each(['nope', 'corruption', 'retired'])('answers %s with 404 in the spec error format', async (code) => {
    const { json, xml } = await both(`${V2}/services/${code}`, 'errors');
    expect(json.status).toBe(404);
    expect(json.body).toEqual([{ code: 404, description: 'service_code: ไม่พบประเภทเรื่องนี้', field: 'service_code', reason: 'unknown_category' }]);
    const en = await request(app.url).get(`${V2}/services/${code}.json`).set('Accept-Language', 'en');
    expect(en.body).toEqual([{ code: 404, description: 'service_code: No category has this code', field: 'service_code', reason: 'unknown_category' }]);
    expect(xml.text).toMatch(/<errors><error><code>404<\/code><description>service_code: .*<\/description><field>service_code<\/field><reason>unknown_category<\/reason><\/error><\/errors>/);
  });
});

describe('POST requests', () => {
  it('files a complaint from a JSON body, with the tracking code as service_request_id', async () => {
    const before = await count();
    const res = await request(app.url)
      .post(`${V2}/requests.json`)
      .send({ service_code: 'road', ...at, address_string: 'หน้าวัดนกออก', description: 'ถนนทรุดเป็นหลุม', first_name: 'สมหญิง', last_name: 'ใจดี', phone: '081 234 5678', email: 'Somying@Example.test', device_id: 'dev-1', account_id: 'acc-9', media_url: 'https://example.test/p.jpg', api_key: 'ignored-when-optional', jurisdiction_id: 'nokok.go.th' })
      .expect(201)
      .expect('Content-Type', /application\/json/);
    expect(res.body).toEqual([{ service_request_id: expect.stringMatching(CODE), service_notice: 'เทศบาลจะดำเนินการภายใน 15 วัน', account_id: 'acc-9' }]);
    expect(res.headers['ratelimit-limit']).toBe('1000');
    expect(await count()).toBe(before + 1);
    const c = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: res.body[0].service_request_id }, populate: ['category', 'events'] });
    expect(c).toMatchObject({
      channel: 'open311',
      state: 'received',
      description: 'ถนนทรุดเป็นหลุม',
      address: 'หน้าวัดนกออก',
      contactName: 'สมหญิง ใจดี',
      contactPhone: '0812345678',
      contactEmail: 'somying@example.test',
      consent: true,
      confidential: false,
      category: { code: 'road' },
    });
    expect(Number(c.lat)).toBeCloseTo(14.7201, 5);
    expect(Number(c.lng)).toBeCloseTo(102.0205, 5);
    expect(c.events.map((e: { kind: string }) => e.kind)).toEqual(['created']);
  });

  it('files a form-encoded request (the spec’s own encoding) and answers XML', async () => {
    const res = await request(app.url)
      .post(`${V2}/requests.xml?locale=en`)
      .type('form')
      .send({ service_code: 'water', address_string: 'ตลาดสด หมู่ 3', description: 'ท่อประปาแตก น้ำไหลทั้งคืน' })
      .expect(201)
      .expect('Content-Type', /text\/xml/);
    const tree = parseXml(res.text);
    expect(tree.name).toBe('service_requests');
    const [answer] = xmlValue(tree) as Array<Record<string, string>>;
    expect(answer).toEqual({ service_request_id: expect.stringMatching(CODE), service_notice: 'The municipality aims to act on this within 7 days.', account_id: '' });
    const c = await stored(answer.service_request_id);
    expect(c).toMatchObject({ channel: 'open311', address: 'ตลาดสด หมู่ 3', lat: null, contactName: null, consent: false });
  });

  const bad: Array<[string, Record<string, unknown>, number, string, string]> = [
    ['a missing service_code', { description: 'x', ...at }, 400, 'service_code', 'required'],
    ['an unknown service_code', { service_code: 'nope', description: 'x', ...at }, 404, 'service_code', 'unknown_category'],
    ['a confidential service_code', { service_code: 'corruption', description: 'มีการเรียกรับเงิน', ...at }, 404, 'service_code', 'unknown_category'],
    ['an inactive service_code', { service_code: 'retired', description: 'x', ...at }, 404, 'service_code', 'unknown_category'],
    ['a point outside Thailand', { service_code: 'road', description: 'x', lat: '48.85', long: '2.35' }, 400, 'lat/long', 'out_of_area'],
    ['lat without long', { service_code: 'road', description: 'x', lat: '14.72' }, 400, 'long', 'location_incomplete'],
    ['no location at all', { service_code: 'road', description: 'x' }, 400, 'lat/long', 'location_required'],
    ['a missing description', { service_code: 'road', ...at }, 400, 'description', 'required'],
    ['a bad phone', { service_code: 'road', description: 'x', ...at, phone: 'call me' }, 400, 'phone', 'invalid_phone'],
    ['a bad e-mail', { service_code: 'road', description: 'x', ...at, email: 'nope' }, 400, 'email', 'invalid_format'],
  ];
  it.each(bad)('answers %s with the spec error array naming the field, storing nothing', async (_label, form, status, field, reason) => {
    const before = await count();
    const json = await request(app.url).post(`${V2}/requests.json`).type('form').send(form);
    expect(json.status).toBe(status);
    // One language (Thai by default): the field, then the reason in words; and the stable reason code.
    expect(json.body).toEqual(expect.arrayContaining([{ code: status, description: expect.stringMatching(new RegExp(`^${field}: [\\u0E00-\\u0E7F]`)), field, reason }]));
    expect(JSON.stringify(json.body)).not.toContain(' / ');
    const xml = await request(app.url).post(`${V2}/requests.xml`).type('form').send(form);
    expect(xml.status).toBe(status);
    const tree = parseXml(xml.text);
    expect(tree.name).toBe('errors');
    expect(xmlValue(tree)).toEqual(asText(json.body));
    expect(await count()).toBe(before);
  });

  it('reports every problem at once', async () => {
    const res = await request(app.url).post(`${V2}/requests.json`).send({ lat: '1', long: '1' }).expect(400);
    expect(res.body.map((e: { field: string }) => e.field).sort()).toEqual(['description', 'lat/long', 'service_code']);
  });
});

describe('GET requests', () => {
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    codes.open = await file({ service_code: 'road', description: 'ไฟถนนดับ เปิดอยู่' });
    codes.water = await file({ service_code: 'water', description: 'น้ำไม่ไหล' });
    codes.closed = await file({ service_code: 'road', description: 'ถนนซ่อมแล้ว' });
    const id = (await stored(codes.closed)).id;
    await engine().transition('complaint', id, 'accept', staff);
    await engine().reply('complaint', id, staff, 'ช่างเข้าซ่อมแล้ว');
    await attachAfterPhoto(app, id);
    await engine().transition('complaint', id, 'resolve', staff, { reason: 'ปะหลุมเรียบร้อย' });
    codes.old = await file({ service_code: 'road', description: 'เรื่องเก่า 100 วัน' });
    await app.strapi.db.query(COMPLAINT).update({ where: { trackingCode: codes.old }, data: { receivedAt: new Date(Date.now() - 100 * DAY) } });
  });

  const ids = (body: Array<{ service_request_id: string }>) => body.map((r) => r.service_request_id);

  it('lists the last 90 days, newest first, with the spec fields, in JSON and XML', async () => {
    const { json } = await both(`${V2}/requests`, 'service_requests');
    expect(json.status).toBe(200);
    expect(ids(json.body)).toEqual(expect.arrayContaining([codes.open, codes.water, codes.closed]));
    expect(ids(json.body)).not.toContain(codes.old);
    const times = json.body.map((r: { requested_datetime: string }) => Date.parse(r.requested_datetime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const closed = json.body.find((r: { service_request_id: string }) => r.service_request_id === codes.closed);
    expect(Object.keys(closed)).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'lat',
      'long',
      'media_url',
    ]);
    expect(closed).toMatchObject({
      status: 'closed',
      // Why it closed (the resolve's reason), not the older reply.
      status_notes: 'ปะหลุมเรียบร้อย',
      service_name: 'ถนนชำรุด',
      service_code: 'road',
      agency_responsible: 'กองช่าง',
      lat: 14.72,
      long: 102.021,
      media_url: null,
    });
    expect(closed.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Date.parse(closed.expected_datetime) - Date.parse(closed.requested_datetime)).toBeGreaterThan(14 * DAY);
    expect(Date.parse(closed.updated_datetime)).toBeGreaterThanOrEqual(Date.parse(closed.requested_datetime));
    expect(json.body.find((r: { service_request_id: string }) => r.service_request_id === codes.open)).toMatchObject({ status: 'open', status_notes: null });
  });

  it('filters by service_code, status and service_request_id', async () => {
    const water = await get(`${V2}/requests.json?service_code=water`).expect(200);
    expect(water.body.length).toBeGreaterThan(0);
    expect(water.body.every((r: { service_code: string }) => r.service_code === 'water')).toBe(true);
    expect(ids(water.body)).toContain(codes.water);

    const closed = await get(`${V2}/requests.json?status=closed`).expect(200);
    expect(ids(closed.body)).toEqual([codes.closed]);
    const open = await get(`${V2}/requests.json?status=open&service_code=road,water`).expect(200);
    expect(ids(open.body)).toEqual(expect.arrayContaining([codes.open, codes.water]));
    expect(ids(open.body)).not.toContain(codes.closed);

    // service_request_id overrides the other filters, the 90-day window included.
    const picked = await get(`${V2}/requests.json?service_request_id=${codes.water},${codes.old.toLowerCase()},NK-0000-ZZZZZ&service_code=road`).expect(200);
    expect(ids(picked.body).sort()).toEqual([codes.water, codes.old].sort());
    const pickedXml = await get(`${V2}/requests.xml?service_request_id=${codes.water}`).expect(200);
    expect((xmlValue(parseXml(pickedXml.text)) as Array<{ service_request_id: string }>).map((r) => r.service_request_id)).toEqual([codes.water]);
  });

  it('takes at most 50 service_request_id values a request', async () => {
    const many = (n: number) => [codes.water, ...Array.from({ length: n - 1 }, (_, i) => `NK-0000-${String(i).padStart(5, 'Z')}`)].join(',');
    expect(ids((await get(`${V2}/requests.json?service_request_id=${many(50)}`).expect(200)).body)).toEqual([codes.water]);
    const refused = await get(`${V2}/requests.json?service_request_id=${many(51)}&locale=en`).expect(400);
    expect(refused.body).toEqual([{ code: 400, field: 'service_request_id', reason: 'too_many_ids', description: expect.stringContaining('At most 50 service_request_id values a request') }]);
  });

  it('filters by start_date and end_date', async () => {
    const received = (await stored(codes.old)).receivedAt;
    const t = new Date(received).getTime();
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const around = await get(`${V2}/requests.json`).query({ start_date: iso(t - DAY), end_date: iso(t + DAY) }).expect(200);
    expect(ids(around.body)).toEqual([codes.old]);
    const onlyStart = await get(`${V2}/requests.json`).query({ start_date: iso(t - DAY) }).expect(200);
    expect(ids(onlyStart.body)).toEqual([codes.old]);
    const before = await get(`${V2}/requests.json`).query({ start_date: iso(t - 10 * DAY), end_date: iso(t - DAY) }).expect(200);
    expect(before.body).toEqual([]);
    const empty = await get(`${V2}/requests.xml`).query({ start_date: iso(t - 10 * DAY), end_date: iso(t - DAY) }).expect(200);
    expect(parseXml(empty.text)).toEqual({ name: 'service_requests', children: [], text: '' });
  });

  it.each([
    ['start_date=yesterday', 'start_date'],
    ['start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', 'end_date'],
    ['status=pending', 'status'],
  ])('answers ?%s with 400 naming %s', async (query, field) => {
    const { json } = await both(`${V2}/requests`, 'errors', `?${query}`);
    expect(json.status).toBe(400);
    expect(json.body[0]).toEqual({ code: 400, description: expect.stringMatching(new RegExp(`^${field}: `)), field, reason: expect.any(String) });
  });

  it("reads the query as the spec's optional parameters: empty is absent, a repeated one counts once, an unknown locale falls back", async () => {
    await get(`${V2}/requests.json?start_date=&end_date=`).expect(200);
    await get(`${V2}/requests.json?status=open&status=closed`).expect(200);
    const fr = await get(`${V2}/services.json?locale=fr`).set('Accept-Language', 'en').expect(200);
    expect(fr.body[0].service_name).toMatch(/^[A-Za-z]/);
  });

  it('gives the list an ETag and answers a revalidation with 304', async () => {
    const first = await get(`${V2}/requests.json?status=closed`).expect(200);
    expect(first.headers['cache-control']).toMatch(/public/);
    await get(`${V2}/requests.json?status=closed`).set('If-None-Match', first.headers.etag).expect(304);
  });

  it('shows one request as an array of one, case-insensitively, and 404 otherwise', async () => {
    const { json } = await both(`${V2}/requests/${codes.closed}`, 'service_requests');
    expect(json.body).toHaveLength(1);
    expect(json.body[0]).toMatchObject({ service_request_id: codes.closed, status: 'closed' });
    const en = await get(`${V2}/requests/${codes.closed.toLowerCase()}.json`).set('Accept-Language', 'en').expect(200);
    expect(en.body[0]).toMatchObject({ service_request_id: codes.closed, service_name: 'Damaged road' });
    for (const id of ['NK-0000-ZZZZZ', 'not-a-code']) {
      const missing = await both(`${V2}/requests/${id}`, 'errors');
      expect(missing.json.status).toBe(404);
      expect(missing.json.body).toEqual([{ code: 404, description: expect.stringMatching(/^service_request_id: /), field: 'service_request_id', reason: 'not_found' }]);
    }
  });
});

describe('status_notes', () => {
  it('says in status_notes why a closed request closed: the latest closing reason, unless the town replied after it', async () => {
    const notes = async (code: string) => ((await get(`${V2}/requests/${code}.json`).expect(200)).body as Array<{ status: string; status_notes: string | null }>)[0];
    // Resolved with a reason, then closed without one: the resolve's reason stands.
    const resolved = await file({ service_code: 'road', description: 'ท่อแตก' });
    const r = (await stored(resolved)).id;
    await engine().transition('complaint', r, 'accept', staff);
    await engine().reply('complaint', r, staff, 'รับเรื่องแล้ว จะส่งช่างไปดู');
    await attachAfterPhoto(app, r);
    await engine().transition('complaint', r, 'resolve', staff, { reason: 'เปลี่ยนท่อใหม่แล้ว' });
    await engine().transition('complaint', r, 'close', staff);
    expect(await notes(resolved)).toEqual(expect.objectContaining({ status: 'closed', status_notes: 'เปลี่ยนท่อใหม่แล้ว' }));
    // Reopened by the citizen (their own words stay out), then rejected: the rejection's reason.
    await engine().transition('complaint', r, 'reopen', { type: 'citizen' }, { reason: 'ยังรั่วอยู่ หน้าบ้านนายสมชาย' });
    expect(await notes(resolved)).toEqual(expect.objectContaining({ status: 'open', status_notes: 'รับเรื่องแล้ว จะส่งช่างไปดู' }));
    await engine().transition('complaint', r, 'reject', staff, { reason: 'เป็นท่อของการประปาส่วนภูมิภาค' });
    expect(await notes(resolved)).toEqual(expect.objectContaining({ status: 'closed', status_notes: 'เป็นท่อของการประปาส่วนภูมิภาค' }));
    // A reply after the closing is the town's latest word.
    await engine().reply('complaint', r, staff, 'แจ้ง กปภ. ให้แล้ว');
    expect(await notes(resolved)).toEqual(expect.objectContaining({ status: 'closed', status_notes: 'แจ้ง กปภ. ให้แล้ว' }));
  });
});

describe('confidentiality and personal data', () => {
  it('never shows a confidential complaint, nor one whose category became confidential', async () => {
    const secret = await request(app.url)
      .post('/api/complaints')
      .send({ data: { category: 'corruption', description: 'ZZSECRETMARKER เรียกรับเงิน', location: { lat: 14.72, lng: 102.02 } } })
      .expect(201);
    const secretCode = secret.body.data.trackingCode;
    const noisy = await file({ service_code: 'noise', description: 'ZZNOISEMARKER ลำโพงดัง' });
    await get(`${V2}/requests/${noisy}.json`).expect(200);

    await app.strapi.db.query(CATEGORY).update({ where: { code: 'noise' }, data: { confidential: true } });
    try {
      for (const code of [secretCode, noisy]) {
        await get(`${V2}/requests/${code}.json`).expect(404);
        await get(`${V2}/requests/${code}.xml`).expect(404);
      }
      const answers = [
        (await get(`${V2}/requests.json`)).text,
        (await get(`${V2}/requests.xml`)).text,
        (await get(`${V2}/requests.json?service_request_id=${secretCode},${noisy}`)).text,
        (await get(`${V2}/requests.json?service_code=corruption,noise`)).text,
        (await get(`${V2}/services.json`)).text,
        (await get(`${V2}/services.xml`)).text,
      ];
      for (const text of answers) for (const marker of [secretCode, noisy, 'ZZSECRETMARKER', 'ZZNOISEMARKER', 'corruption', 'เสียงดัง']) expect(text).not.toContain(marker);
      await get(`${V2}/services/noise.json`).expect(404);
    } finally {
      await app.strapi.db.query(CATEGORY).update({ where: { code: 'noise' }, data: { confidential: false } });
    }
  });

  it('keeps contact details, notes and assignees out of every public Open311 answer', async () => {
    const markers = { first_name: 'ZZFIRSTMARKER', last_name: 'ZZLASTMARKER', phone: '0819998877', email: 'zzmarker311@example.test' };
    const code = await file({ service_code: 'road', description: 'ทางเท้าแตก หน้าบ้าน ZZDESCMARKER', address_string: 'ZZADDRMARKER', ...markers });
    const c = await stored(code);
    expect(c).toMatchObject({ contactName: 'ZZFIRSTMARKER ZZLASTMARKER', contactPhone: markers.phone, contactEmail: markers.email });
    await engine().note('complaint', c.id, staff, 'ZZINTERNALNOTE ใช้งบซ่อมบำรุง');
    await engine().reply('complaint', c.id, staff, 'รับทราบ จะซ่อมภายในสัปดาห์นี้');

    const texts: string[] = [];
    for (const path of [
      '/api/open311/discovery',
      `${V2}/services`,
      `${V2}/services/road`,
      `${V2}/requests`,
      `${V2}/requests/${code}`,
    ]) {
      for (const query of ['', '?locale=en', `?service_request_id=${code}`, '?status=open&service_code=road']) {
        for (const format of ['json', 'xml']) {
          const res = await get(`${path}.${format}${query}`);
          expect(res.status).toBe(200);
          texts.push(res.text);
        }
      }
    }
    expect(texts.some((t) => t.includes(code) && t.includes('รับทราบ จะซ่อมภายในสัปดาห์นี้'))).toBe(true);
    for (const text of texts) {
      for (const marker of [...Object.values(markers), 'ZZINTERNALNOTE', 'ZZDESCMARKER', 'ZZADDRMARKER', 'contactName', 'contactPhone', 'contactEmail', 'consent', 'assignee', 'platformUserId', 'documentId']) expect(text).not.toContain(marker);
    }
  });
});

describe('OpenAPI', () => {
  it('describes the Open311 routes', async () => {
    const doc = (await get('/api/openapi.json').expect(200)).body;
    expect(Object.keys(doc.paths['/open311/v2/requests.{format}']).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/open311/v2/requests.{format}'].post.requestBody.content['application/x-www-form-urlencoded'].schema.required).toEqual(['service_code', 'description']);
  });
});
