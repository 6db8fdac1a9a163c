import { toXmlDocument, escapeXml } from '../../../../../src/api/open311/domain/xml';
import {
  discoveryDocument,
  pickLanguage,
  toOpen311Request,
  toOpen311Service,
  toServiceDefinition,
  w3cDate,
  type ComplaintLike,
} from '../../../../../src/api/open311/domain/georeport';
import { flattenForm, open311Field, open311RequestInput, requestsQuery, toFilter } from '../../../../../src/api/open311/domain/input';
import { check } from '../../../../../src/shared/field-rules';

const road = { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', descriptionTh: 'หลุมบ่อ', descriptionEn: 'Potholes', department: 'กองช่าง', deadlineDays: 15 };

describe('XML of GeoReport answers', () => {
  it('maps lists to plural and singular elements, null to an empty element, and escapes text', () => {
    const xml = toXmlDocument('service_requests', [{ service_request_id: 'NK-1', account_id: null, description: 'a < b & "c"' }]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<service_requests><request><service_request_id>NK-1</service_request_id><account_id/><description>a &lt; b &amp; &quot;c&quot;</description></request></service_requests>\n'
    );
    expect(toXmlDocument('services', [])).toContain('<services/>');
    expect(toXmlDocument('service_definition', { service_code: 'road', attributes: [] })).toContain('<service_definition><service_code>road</service_code><attributes/></service_definition>');
    expect(toXmlDocument('discovery', { endpoints: [{ formats: ['application/json', 'text/xml'] }] })).toContain(
      '<endpoints><endpoint><formats><format>application/json</format><format>text/xml</format></formats></endpoint></endpoints>'
    );
  });

  it('drops characters XML cannot carry and refuses lists or names it does not know', () => {
    expect(escapeXml('ok\u0000\u0008\uFFFE\uD800 ไทย 😀\n')).toBe('ok ไทย 😀\n');
    expect(() => toXmlDocument('things', [1])).toThrow(/No item element/);
    expect(() => toXmlDocument('x', { 'bad name': 1 })).toThrow(/Not an XML element name/);
  });
});

describe('language', () => {
  it.each([
    [undefined, undefined, 'th'],
    ['en', 'th', 'en'],
    ['th', 'en', 'th'],
    ['fr', 'en-US,en;q=0.9', 'en'],
    [undefined, 'th-TH,th;q=0.9,en;q=0.8', 'th'],
    [undefined, 'fr;q=1, en;q=0.5, th;q=0.3', 'en'],
    [undefined, 'en;q=0, th;q=0.1', 'th'],
    [undefined, 'de', 'th'],
  ])('locale %p with Accept-Language %p gives %p', (locale, header, lang) => {
    expect(pickLanguage(locale, header)).toBe(lang);
  });
});

describe('services', () => {
  it('builds a service in Thai or English, with the department as group', () => {
    expect(toOpen311Service(road, 'th')).toEqual({
      service_code: 'road',
      service_name: 'ถนนชำรุด',
      description: 'หลุมบ่อ',
      metadata: false,
      type: 'realtime',
      keywords: 'road, ถนนชำรุด, Damaged road',
      group: 'กองช่าง',
    });
    expect(toOpen311Service(road, 'en')).toMatchObject({ service_name: 'Damaged road', description: 'Potholes' });
    expect(toOpen311Service({ ...road, descriptionEn: null, department: null }, 'en')).toMatchObject({ description: 'หลุมบ่อ', group: null });
    expect(toServiceDefinition(road)).toEqual({ service_code: 'road', attributes: [] });
  });

  it('points discovery at the v2 endpoint', () => {
    const d = discoveryDocument('https://nokok.example', 'contact', 'en');
    expect(d.key_service).toMatch(/^Ask the municipality/);
    expect(discoveryDocument('https://nokok.example', 'contact', 'th').key_service).toMatch(/^ขอ api_key/);
    expect(d.endpoints).toEqual([
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'https://nokok.example/api/open311/v2', changeset: d.changeset, type: 'production', formats: ['application/json', 'text/xml'] },
    ]);
  });
});

describe('toOpen311Request', () => {
  const full = {
    id: 7,
    documentId: 'doc7',
    trackingCode: 'NK-6911-7KQ3M',
    state: 'in_progress',
    title: 'หลุม',
    description: 'ถนนเป็นหลุม',
    address: 'หน้าวัด',
    lat: '14.7201',
    lng: 102.0205,
    village: 5,
    channel: 'line',
    priority: 'high',
    receivedAt: '2026-11-01T02:00:00.123Z',
    createdAt: '2026-11-01T02:00:00.500Z',
    updatedAt: '2026-11-02T03:00:00.000Z',
    dueAt: '2026-11-16T02:00:00.123Z',
    confidential: false,
    consent: true,
    contactName: 'ZZNAME',
    contactPhone: '0812345678',
    contactEmail: 'zz@example.test',
    platformUserId: 'Uzzz',
    assignee: { id: 3, email: 'officer@nokok.test' },
    category: { ...road, id: 1, confidential: false, defaultAssignee: { email: 'boss@nokok.test' } },
    events: [
      { id: 1, kind: 'created', isPublic: true, at: '2026-11-01T02:00:00.200Z' },
      { id: 2, kind: 'public_reply', message: 'ช่างจะเข้าซ่อม', isPublic: true, at: '2026-11-02T01:00:00Z' },
      { id: 3, kind: 'public_reply', message: 'ซ่อมวันพรุ่งนี้', isPublic: true, at: '2026-11-03T01:00:00Z' },
      { id: 4, kind: 'internal_note', message: 'ZZNOTE', isPublic: false, at: '2026-11-04T01:00:00Z' },
      { id: 5, kind: 'transition', message: 'เริ่มงาน', isPublic: true, at: '2026-11-03T05:00:00Z' },
    ],
  };

  it('answers exactly the spec fields, from an allow-list', () => {
    const r = toOpen311Request(full as unknown as ComplaintLike, 'th');
    expect(r).toEqual({
      service_request_id: 'NK-6911-7KQ3M',
      status: 'open',
      status_notes: 'ซ่อมวันพรุ่งนี้',
      service_name: 'ถนนชำรุด',
      service_code: 'road',
      agency_responsible: 'กองช่าง',
      service_notice: 'เทศบาลจะดำเนินการภายใน 15 วัน',
      requested_datetime: '2026-11-01T02:00:00Z',
      updated_datetime: '2026-11-03T05:00:00Z',
      expected_datetime: '2026-11-16T02:00:00Z',
      lat: 14.72,
      long: 102.021,
      media_url: null,
    });
    const text = JSON.stringify(r);
    for (const secret of ['ZZNAME', '0812345678', 'zz@example.test', 'Uzzz', 'officer@', 'boss@', 'ZZNOTE', 'doc7']) expect(text).not.toContain(secret);
  });

  it('maps every staff state to open or closed, and speaks English on request', () => {
    expect(toOpen311Request({ ...full, state: 'resolved' } as unknown as ComplaintLike, 'en')).toMatchObject({
      status: 'closed',
      service_name: 'Damaged road',
      service_notice: 'The municipality aims to act on this within 15 days.',
    });
    for (const state of ['rejected', 'referred', 'duplicate', 'closed']) expect(toOpen311Request({ ...full, state } as unknown as ComplaintLike, 'th').status).toBe('closed');
    for (const state of ['received', 'accepted', 'reopened']) expect(toOpen311Request({ ...full, state } as unknown as ComplaintLike, 'th').status).toBe('open');
  });

  it('copes with a bare record', () => {
    const r = toOpen311Request({ trackingCode: 'NK-6911-AAAAA', state: 'received', receivedAt: '2026-11-01T00:00:00Z' }, 'th');
    expect(r).toMatchObject({ status_notes: null, service_code: null, lat: null, long: null, updated_datetime: '2026-11-01T00:00:00Z', expected_datetime: null });
    expect(w3cDate('not a date')).toBeNull();
  });
});

describe('POST request input', () => {
  const form = { service_code: 'road', lat: '14.72', long: '102.02', description: ' ถนนพัง ', api_key: 'k', device_id: 'd', media_url: 'http://x', jurisdiction_id: 'nokok.go.th' };
  const parse = (f: unknown) => check(open311RequestInput, flattenForm(f));
  /** Each refusal as the client's field and a stable code. */
  const errorsOf = (f: unknown) => (parse(f).issues ?? []).map((i) => `${open311Field(i.path)}:${i.code}`);

  it('maps spec fields onto the complaint input, through the complaint schema', () => {
    const r = parse({ ...form, first_name: 'สมชาย', last_name: 'ใจดี', phone: '081-234-5678', email: 'A@Example.test', account_id: '42', address_string: 'หน้าวัด' });
    expect(r.data).toEqual({
      accountId: '42',
      complaint: {
        category: 'road',
        description: 'ถนนพัง',
        location: { lat: 14.72, lng: 102.02 },
        address: 'หน้าวัด',
        contact: { name: 'สมชาย ใจดี', phone: '0812345678', email: 'a@example.test' },
        consent: true,
      },
    });
  });

  it('gives no contact and no consent when none is sent, treats empty fields as absent, and takes the first of a repeated field', () => {
    const r = parse({ ...form, email: '', first_name: '  ', lat: '', long: '', address_string: ['ตลาด', 'วัด'] });
    expect(r.data?.complaint).toEqual({ category: 'road', description: 'ถนนพัง', address: 'ตลาด' });
  });

  it('names the Open311 field and a stable code for each problem', () => {
    expect(errorsOf({ ...form, service_code: '' })).toEqual(['service_code:required']);
    expect(errorsOf({ ...form, description: undefined })).toEqual(['description:required']);
    expect(errorsOf({ ...form, lat: '48.85', long: '2.35' })).toEqual(['lat/long:out_of_area']);
    expect(errorsOf({ ...form, lat: 'north', long: '2' })).toEqual(['lat:invalid_type']);
    expect(errorsOf({ ...form, long: undefined })).toEqual(['long:location_incomplete']);
    expect(errorsOf({ service_code: 'road', description: 'x' })).toEqual(['lat/long:location_required']);
    expect(errorsOf({ ...form, phone: 'call me' })).toEqual(['phone:invalid_phone']);
    expect(errorsOf({ ...form, email: 'nope' })).toEqual(['email:invalid_format']);
    expect(errorsOf({ ...form, first_name: 'ก'.repeat(150) })).toEqual(['first_name:too_long']);
    expect(errorsOf({ ...form, first_name: 'ก'.repeat(100), last_name: 'ข'.repeat(100) })).toEqual(['first_name/last_name:too_long']);
    expect(errorsOf({ ...form, description: { x: 1 } })).toEqual(['description:invalid_type']);
    expect(errorsOf('not a form')).toEqual(['service_code:required', 'description:required', 'lat/long:location_required']);
    // Every problem at once: the fields' own and the location rule.
    expect(errorsOf({ lat: '1', long: '1' }).sort()).toEqual(['description:required', 'lat/long:out_of_area', 'service_code:required']);
  });
});

describe('GET requests query', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const DAY = 24 * 3600_000;
  const filterOf = (q: unknown) => {
    const r = check(requestsQuery, q);
    if (!r.data) throw new Error(JSON.stringify(r.issues));
    return toFilter(r.data, now);
  };

  it('defaults to the last 90 days', () => {
    expect(filterOf({})).toEqual({ start: new Date(now.getTime() - 90 * DAY), end: now });
  });

  it('reads comma lists and dates, and lets service_request_id override the rest', () => {
    expect(filterOf({ service_code: 'road, water', status: 'open,closed', start_date: '2026-11-01T00:00:00+07:00', end_date: '2026-11-20' })).toEqual({
      serviceCodes: ['road', 'water'],
      statuses: ['open', 'closed'],
      start: new Date('2026-10-31T17:00:00Z'),
      end: new Date('2026-11-20T00:00:00Z'),
    });
    expect(filterOf({ start_date: '2026-01-01T00:00:00Z' }).end).toEqual(new Date(Date.parse('2026-01-01T00:00:00Z') + 90 * DAY));
    expect(filterOf({ service_request_id: 'nk-6911-aaaaa,NK-6911-BBBBB', service_code: 'road' })).toMatchObject({ ids: ['NK-6911-AAAAA', 'NK-6911-BBBBB'] });
    expect(filterOf({ service_request_id: 'NK-1', service_code: 'road' }).serviceCodes).toBeUndefined();
  });

  it.each([
    [{ start_date: 'yesterday' }, 'start_date:invalid_date'],
    [{ end_date: '2026-13-45T00:00:00Z' }, 'end_date:invalid_date'],
    [{ start_date: '2026-11-20T00:00:00Z', end_date: '2026-11-01T00:00:00Z' }, 'start_date:start_after_end'],
    [{ start_date: '2026-01-01T00:00:00Z', end_date: '2026-11-01T00:00:00Z' }, 'end_date:range_too_long'],
    [{ status: 'pending' }, 'status:invalid_choice'],
    [{ status: { a: 'b' } }, 'status:invalid_type'],
  ])('refuses %p as %s', (query, expected) => {
    expect((check(requestsQuery, query).issues ?? []).map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([expected]);
  });
});
