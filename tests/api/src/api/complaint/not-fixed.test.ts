import request from 'supertest';
import sharp from 'sharp';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { startSmtp, type SmtpCapture } from '../../../../helpers/smtp';

/**
 * Issue 18, proof of the fix: staff resolve a complaint with a photo or a place only with an "after"
 * photo; the tracking view shows the photos before and after; the citizen may say "not fixed" once,
 * within 14 days, which reopens the case and tells the officer.
 */
let app: TestApp;
let smtp: SmtpCapture;
let staff: { token: string; email: string };
let officer: { id: number; email: string };
const COMPLAINT = 'api::complaint.complaint';
const DAY = 24 * 3600_000;

const admin = (method: 'get' | 'post', path: string) => request(app.url)[method](`/complaint-workflow${path}`).set('Authorization', `Bearer ${staff.token}`);
const jpeg = (colour: string) => sharp({ create: { width: 800, height: 600, channels: 3, background: colour } }).jpeg().toBuffer();
/** Reads a binary answer whole (supertest buffers only text and JSON by itself). */
const binary = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
/** A public URL's path and query: the server under test is not PUBLIC_URL. */
const local = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** Files a complaint through the public API, with a citizen's photo when asked; answers its code and id. */
async function file(options: { photo?: boolean; location?: boolean; category?: string } = {}) {
  let photos: unknown[] = [];
  if (options.photo) photos = (await request(app.url).post('/api/complaints/photos').attach('files', await jpeg('#a33'), 'hole.jpg').expect(201)).body.data;
  const res = await request(app.url)
    .post('/api/complaints')
    .send({
      data: {
        category: options.category ?? 'road',
        description: 'ถนนเป็นหลุมหน้าวัด',
        ...(options.location ? { location: { lat: 14.7214, lng: 102.0187 } } : {}),
        contact: { email: 'citizen-nf@example.test' },
        consent: true,
        photos,
      },
    })
    .expect(201);
  const trackingCode = res.body.data.trackingCode as string;
  const id = (await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode } })).id as number;
  return { trackingCode, id };
}

const act = (id: number, action: string, reason?: string) => admin('post', `/cases/${id}/transition?type=complaint`).send({ action, reason });
let fixedJpeg: Buffer;
const addAfterPhoto = (id: number) => admin('post', `/cases/${id}/photos?type=complaint`).attach('files', fixedJpeg, 'fixed.jpg');
const track = (code: string) => request(app.url).get(`/api/complaints/track/${code}`);
const notFixed = (code: string, reason: unknown = 'หลุมยังอยู่ น้ำขังเหมือนเดิม') => request(app.url).post(`/api/complaints/track/${code}/not-fixed`).send({ data: { reason } });

/** A complaint with a citizen's photo and a place, accepted, its after photo attached and resolved. */
async function resolvedWithPhotos() {
  const c = await file({ photo: true, location: true });
  await act(c.id, 'accept').expect(200);
  await addAfterPhoto(c.id).expect(200);
  await act(c.id, 'resolve', 'ปะหลุมแล้ว').expect(200);
  return c;
}

beforeAll(async () => {
  smtp = await startSmtp();
  fixedJpeg = await jpeg('#3a3');
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'nokok@example.test', PUBLIC_URL: 'https://nokok.example' });
  staff = await createAdmin(app);
  const other = await createAdmin(app, { email: 'officer-nf@nokok.test' });
  officer = { id: (await app.strapi.db.query('admin::user').findOne({ where: { email: other.email } })).id, email: other.email };
  for (const [code, confidential] of [
    ['road', false],
    ['secret', true],
  ] as const) {
    await app.strapi.db.query('api::complaint-category.complaint-category').create({
      data: { code, nameTh: `หมวด ${code}`, nameEn: `Category ${code}`, deadlineDays: 15, confidential, active: true },
    });
  }
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

describe('resolving needs an "after" photo', () => {
  it('refuses resolve with 400 after_photo_required when the complaint has a photo or a place, until staff attach one', async () => {
    for (const options of [{ photo: true }, { location: true }]) {
      const c = await file(options);
      await act(c.id, 'accept').expect(200);
      const refused = await act(c.id, 'resolve', 'ซ่อมแล้ว').expect(400);
      expect(refused.body.error.details.code).toBe('after_photo_required');
      expect(refused.body.error.message).toContain('ภาพหลังแก้ไข');
      const english = await admin('post', `/cases/${c.id}/transition?type=complaint&locale=en`).send({ action: 'resolve', reason: 'done' }).expect(400);
      expect(english.body.error.message).toMatch(/photo after the fix/);
      // Nothing changed: still accepted, no resolve event.
      const stored = await app.strapi.db.query(COMPLAINT).findOne({ where: { id: c.id }, populate: ['events'] });
      expect(stored.state).toBe('accepted');
      expect(stored.resolvedAt).toBeNull();
      expect(stored.events.filter((e: { toState: string }) => e.toState === 'resolved')).toEqual([]);

      const page = await addAfterPhoto(c.id).expect(200);
      expect(page.body.photos.map((p: { kind: string }) => p.kind)).toEqual(options.photo ? ['before', 'after'] : ['after']);
      expect(page.body.events.at(-1)).toMatchObject({ kind: 'photos_added', isPublic: false, message: '1' });
      await act(c.id, 'resolve', 'ซ่อมแล้ว').expect(200);
    }
  });

  it('does not ask for one when there is nothing to compare with', async () => {
    const c = await file();
    await act(c.id, 'accept').expect(200);
    await act(c.id, 'resolve', 'แจ้งผลทางโทรศัพท์แล้ว').expect(200);
  });

  it('checks the staff upload like a citizen’s: not an image is a 400 and stores nothing; no file is a 400', async () => {
    const c = await file({ location: true });
    const bad = await admin('post', `/cases/${c.id}/photos?type=complaint`).attach('files', Buffer.from('not an image'), 'x.jpg').expect(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['files'], code: 'not_an_image' });
    await admin('post', `/cases/${c.id}/photos?type=complaint`).field('x', 'y').expect(400);
    expect(await app.strapi.db.query('api::complaint-photo.complaint-photo').count({ where: { complaint: { id: c.id } } })).toBe(0);
    // Only staff who may manage complaints.
    await request(app.url).post(`/complaint-workflow/cases/${c.id}/photos?type=complaint`).attach('files', await jpeg('#000'), 'a.jpg').expect(401);
    const executive = await createAdmin(app, { role: 'nokok-executive' });
    await request(app.url).post(`/complaint-workflow/cases/${c.id}/photos?type=complaint`).set('Authorization', `Bearer ${executive.token}`).attach('files', await jpeg('#000'), 'a.jpg').expect(403);
  });
});

describe('the tracking view shows the photos before and after', () => {
  it('lists both, and each URL answers the JPEG (whole and thumbnail); another complaint’s photo is a 404', async () => {
    const c = await resolvedWithPhotos();
    const { data } = (await track(c.trackingCode).expect(200)).body;
    expect(data.photos.before).toHaveLength(1);
    expect(data.photos.after).toHaveLength(1);
    expect(data.reopenCount).toBe(0);
    const [before] = data.photos.before;
    const [after] = data.photos.after;
    expect(before.url).toBe(`https://nokok.example/api/complaints/track/${c.trackingCode}/photos/${before.id}?size=full`);
    expect(before.thumbUrl).toBe(`https://nokok.example/api/complaints/track/${c.trackingCode}/photos/${before.id}?size=thumb`);
    for (const ref of [before, after]) {
      const full = await binary(request(app.url).get(local(ref.url))).expect(200);
      expect(full.headers['content-type']).toBe('image/jpeg');
      expect(full.headers['x-content-type-options']).toBe('nosniff');
      expect(await sharp(full.body as Buffer).metadata()).toMatchObject({ format: 'jpeg', width: 800, height: 600 });
      const thumb = await binary(request(app.url).get(local(ref.thumbUrl))).expect(200);
      expect(thumb.headers['content-type']).toBe('image/jpeg');
      expect((await sharp(thumb.body as Buffer).metadata()).width).toBe(320);
    }
    // The colours: the citizen's red hole before, staff's green fix after.
    const colour = async (url: string) => (await sharp((await binary(request(app.url).get(local(url)))).body as Buffer).stats()).dominant;
    expect((await colour(before.url)).r).toBeGreaterThan(128);
    expect((await colour(after.url)).g).toBeGreaterThan(32);

    // A photo of another complaint, through this code: 404, no image.
    const other = await file({ photo: true });
    const otherPhoto = (await app.strapi.db.query('api::complaint-photo.complaint-photo').findOne({ where: { complaint: { id: other.id } } })).id;
    const refused = await request(app.url).get(`/api/complaints/track/${c.trackingCode}/photos/${otherPhoto}`).expect(404);
    expect(refused.headers['content-type']).not.toMatch(/^image\//);
    await request(app.url).get(`/api/complaints/track/${c.trackingCode}/photos/999999`).expect(404);
    await request(app.url).get(`/api/complaints/track/${c.trackingCode}/photos/${before.id}?size=huge`).expect(400);
    // The view carries no personal data and no storage key.
    expect(JSON.stringify(data)).not.toMatch(/citizen-nf|"key"|notFixedAt|assignee/);
  });

  it('never serves the photos of a confidential complaint', async () => {
    const c = await file({ photo: true, category: 'secret' });
    const photo = (await app.strapi.db.query('api::complaint-photo.complaint-photo').findOne({ where: { complaint: { id: c.id } } })).id;
    await track(c.trackingCode).expect(404);
    await request(app.url).get(`/api/complaints/track/${c.trackingCode}/photos/${photo}`).expect(404);
    await notFixed(c.trackingCode).expect(404);
  });
});

describe('POST /api/complaints/track/:trackingCode/not-fixed', () => {
  it('reopens a resolved complaint once, as the citizen, with the reason public and the officer told; a second time is 409', async () => {
    const c = await resolvedWithPhotos();
    await admin('post', `/cases/${c.id}/assign?type=complaint`).send({ assignee: officer.id }).expect(200);
    const before = (await track(c.trackingCode).expect(200)).body.data;
    expect(before.notFixed).toMatchObject({ allowed: true, used: false });
    expect(new Date(before.notFixed.until).getTime() - new Date(before.resolvedAt).getTime()).toBe(14 * DAY);

    const res = await notFixed(c.trackingCode).expect(200);
    expect(res.body.data).toMatchObject({ status: 'reopened', publicStatus: 'open', reopenCount: 1, resolvedAt: null, notFixed: { allowed: false, until: null, used: true } });
    // The citizen's own words go to the officer, not into the public history.
    expect(res.body.data.history.at(-1)).toEqual(expect.objectContaining({ kind: 'transition', status: 'reopened', message: null }));
    expect(JSON.stringify(res.body.data)).not.toContain('หลุมยังอยู่');
    const stored = await app.strapi.db.query(COMPLAINT).findOne({ where: { id: c.id }, populate: ['events'] });
    expect(stored).toMatchObject({ state: 'reopened', reopenCount: 1 });
    expect(stored.notFixedAt).toBeTruthy();
    expect(stored.events.at(-1)).toMatchObject({ kind: 'transition', action: 'reopen', actorType: 'citizen' });

    const mail = await smtp.waitFor((m) => m.to.includes(officer.email) && m.subject.includes(c.trackingCode) && m.subject.includes('ยังไม่ได้รับการแก้ไข'));
    expect(mail.text).toContain('หลุมยังอยู่ น้ำขังเหมือนเดิม');
    expect(mail.text).toContain(`/admin/plugins/complaint-workflow/cases/${c.id}`);

    // Staff fix it again: a second "not fixed" is refused, and changes nothing.
    await act(c.id, 'resolve', 'ปะซ้ำแล้ว').expect(200);
    const again = await notFixed(c.trackingCode).expect(409);
    expect(again.body.error.details.code).toBe('not_fixed_used');
    expect(again.body.error.message).toBe('ท่านแจ้งว่ายังไม่ได้รับการแก้ไขสำหรับเรื่องนี้ไปแล้ว แจ้งได้ครั้งเดียว');
    const english = await request(app.url).post(`/api/complaints/track/${c.trackingCode}/not-fixed?locale=en`).send({ data: { reason: 'x' } }).expect(409);
    expect(english.body.error.message).toMatch(/already said/);
    expect((await app.strapi.db.query(COMPLAINT).findOne({ where: { id: c.id } })).state).toBe('resolved');
    expect((await track(c.trackingCode)).body.data.notFixed).toMatchObject({ allowed: false, used: true });
  });

  it('is 409 not_fixed_expired more than 14 days after resolution (also when closed), and allowed on day 13', async () => {
    const c = await resolvedWithPhotos();
    await act(c.id, 'close').expect(200);
    await app.strapi.db.query(COMPLAINT).update({ where: { id: c.id }, data: { resolvedAt: new Date(Date.now() - 14 * DAY - 60_000) } });
    expect((await track(c.trackingCode)).body.data.notFixed.allowed).toBe(false);
    const late = await notFixed(c.trackingCode).expect(409);
    expect(late.body.error.details.code).toBe('not_fixed_expired');
    expect((await app.strapi.db.query(COMPLAINT).findOne({ where: { id: c.id } })).state).toBe('closed');

    const d = await resolvedWithPhotos();
    await app.strapi.db.query(COMPLAINT).update({ where: { id: d.id }, data: { resolvedAt: new Date(Date.now() - 13 * DAY) } });
    expect((await notFixed(d.trackingCode).expect(200)).body.data.status).toBe('reopened');
  });

  it('is 409 not_resolved while the complaint is open; 400 per field; 404 for an unknown code', async () => {
    const c = await file();
    const open = await notFixed(c.trackingCode).expect(409);
    expect(open.body.error.details.code).toBe('not_resolved');
    for (const reason of ['', '   ', 'ก'.repeat(1001), 42]) {
      const bad = await notFixed(c.trackingCode, reason).expect(400);
      expect(bad.body.error.details.errors[0].path).toEqual(['data', 'reason']);
    }
    expect((await request(app.url).post(`/api/complaints/track/${c.trackingCode}/not-fixed`).send({}).expect(400)).body.error.details.errors[0].code).toBe('required');
    await notFixed('NK-0000-AAAAA').expect(404);
    await notFixed('not-a-code').expect(400);
  });

  it('staff reopening counts too, and the inbox and case page show the count', async () => {
    const c = await file();
    await act(c.id, 'accept').expect(200);
    await act(c.id, 'resolve', 'แก้แล้ว').expect(200);
    const page = await act(c.id, 'reopen', 'ตรวจแล้วยังไม่เรียบร้อย').expect(200);
    expect(page.body.reopenCount).toBe(1);
    const inbox = await admin('get', '/cases?type=complaint&pageSize=100').expect(200);
    expect(inbox.body.results.find((r: { id: number }) => r.id === c.id).reopenCount).toBe(1);
    // The citizen's "not fixed" is still theirs to use after a staff reopening.
    await act(c.id, 'resolve', 'แก้อีกครั้ง').expect(200);
    expect((await notFixed(c.trackingCode).expect(200)).body.data.reopenCount).toBe(2);
  });

  it('is in the OpenAPI document with its refusals', async () => {
    const doc = (await request(app.url).get('/api/openapi.json').expect(200)).body;
    const post = doc.paths['/complaints/track/{trackingCode}/not-fixed'].post;
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409', '429']));
    expect(post.responses['409'].description).toMatch(/not_fixed_used.*not_fixed_expired.*not_resolved/);
    const photo = doc.paths['/complaints/track/{trackingCode}/photos/{id}'].get;
    expect(photo.responses['200'].content['image/jpeg']).toBeDefined();
    const view = post.responses['200'].content['application/json'].schema;
    expect(JSON.stringify(view)).toMatch(/thumbUrl/);
  });
});
