import request from 'supertest';
import { check } from '@placemarkio/check-geojson';
import { startApp, type TestApp } from '../../../../helpers/strapi';

/**
 * The app's read-only layers through the public GIS API: poles with their public fields, complaints
 * with nothing that names or places a person closer than ~100 m, and ETags that follow the data.
 */
const COMPLAINT = 'api::complaint.complaint';
const CATEGORY = 'api::complaint-category.complaint-category';
const POLE = 'api::pole.pole';

// Unique markers in every private field: none may appear anywhere in a public answer.
const MARK = {
  trackingCode: 'NOK-MAPZ9Q7',
  title: 'MARKER-TITLE-4411',
  description: 'MARKER-DESCRIPTION-4412',
  address: 'MARKER-ADDRESS-4413',
  contactName: 'MARKER-NAME-4414',
  contactPhone: '0812344415',
  contactEmail: 'marker-4416@example.com',
  platformUserId: 'MARKER-PLATFORM-4417',
};

let app: TestApp;
let poleId: number;

const features = (slug: string) => request(app.url).get(`/api/gis/layers/${slug}/features`);

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  const db = app.strapi.db;
  const road = (await db.query(CATEGORY).create({ data: { code: 'map_road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, confidential: false, active: true } })) as { id: number };
  const secret = (await db.query(CATEGORY).create({ data: { code: 'map_secret', nameTh: 'ร้องเรียนเจ้าหน้าที่', nameEn: 'About staff', deadlineDays: 15, confidential: true, active: true } })) as { id: number };
  // Straight into the table: the workflow's own rules refuse a state set from outside the inbox.
  const base = { channel: 'web', priority: 'normal', language: 'th', consent: true, receivedAt: '2026-11-05T03:00:00.000Z', state: 'in_progress' } as const;
  await db.query(COMPLAINT).create({ data: { ...base, ...MARK, lat: 14.723456, lng: 102.023456, category: road.id, confidential: false } });
  // Never on the map: a confidential complaint, and any complaint of a confidential category.
  await db.query(COMPLAINT).create({ data: { ...base, trackingCode: 'NOK-MAPCONF1', description: 'x', lat: 14.7301, lng: 102.0301, category: road.id, confidential: true } });
  await db.query(COMPLAINT).create({ data: { ...base, trackingCode: 'NOK-MAPCONF2', description: 'x', lat: 14.7402, lng: 102.0402, category: secret.id, confidential: false } });
  const pole = (await db.query(POLE).create({ data: { code: 'MAP-P01', name: 'หน้าศาลาประชาคม', village: 3, lat: 14.721, lng: 102.021, status: 'working', notes: 'MARKER-POLE-NOTE-4418' } })) as { id: number };
  poleId = pole.id;
});

afterAll(async () => {
  await app?.stop();
});

describe('the complaints layer', () => {
  it('shows category, public state and month at a rounded place, and nothing personal', async () => {
    const res = await features('complaints').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
    expect(() => check(res.text)).not.toThrow();
    expect(res.body.features).toHaveLength(1);
    const [f] = res.body.features;
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [102.023, 14.723] });
    expect(f.properties).toEqual({ category: 'ถนนชำรุด', state: 'อยู่ระหว่างดำเนินการ', month: '2026-11' });
    for (const marker of Object.values(MARK)) expect(res.text).not.toContain(marker);
    // Not the record's id either: nothing to look a case up by.
    expect(typeof f.id === 'number' || typeof f.id === 'string').toBe(true);
  });

  it('is listed with the public layers, without its private data', async () => {
    const res = await request(app.url).get('/api/gis/layers').expect(200);
    const slugs = res.body.data.map((l: { slug: string }) => l.slug);
    expect(slugs).toEqual(expect.arrayContaining(['poles', 'complaints']));
    const complaints = res.body.data.find((l: { slug: string }) => l.slug === 'complaints');
    expect(complaints).toMatchObject({ kind: 'point', featureCount: 1, editable: false });
    for (const marker of Object.values(MARK)) expect(res.text).not.toContain(marker);
  });
});

describe('the poles layer', () => {
  it("shows each pole's code, name, village and status in Thai; never its notes", async () => {
    const res = await features('poles').expect(200);
    expect(() => check(res.text)).not.toThrow();
    const pole = res.body.features.find((f: { properties: { code: string } }) => f.properties.code === 'MAP-P01');
    expect(pole.geometry).toEqual({ type: 'Point', coordinates: [102.021, 14.721] });
    expect(pole.properties).toEqual({ code: 'MAP-P01', name: 'หน้าศาลาประชาคม', village: 3, status: 'ใช้งานได้' });
    expect(res.text).not.toContain('MARKER-POLE-NOTE-4418');
  });

  it('answers 304 while nothing changed, and a new ETag once a pole changes status', async () => {
    const first = await features('poles').expect(200);
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    await features('poles').set('If-None-Match', etag).expect(304);
    // updatedAt has a millisecond resolution: make sure the write lands on a later one.
    const before = Date.now();
    while (Date.now() === before) await new Promise((r) => setImmediate(r));
    await app.strapi.db.query(POLE).update({ where: { id: poleId }, data: { status: 'under_repair' } });
    const after = await features('poles').set('If-None-Match', etag).expect(200);
    expect(after.headers.etag).not.toBe(etag);
    const pole = after.body.features.find((f: { properties: { code: string } }) => f.properties.code === 'MAP-P01');
    expect(pole.properties.status).toBe('กำลังซ่อม');
  });
});
