import fs from 'fs';
import path from 'path';
import request from 'supertest';
import sharp from 'sharp';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';

/**
 * The end of retention (COMPLAINT_RETENTION_DAYS): a complaint finished longer ago loses its photos
 * and its citizen's personal data, once, with one history event by the system; the case stays.
 */
let app: TestApp;
let staff: string;
const COMPLAINT = 'api::complaint.complaint';
const EVENT = 'api::complaint-event.complaint-event';
const PHOTO = 'api::complaint-photo.complaint-photo';
const DAY = 24 * 3600_000;
const photoFile = (key: string, ext = '.jpg') => path.join(process.env.PRIVATE_FILES_DIR!, 'complaint-photos', `${key}${ext}`);
const service = () => app.strapi.service(COMPLAINT) as unknown as { eraseExpiredPersonalData: (days?: number, now?: Date) => Promise<number> };

interface Stored {
  id: number;
  trackingCode: string;
  state: string;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  platformUserId: string | null;
  address: string | null;
  description: string;
  lat: number | null;
  village: number | null;
  category: { code: string } | null;
  photos: Array<{ id: number; key: string }>;
}

const read = (id: number) => app.strapi.db.query(COMPLAINT).findOne({ where: { id }, populate: ['photos', 'category'] }) as Promise<Stored>;
const eventsOf = (id: number) => app.strapi.db.query(EVENT).findMany({ where: { complaint: { id } }, orderBy: [{ id: 'asc' }] }) as Promise<Array<{ kind: string; actorType: string; isPublic: boolean }>>;

/** A complaint with contact details and two photos, as a citizen files it. */
async function file(): Promise<Stored> {
  let upload = request(app.url).post('/api/complaints/photos');
  for (let i = 0; i < 2; i++) upload = upload.attach('files', await sharp({ create: { width: 640, height: 480, channels: 3, background: '#777' } }).jpeg().toBuffer(), `p${i}.jpg`);
  const photos = (await upload.expect(201)).body.data as Array<{ id: number; token: string }>;
  const res = await request(app.url)
    .post('/api/complaints')
    .send({
      data: {
        category: 'road',
        description: 'ถนนหน้าวัดเป็นหลุมลึก',
        address: 'บ้านเลขที่ 12 หมู่ 5',
        village: 5,
        location: { lat: 14.72, lng: 102.02 },
        contact: { name: 'สมชาย ใจดี', phone: '0812345678', email: 'somchai@example.test' },
        consent: true,
        photos,
      },
    })
    .expect(201);
  const c = (await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: res.body.data.trackingCode } })) as { id: number };
  await app.strapi.db.query(COMPLAINT).update({ where: { id: c.id }, data: { platformUserId: 'U-chat-user' } });
  return read(c.id);
}

/** Puts a case in a state finished `daysAgo` (the engine's own fields, set directly: the test's clock). */
async function finish(id: number, state: string, daysAgo: number | null, resolved = true) {
  const at = daysAgo === null ? new Date() : new Date(Date.now() - daysAgo * DAY);
  await app.strapi.db.query(COMPLAINT).update({ where: { id }, data: { state, resolvedAt: resolved ? at : null } });
  // update() stamps updatedAt with now; updateMany() with one record's data keeps the value given.
  if (!resolved) await app.strapi.db.query(COMPLAINT).updateMany({ where: { id }, data: { updatedAt: at } });
}

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  await app.strapi.db.query('api::complaint-category.complaint-category').create({
    data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, confidential: false, active: true },
  });
  staff = (await createAdmin(app)).token;
});

afterAll(async () => {
  await app?.stop();
});

describe('the retention sweep', () => {
  it('erases the photos and personal data of a case closed longer ago than the retention, once, and keeps the case', async () => {
    const old = await file();
    const recent = await file();
    const rejected = await file();
    const stillOpen = await file();
    await finish(old.id, 'closed', 800);
    await finish(recent.id, 'closed', 100);
    // Rejected cases are never resolved: measured from their last change.
    await finish(rejected.id, 'rejected', 731, false);
    // Old, but being worked on again.
    await finish(stillOpen.id, 'reopened', 900);
    const photoOf = old.photos[0];
    for (const p of old.photos) expect(fs.existsSync(photoFile(p.key))).toBe(true);
    await request(app.url).get(`/complaint-workflow/cases/${old.id}/photos/${photoOf.id}?type=complaint`).set('Authorization', `Bearer ${staff}`).expect(200);
    const eventsBefore = (await eventsOf(old.id)).length;

    expect(await service().eraseExpiredPersonalData(730)).toBe(2);

    const erased = await read(old.id);
    expect(erased).toMatchObject({ contactName: null, contactPhone: null, contactEmail: null, platformUserId: null, address: null, photos: [] });
    // The case stays for the statistics: its state, category, text, place and village.
    expect(erased).toMatchObject({ trackingCode: old.trackingCode, state: 'closed', description: old.description, village: 5, category: { code: 'road' } });
    expect(Number(erased.lat)).toBeCloseTo(14.72, 5);
    for (const p of old.photos) {
      expect(await app.strapi.db.query(PHOTO).findOne({ where: { id: p.id } })).toBeNull();
      expect(fs.existsSync(photoFile(p.key))).toBe(false);
      expect(fs.existsSync(photoFile(p.key, '.thumb.jpg'))).toBe(false);
    }
    await request(app.url).get(`/complaint-workflow/cases/${old.id}/photos/${photoOf.id}?type=complaint`).set('Authorization', `Bearer ${staff}`).expect(404);
    const events = await eventsOf(old.id);
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events[events.length - 1]).toMatchObject({ kind: 'personal_data_erased', actorType: 'system', isPublic: false });
    // Staff see it on the case page; the public tracking view does not list it.
    const page = await request(app.url).get(`/complaint-workflow/cases/${old.id}?type=complaint`).set('Authorization', `Bearer ${staff}`).expect(200);
    expect(page.body.events.at(-1)).toMatchObject({ kind: 'personal_data_erased', actorType: 'system' });
    const track = await request(app.url).get(`/api/complaints/track/${old.trackingCode}`).expect(200);
    expect(JSON.stringify(track.body)).not.toContain('personal_data_erased');

    expect(await read(rejected.id)).toMatchObject({ contactName: null, contactPhone: null, photos: [] });

    // The recent and the reopened case keep everything.
    for (const kept of [recent, stillOpen]) {
      const now = await read(kept.id);
      expect(now).toMatchObject({ contactName: 'สมชาย ใจดี', contactPhone: '0812345678', contactEmail: 'somchai@example.test', platformUserId: 'U-chat-user', address: 'บ้านเลขที่ 12 หมู่ 5' });
      expect(now.photos.map((p) => p.id).sort()).toEqual(kept.photos.map((p) => p.id).sort());
      for (const p of kept.photos) expect(fs.existsSync(photoFile(p.key))).toBe(true);
      expect((await eventsOf(kept.id)).some((e) => e.kind === 'personal_data_erased')).toBe(false);
    }

    // Idempotent: nothing left to erase, nothing written.
    expect(await service().eraseExpiredPersonalData(730)).toBe(0);
    expect(await eventsOf(old.id)).toHaveLength(eventsBefore + 1);

    // The retention is the caller's (COMPLAINT_RETENTION_DAYS): with 90 days, the recent one goes too.
    expect(await service().eraseExpiredPersonalData(90)).toBe(1);
    expect(await read(recent.id)).toMatchObject({ contactName: null, photos: [] });
    expect(await read(stillOpen.id)).toMatchObject({ contactName: 'สมชาย ใจดี' });
  });

  it('reads COMPLAINT_RETENTION_DAYS, 730 by default', () => {
    expect(app.strapi.config.get('server.complaintRetentionDays')).toBe(730);
  });
});
