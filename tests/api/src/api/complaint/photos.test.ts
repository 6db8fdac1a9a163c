import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import sharp from 'sharp';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';

/**
 * Citizens' complaint photos are private (issue 14): never in the Media Library, never served by a
 * URL, and shown to staff only through the case engine's photo route, to whoever may read the case.
 */
let app: TestApp;
const COMPLAINT = 'api::complaint.complaint';
const PHOTO = 'api::complaint-photo.complaint-photo';
const tokens: Record<string, string> = {};
const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

/** Reads a binary answer whole (supertest buffers only text and JSON by itself). */
const binary = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

async function fileWithPhotos(n: number, extra: Record<string, unknown> = {}): Promise<{ id: number; trackingCode: string; photos: Array<{ id: number; key: string; width: number; height: number }> }> {
  let upload = request(app.url).post('/api/complaints/photos');
  for (let i = 0; i < n; i++) upload = upload.attach('files', await sharp({ create: { width: 1200 + i, height: 900, channels: 3, background: '#5a7' } }).jpeg().toBuffer(), `p${i}.jpg`);
  const photos = (await upload.expect(201)).body.data as Array<{ id: number; token: string }>;
  const res = await request(app.url)
    .post('/api/complaints')
    .send({ data: { category: 'road', description: 'ถนนหน้าวัดเป็นหลุมลึก', contact: { name: 'สมชาย ใจดี', phone: '0812345678' }, consent: true, photos, ...extra } })
    .expect(201);
  return app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: res.body.data.trackingCode }, populate: { photos: { orderBy: { id: 'asc' } } } });
}

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  await app.strapi.db.query('api::complaint-category.complaint-category').create({
    data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, confidential: false, active: true },
  });
  await app.strapi.db.query('api::complaint-category.complaint-category').create({
    data: { code: 'corruption', nameTh: 'ทุจริต', nameEn: 'Corruption', deadlineDays: 30, confidential: true, active: true },
  });
  tokens.admin = (await createAdmin(app)).token;
  // The staff roles of src/admin-roles.ts, applied at every start.
  tokens.officer = (await createAdmin(app, { role: 'nokok-complaint-officer' })).token;
  tokens.executive = (await createAdmin(app, { role: 'nokok-executive' })).token;
  tokens.editor = (await createAdmin(app, { role: 'nokok-content-editor' })).token;
  tokens.finance = (await createAdmin(app, { role: 'nokok-finance-officer' })).token;
});

afterAll(async () => {
  await app?.stop();
});

describe('a filed complaint’s photos', () => {
  it('never appear in the Media Library, where a news image would', async () => {
    const c = await fileWithPhotos(1);
    const key = c.photos[0].key;
    // A news image, uploaded the usual way: the Media Library lists it, so an empty list means something.
    const tmp = path.join(os.tmpdir(), `news-cover-${Date.now()}.png`);
    await sharp({ create: { width: 30, height: 20, channels: 3, background: '#222' } }).png().toFile(tmp);
    const [cover] = await app.strapi.plugin('upload').service('upload').upload({
      data: { fileInfo: { name: 'news-cover.png' } },
      files: { filepath: tmp, originalFilename: 'news-cover.png', mimetype: 'image/png', size: fs.statSync(tmp).size },
    });
    fs.rmSync(tmp, { force: true });

    const library = await request(app.url).get('/upload/files?pageSize=100').set(as('admin')).expect(200);
    expect(library.body.results.map((f: { id: number }) => f.id)).toEqual([cover.id]);
    expect(JSON.stringify(library.body)).not.toContain(key);
    // The content API's list of uploads is closed to the public, and holds no complaint photo anyway.
    const open = await request(app.url).get('/api/upload/files');
    expect(open.status).toBe(403);
    expect(JSON.stringify(open.body)).not.toContain(key);
    expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(1);

    // Nothing under /uploads (or anywhere public) serves it; the news image is served, so the check can fail.
    await request(app.url).get(cover.url).expect(200);
    for (const p of [`/uploads/${key}.jpg`, `/uploads/${key}.thumb.jpg`, `/private/complaint-photos/${key}.jpg`, `/complaint-photos/${key}.jpg`]) {
      const res = await request(app.url).get(p);
      expect(res.status).toBe(404);
      expect(res.headers['content-type'] ?? '').not.toMatch(/^image\//);
    }
    expect(fs.readdirSync(path.join(process.env.PUBLIC_DIR!, 'uploads'))).toEqual([path.basename(cover.url)]);
    expect(fs.existsSync(path.join(process.env.PRIVATE_FILES_DIR!, 'complaint-photos', `${key}.jpg`))).toBe(true);
  });

  it('are on the case page as ids and sizes only, no URL', async () => {
    const c = await fileWithPhotos(2);
    const page = await request(app.url).get(`/complaint-workflow/cases/${c.id}?type=complaint`).set(as('officer')).expect(200);
    expect(page.body.photos).toEqual(c.photos.map((p) => ({ id: p.id, width: p.width, height: p.height, kind: 'before' })));
    expect(JSON.stringify(page.body)).not.toMatch(/"url"|\/uploads\/|"key"/);
    for (const p of c.photos) expect(JSON.stringify(page.body)).not.toContain(p.key);
  });
});

describe('GET /complaint-workflow/cases/:id/photos/:photoId', () => {
  const photoUrl = (caseId: number, photoId: number, query = '?type=complaint') => `/complaint-workflow/cases/${caseId}/photos/${photoId}${query}`;

  it('streams the JPEG, or its thumbnail, to an officer who may read the case, kept private', async () => {
    const c = await fileWithPhotos(2);
    for (const p of c.photos) {
      const res = await binary(request(app.url).get(photoUrl(c.id, p.id)).set(as('officer'))).expect(200);
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const body = res.body as Buffer;
      expect(body.equals(fs.readFileSync(path.join(process.env.PRIVATE_FILES_DIR!, 'complaint-photos', `${p.key}.jpg`)))).toBe(true);
      expect(await sharp(body).metadata()).toMatchObject({ format: 'jpeg', width: p.width, height: p.height });

      const thumb = await binary(request(app.url).get(photoUrl(c.id, p.id, '?type=complaint&size=thumb')).set(as('officer'))).expect(200);
      expect(thumb.headers['content-type']).toBe('image/jpeg');
      const meta = await sharp(thumb.body as Buffer).metadata();
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(320);
    }
  });

  it('refuses anyone who may not read the case: no token 401, roles without cases.read 403', async () => {
    const c = await fileWithPhotos(1);
    const url = photoUrl(c.id, c.photos[0].id);
    const unauthenticated = await request(app.url).get(url);
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers['content-type']).not.toMatch(/^image\//);
    await request(app.url).get(url).set('Authorization', 'Bearer not-a-token').expect(401);
    for (const who of ['editor', 'finance']) {
      const res = await request(app.url).get(url).set(as(who));
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).not.toMatch(/^image\//);
      // The same answer as the case page itself.
      await request(app.url).get(`/complaint-workflow/cases/${c.id}?type=complaint`).set(as(who)).expect(403);
    }
    // Read-only roles that may read cases see them, like the case page.
    await binary(request(app.url).get(url).set(as('executive'))).expect(200);
  });

  it('follows the case page for confidential cases too', async () => {
    const c = await fileWithPhotos(1, { category: 'corruption' });
    expect(c).toMatchObject({ confidential: true });
    for (const [who, status] of [['officer', 200], ['executive', 200], ['editor', 403]] as const) {
      await request(app.url).get(`/complaint-workflow/cases/${c.id}?type=complaint`).set(as(who)).expect(status);
      await binary(request(app.url).get(photoUrl(c.id, c.photos[0].id)).set(as(who))).expect(status);
    }
  });

  it('answers 404 for a photo of another case, an unknown photo, or a type without photos; 400 for a bad size', async () => {
    const a = await fileWithPhotos(1);
    const b = await fileWithPhotos(1);
    await request(app.url).get(photoUrl(a.id, b.photos[0].id)).set(as('officer')).expect(404);
    await request(app.url).get(photoUrl(a.id, b.photos[0].id + 1000)).set(as('officer')).expect(404);
    await request(app.url).get(photoUrl(a.id, a.photos[0].id, '?type=e-service')).set(as('officer')).expect(404);
    const bad = await request(app.url).get(photoUrl(a.id, a.photos[0].id, '?type=complaint&size=huge')).set(as('officer')).expect(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['query', 'size'], code: 'invalid_choice' });
    await request(app.url).get(photoUrl(a.id, 0)).set(as('officer')).expect(400);
    // An unattached upload belongs to no case.
    const loose = (await request(app.url).post('/api/complaints/photos').attach('files', await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000' } }).jpeg().toBuffer(), 'x.jpg').expect(201)).body.data[0];
    await request(app.url).get(photoUrl(a.id, loose.id)).set(as('admin')).expect(404);
    expect(await app.strapi.db.query(PHOTO).findOne({ where: { id: loose.id } })).not.toBeNull();
  });
});
