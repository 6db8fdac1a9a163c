import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import request from 'supertest';
import sharp from 'sharp';
import { startApp, type TestApp } from '../../../../helpers/strapi';
import { photoUploadToken } from '../../../../../src/api/complaint/photos';

let app: TestApp;
const COMPLAINT = 'api::complaint.complaint';
const PHOTO = 'api::complaint-photo.complaint-photo';
const photoDir = () => path.join(process.env.PRIVATE_FILES_DIR!, 'complaint-photos');
const count = () => app.strapi.db.query(COMPLAINT).count();
const post = (data: unknown) => request(app.url).post('/api/complaints').send(data as object);
const valid = { category: 'road', description: 'ถนนหน้าวัดเป็นหลุมลึก รถจักรยานยนต์ล้มบ่อย', location: { lat: 14.7201, lng: 102.0205 }, village: 5 };

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  const categories = app.strapi.documents('api::complaint-category.complaint-category');
  await categories.create({ data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, confidential: false, active: true } });
  await categories.create({ data: { code: 'corruption', nameTh: 'ทุจริต', nameEn: 'Corruption', deadlineDays: 30, confidential: true, active: true } });
});

afterAll(async () => {
  await app?.stop();
});

describe('POST /api/complaints', () => {
  it('files a complaint and answers its public view with a tracking code and due date', async () => {
    const before = Date.now();
    const res = await post({ data: valid }).expect(201);
    const d = res.body.data;
    expect(d.trackingCode).toMatch(/^NK-\d{4}-[2-9A-Z]{5}$/);
    expect(d).toMatchObject({ status: 'received', publicStatus: 'open', channel: 'web', overdue: false, category: { code: 'road', nameTh: 'ถนนชำรุด' } });
    const due = new Date(d.dueAt).getTime() - new Date(d.createdAt).getTime();
    expect(due).toBe(15 * 24 * 3600 * 1000);
    expect(new Date(d.createdAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(d.history).toEqual([{ at: d.createdAt, kind: 'created', status: 'received', message: null }]);
  });

  it('ignores the fields only the server sets', async () => {
    const res = await post({ data: { ...valid, status: 'resolved', state: 'closed', trackingCode: 'NK-0000-AAAAA', channel: 'line', assignee: 1, dueAt: '2020-01-01', secret: 1 } }).expect(201);
    expect(res.body.data).toMatchObject({ status: 'received', channel: 'web' });
    expect(res.body.data.trackingCode).not.toBe('NK-0000-AAAAA');
    const stored = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: res.body.data.trackingCode }, populate: ['assignee'] });
    expect(stored).toMatchObject({ state: 'received', channel: 'web', assignee: null });
    // Coordinates keep metre precision on every database (PostgreSQL's decimal would round them to 2 places).
    expect(Number(stored.lat)).toBeCloseTo(14.7201, 6);
    expect(Number(stored.lng)).toBeCloseTo(102.0205, 6);
    expect(new Date(stored.dueAt).getFullYear()).toBeGreaterThan(2025);
  });

  it('takes an empty or null optional field as absent, as forms send them', async () => {
    const res = await post({ data: { ...valid, title: null, address: '', contact: { name: '', phone: '', email: ' Somying@Example.test ' }, consent: true } }).expect(201);
    const stored = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: res.body.data.trackingCode } });
    expect(stored).toMatchObject({ contactEmail: 'somying@example.test' });
    expect(stored.contactPhone ?? null).toBeNull();
    await post({ data: { ...valid, contact: null } }).expect(201);
  });

  const bad: Array<[string, unknown, string]> = [
    ['a missing description', { data: { category: 'road' } }, 'data.description:required'],
    ['an unknown category', { data: { ...valid, category: 'nope' } }, 'data.category:unknown_category'],
    ['a point outside Thailand', { data: { ...valid, location: { lat: 48.85, lng: 2.35 } } }, 'data.location:out_of_area'],
    ['a 50 KB title', { data: { ...valid, title: 'ก'.repeat(50 * 1024) } }, 'data.title:too_long'],
    ['an object where text belongs', { data: { ...valid, description: { text: 'x' } } }, 'data.description:invalid_type'],
    ['an array where text belongs', { data: { ...valid, category: ['road'] } }, 'data.category:invalid_type'],
    ['a bad phone', { data: { ...valid, contact: { phone: 'call me' }, consent: true } }, 'data.contact.phone:invalid_phone'],
    ['contact without consent', { data: { ...valid, contact: { name: 'สมหญิง' } } }, 'data.consent:consent_required'],
    ['a photo id alone', { data: { ...valid, photos: [999999] } }, 'data.photos.0:invalid_type'],
    ['a photo without its upload token', { data: { ...valid, photos: [{ id: 999999 }] } }, 'data.photos.0.token:required'],
    ['a photo with a made-up token', { data: { ...valid, photos: [{ id: 999999, token: 'lzzzzz.0123456789abcdefghijklmnopqrstuv' }] } }, 'data.photos:photo_not_yours'],
    ['four photos', { data: { ...valid, photos: [1, 2, 3, 4].map((id) => ({ id, token: 'x' })) } }, 'data.photos:too_many'],
    ['a village as text', { data: { ...valid, village: '5' } }, 'data.village:invalid_type'],
    ['no data envelope', { category: 'road', description: 'x' }, 'data:required'],
  ];
  it.each(bad)('answers %s with 400 naming the field and its code, and stores nothing', async (_label, body, expected) => {
    const before = await count();
    const res = await post(body).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    const found = res.body.error.details.errors.map((e: { path: string[]; code: string }) => `${e.path.join('.')}:${e.code}`);
    expect(found).toContain(expected);
    // One language (Thai by default), never "ไทย / English".
    expect(res.body.error.message).toMatch(/^[\u0E00-\u0E7F]/);
    expect(JSON.stringify(res.body)).not.toContain(' / ');
    expect(await count()).toBe(before);
  });

  it('answers malformed and absurdly nested JSON with 400, storing nothing', async () => {
    const before = await count();
    const malformed = await request(app.url).post('/api/complaints').set('Content-Type', 'application/json').send('{"data": {"category": "road",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.errors[0]).toMatchObject({ path: ['body'], code: 'malformed_body', message: 'อ่านข้อมูลที่ส่งมาไม่ได้' });
    const english = await request(app.url).post('/api/complaints').set('Content-Type', 'application/json').set('Accept-Language', 'en').send('{"data": ');
    expect(english.body.error.details.errors[0].message).toBe('The request body cannot be read');
    const deep = '{"data":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}';
    const nested = await request(app.url).post('/api/complaints').set('Content-Type', 'application/json').send(deep);
    expect(nested.status).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe('POST /api/complaints/photos', () => {
  /** What the private store holds: photo rows and files on disk (a refused upload must add to neither). */
  const files = async () => ({ rows: await app.strapi.db.query(PHOTO).count(), files: fs.existsSync(photoDir()) ? fs.readdirSync(photoDir()).length : 0 });
  const photo = (width = 3000, height = 1500) =>
    sharp({ create: { width, height, channels: 3, background: '#3a7' } })
      .withExif({ IFD0: { Copyright: 'ZZEXIFMARKER' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '14/1 43/1 12/1' } })
      .jpeg()
      .toBuffer();

  it('re-encodes photos without EXIF or GPS, at most 2048 px, with a thumbnail, privately, and a complaint can carry them', async () => {
    const original = await photo();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await request(app.url)
      .post('/api/complaints/photos')
      .attach('files', original, { filename: 'IMG_0001.jpg', contentType: 'image/jpeg' })
      .attach('files', await sharp({ create: { width: 400, height: 300, channels: 3, background: '#fff' } }).png().toBuffer(), 'small.png')
      .expect(201);
    expect(res.body.data).toHaveLength(2);
    // An id and a token each, no address to fetch the photo from.
    for (const p of res.body.data) expect(Object.keys(p).sort()).toEqual(['id', 'token']);
    expect(JSON.stringify(res.body)).not.toMatch(/url|uploads|\.jpg/i);
    // Multipart parts may be stored in either order: check every photo, on disk in the private folder.
    const sizes: string[] = [];
    for (const { id } of res.body.data) {
      const row = await app.strapi.db.query(PHOTO).findOne({ where: { id } });
      expect(row).toMatchObject({ mime: 'image/jpeg' });
      expect(row.key).toMatch(/^[0-9a-f]{32}$/);
      const stored = fs.readFileSync(path.join(photoDir(), `${row.key}.jpg`));
      expect(row.size).toBe(stored.length);
      const meta = await sharp(stored).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(stored.toString('latin1')).not.toContain('ZZEXIFMARKER');
      expect([row.width, row.height]).toEqual([meta.width, meta.height]);
      sizes.push(`${meta.width}x${meta.height}`);
      const thumb = await sharp(fs.readFileSync(path.join(photoDir(), `${row.key}.thumb.jpg`))).metadata();
      expect(thumb.format).toBe('jpeg');
      expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBe(320);
      expect(thumb.exif).toBeUndefined();
    }
    expect(sizes.sort()).toEqual(['2048x1024', '400x300']);
    // Nothing went to the Media Library or the public folder.
    expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(0);
    expect(fs.readdirSync(path.join(process.env.PUBLIC_DIR!, 'uploads'))).toEqual([]);

    const ids = res.body.data.map((p: { id: number }) => p.id);
    const photos = res.body.data.map(({ id, token }: { id: number; token: string }) => ({ id, token }));
    const created = await post({ data: { ...valid, photos } }).expect(201);
    const complaint = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: created.body.data.trackingCode }, populate: ['photos'] });
    expect(complaint.photos.map((p: { id: number }) => p.id).sort()).toEqual([...ids].sort());
    // The public view names the photos only by the tracking code's photo route (issue 18): no storage key, no file URL.
    expect(created.body.data.photos.before.map((p: { id: number }) => p.id).sort()).toEqual([...ids].sort());
    expect(JSON.stringify(created.body)).not.toMatch(/uploads|complaint-photos|"key"/i);
    for (const k of complaint.photos.map((p: { key: string }) => p.key)) expect(JSON.stringify(created.body)).not.toContain(k);
  });

  it('refuses a file that is not an image, whatever it claims, and stores nothing', async () => {
    const before = await files();
    const res = await request(app.url)
      .post('/api/complaints/photos')
      .attach('files', await photo(100, 100), 'ok.jpg')
      .attach('files', Buffer.from('MZ this is not a picture'), { filename: 'photo.jpg', contentType: 'image/jpeg' })
      .expect(400);
    // Named by the file, since multipart parts may be stored in any order.
    expect(res.body.error.details.errors[0]).toEqual({ path: ['files'], code: 'not_an_image', message: 'photo.jpg: ไฟล์นี้ไม่ใช่รูปภาพ', name: 'ValidationError' });
    expect(await files()).toEqual(before);
  });

  it('refuses a small file that claims a huge picture before decoding it', async () => {
    // A valid PNG header for 16,000 × 16,000 pixels, with a few bytes of data: a decompression bomb.
    const crcTable = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    const crc = (buf: Buffer) => {
      let c = 0xffffffff;
      for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const sum = Buffer.alloc(4);
      sum.writeUInt32BE(crc(body));
      return Buffer.concat([len, body, sum]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(16000, 0);
    ihdr.writeUInt32BE(16000, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 0; // greyscale
    const bomb = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(32))), chunk('IEND', Buffer.alloc(0))]);
    const before = await files();
    const res = await request(app.url).post('/api/complaints/photos').attach('files', bomb, 'bomb.png').expect(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['files'], code: 'image_too_large' });
    expect(await files()).toEqual(before);
  });

  it('refuses more than three photos, none at all, and files over 10 MB', async () => {
    const before = await files();
    const img = await photo(50, 50);
    let four = request(app.url).post('/api/complaints/photos');
    for (let i = 0; i < 4; i++) four = four.attach('files', img, `p${i}.jpg`);
    expect((await four.expect(400)).body.error.details.errors[0].path).toEqual(['files']);
    await request(app.url).post('/api/complaints/photos').send({}).expect(400);
    const huge = await request(app.url)
      .post('/api/complaints/photos')
      .attach('files', Buffer.alloc(11 * 1024 * 1024, 1), { filename: 'big.jpg', contentType: 'image/jpeg' });
    expect(huge.status).toBe(413);
    expect(await files()).toEqual(before);
  });

  it('only attaches photos sent through the complaint photo endpoint, each to one complaint', async () => {
    const tmp = path.join(os.tmpdir(), `other-${Date.now()}.png`);
    await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toFile(tmp);
    const [other] = await app.strapi.plugin('upload').service('upload').upload({
      data: { fileInfo: { name: 'news-cover.png' } },
      files: { filepath: tmp, originalFilename: 'news-cover.png', mimetype: 'image/png', size: fs.statSync(tmp).size },
    });
    fs.rmSync(tmp, { force: true });
    // No upload answer ever gave a token for it; a token of a real upload does not fit its id either.
    const mine = (await request(app.url).post('/api/complaints/photos').attach('files', await photo(60, 60), 'mine.jpg').expect(201)).body.data[0];
    const res = await post({ data: { ...valid, photos: [{ id: other.id, token: mine.token }] } }).expect(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['data', 'photos'], code: 'photo_not_yours' });
    // Even with a token made for its number, an id names a stored complaint photo, never a Media Library file.
    const unused = (await app.strapi.db.query(PHOTO).findOne({ orderBy: { id: 'desc' }, select: ['id'] })).id + 1000;
    const forged = await post({ data: { ...valid, photos: [{ id: unused, token: photoUploadToken(app.strapi, unused) }] } }).expect(400);
    expect(forged.body.error.details.errors[0]).toMatchObject({ path: ['data', 'photos'], code: 'unknown_photo' });
    // A photo belongs to one complaint: its uploader cannot move it to a second one.
    await post({ data: { ...valid, photos: [mine] } }).expect(201);
    const again = await post({ data: { ...valid, photos: [mine] } }).expect(400);
    expect(again.body.error.details.errors[0]).toMatchObject({ path: ['data', 'photos'], code: 'unknown_photo' });
    await app.strapi.plugin('upload').service('upload').remove(other);
  });

  it("refuses another upload's photo: an id needs the token its own upload answered, and nothing is stored", async () => {
    const upload = async () => (await request(app.url).post('/api/complaints/photos').attach('files', await photo(80, 60), 'p.jpg').expect(201)).body.data[0] as { id: number; token: string };
    const theirs = await upload();
    const mine = await upload();
    expect(theirs.token).toMatch(/^[0-9a-z]+\.[\w-]{32}$/);
    const before = await count();
    const borrowed = await post({ data: { ...valid, photos: [{ id: theirs.id, token: mine.token }] } }).set('Accept-Language', 'en').expect(400);
    expect(borrowed.body.error.details.errors).toEqual([
      { path: ['data', 'photos'], code: 'photo_not_yours', message: 'A photo was not uploaded by this client, or its upload token has expired: upload it again', name: 'ValidationError' },
    ]);
    // One good photo does not carry a borrowed one.
    await post({ data: { ...valid, photos: [mine, { id: theirs.id, token: mine.token }] } }).expect(400);
    const tokenless = await post({ data: { ...valid, photos: [{ id: theirs.id }] } }).expect(400);
    expect(tokenless.body.error.details.errors[0]).toMatchObject({ path: ['data', 'photos', 0, 'token'], code: 'required' });
    expect(await count()).toBe(before);
    // Its owner can still attach it.
    await post({ data: { ...valid, photos: [{ id: theirs.id, token: theirs.token }] } }).expect(201);
  });
});

describe('the sweep of photos no complaint names', () => {
  it('removes an unattached photo older than the age limit with its files, keeps attached and recent ones', async () => {
    const upload = async () => (await request(app.url).post('/api/complaints/photos').attach('files', await sharp({ create: { width: 20, height: 20, channels: 3, background: '#123' } }).jpeg().toBuffer(), 'p.jpg').expect(201)).body.data[0] as { id: number; token: string };
    const abandoned = await upload();
    const attached = await upload();
    const recent = await upload();
    await post({ data: { ...valid, photos: [{ id: attached.id, token: attached.token }] } }).expect(201);
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    for (const id of [abandoned.id, attached.id]) await app.strapi.db.query(PHOTO).update({ where: { id }, data: { createdAt: twoDaysAgo } });
    const keyOf = async (id: number) => (await app.strapi.db.query(PHOTO).findOne({ where: { id } })).key as string;
    const [abandonedKey, attachedKey, recentKey] = [await keyOf(abandoned.id), await keyOf(attached.id), await keyOf(recent.id)];
    const stored = (key: string) => ['.jpg', '.thumb.jpg'].map((ext) => fs.existsSync(path.join(photoDir(), `${key}${ext}`)));
    expect(stored(abandonedKey)).toEqual([true, true]);
    // Files whose row was rolled back (a chat event that failed after storing its photo), old and new.
    const orphan = 'ab'.repeat(16);
    const newOrphan = 'cd'.repeat(16);
    for (const key of [orphan, newOrphan]) fs.writeFileSync(path.join(photoDir(), `${key}.jpg`), 'x');
    fs.utimesSync(path.join(photoDir(), `${orphan}.jpg`), twoDaysAgo, twoDaysAgo);

    const removed = await app.strapi.service(COMPLAINT).sweepUnattachedPhotos(24 * 3600_000);
    expect(removed).toBe(2);
    expect(await app.strapi.db.query(PHOTO).findOne({ where: { id: abandoned.id } })).toBeNull();
    expect(stored(abandonedKey)).toEqual([false, false]);
    expect(stored(orphan)).toEqual([false, false]);
    expect(stored(newOrphan)).toEqual([true, false]);
    expect(await app.strapi.db.query(PHOTO).findOne({ where: { id: attached.id } })).not.toBeNull();
    expect(stored(attachedKey)).toEqual([true, true]);
    expect(await app.strapi.db.query(PHOTO).findOne({ where: { id: recent.id } })).not.toBeNull();
    // The age is the caller's (UNATTACHED_PHOTO_HOURS at start and every hour): with none, the recent one goes too.
    expect(await app.strapi.service(COMPLAINT).sweepUnattachedPhotos(0)).toBeGreaterThanOrEqual(2);
    expect(await app.strapi.db.query(PHOTO).findOne({ where: { id: recent.id } })).toBeNull();
    expect(stored(recentKey)).toEqual([false, false]);
    expect(stored(newOrphan)).toEqual([false, false]);
    expect(await app.strapi.db.query(PHOTO).findOne({ where: { id: attached.id } })).not.toBeNull();
    expect(stored(attachedKey)).toEqual([true, true]);
  });
});

describe('GET /api/complaints/track/:trackingCode', () => {
  it('shows the public view, case-insensitively, and 404 for an unknown code', async () => {
    const { trackingCode } = (await post({ data: valid }).expect(201)).body.data;
    const res = await request(app.url).get(`/api/complaints/track/${trackingCode.toLowerCase()}`).expect(200);
    expect(res.body.data.trackingCode).toBe(trackingCode);
    await request(app.url).get('/api/complaints/track/NK-0000-ZZZZZ').expect(404);
    // Not a tracking code at all: the request is wrong, not the record missing.
    const malformed = await request(app.url).get('/api/complaints/track/not-a-code').expect(400);
    expect(malformed.body.error.details.errors[0]).toMatchObject({ path: ['params', 'trackingCode'], code: 'invalid_tracking_code' });
  });

  it('keeps confidential categories out of every public answer', async () => {
    const res = await post({ data: { ...valid, category: 'corruption', description: 'มีการเรียกรับเงิน' } }).expect(201);
    expect(res.body.data).toEqual({ trackingCode: expect.stringMatching(/^NK-/), confidential: true });
    await request(app.url).get(`/api/complaints/track/${res.body.data.trackingCode}`).expect(404);
    const categories = await request(app.url).get('/api/complaint-categories').expect(200);
    expect(categories.body.data.map((c: { code: string }) => c.code)).toEqual(['road']);
    const asked = await request(app.url).get('/api/complaint-categories').query({ 'filters[confidential][$eq]': 'true' }).expect(200);
    expect(asked.body.data.map((c: { code: string }) => c.code)).toEqual(['road']);
  });
});

describe('personal data', () => {
  it('never appears in any public answer', async () => {
    const markers = { name: 'ZZNAMEMARKER', phone: '0812345987', email: 'zzmarker@example.test' };
    const created = await post({ data: { ...valid, contact: markers, consent: true } }).expect(201);
    const code = created.body.data.trackingCode;
    const stored = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: code } });
    expect(stored).toMatchObject({ contactName: markers.name, contactPhone: markers.phone, contactEmail: markers.email });

    const answers = [
      JSON.stringify(created.body),
      (await request(app.url).get(`/api/complaints/track/${code}`)).text,
      (await request(app.url).get('/api/complaint-categories')).text,
      (await request(app.url).get('/api/complaints')).text,
      (await request(app.url).get(`/api/complaints/${stored.documentId}`)).text,
      (await request(app.url).get('/api/complaint-events')).text,
      (await request(app.url).get('/api/openapi.json')).text,
    ];
    for (const text of answers) for (const marker of Object.values(markers)) expect(text).not.toContain(marker);
    await request(app.url).get('/api/complaints').expect((r) => expect([403, 404, 405]).toContain(r.status));
  });
});

describe('without a mail server (no SMTP_HOST)', () => {
  it('marks the acknowledgement e-mail skipped, not failed or waiting for a retry', async () => {
    const created = await post({ data: { ...valid, contact: { email: 'no-smtp@example.test' }, consent: true } }).expect(201);
    const stored = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: created.body.data.trackingCode } });
    await app.strapi.plugin('complaint-workflow').service('outbox').idle();
    const messages = await app.strapi.db
      .query('plugin::complaint-workflow.outbox-message')
      .findMany({ where: { caseType: 'complaint', caseId: stored.id, channel: 'email' } });
    expect(messages).toEqual([expect.objectContaining({ state: 'skipped', attempts: 1, lastError: null })]);
  });
});
