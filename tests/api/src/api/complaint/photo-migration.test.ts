import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import sharp from 'sharp';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { moveUploadedComplaintPhotos } from '../../../../../src/api/complaint/photo-migration';

/**
 * Complaint photos stored in the Media Library before they became private: the next start moves
 * those linked to a complaint into the private store and removes the rest, and does nothing after.
 */
let app: TestApp;
const COMPLAINT = 'api::complaint.complaint';
const PHOTO = 'api::complaint-photo.complaint-photo';
const FILE = 'plugin::upload.file';
const privateDir = () => path.join(process.env.PRIVATE_FILES_DIR!, 'complaint-photos');

interface OldFile {
  id: number;
  url: string;
  name: string;
  formats?: Record<string, { url: string }> | null;
}

/** A file in the Media Library, as the old photo flow (or a clerk) stored it. */
async function mediaFile(name: string, image: Buffer): Promise<OldFile> {
  const tmp = path.join(os.tmpdir(), `${Date.now()}-${name}`);
  fs.writeFileSync(tmp, image);
  const [file] = (await app.strapi.plugin('upload').service('upload').upload({
    data: { fileInfo: { name, alternativeText: 'ภาพประกอบเรื่องร้องเรียน' } },
    files: { filepath: tmp, originalFilename: name, mimetype: 'image/jpeg', size: image.length },
  })) as OldFile[];
  fs.rmSync(tmp, { force: true });
  return file;
}

/** The old media field's link (the upload plugin's morph table), as Strapi wrote it before the change. */
async function link(file: OldFile, relatedType: string, relatedId: number, field: string) {
  const { joinTable } = app.strapi.db.metadata.get(FILE).attributes.related as unknown as {
    joinTable: { name: string; joinColumn: { name: string }; morphColumn: { typeColumn: { name: string }; idColumn: { name: string } } };
  };
  await app.strapi.db.getConnection(joinTable.name).insert({
    [joinTable.joinColumn.name]: file.id,
    [joinTable.morphColumn.idColumn.name]: relatedId,
    [joinTable.morphColumn.typeColumn.name]: relatedType,
    field,
    order: 1,
  });
}

const publicFile = (file: OldFile) => path.join(process.env.PUBLIC_DIR!, file.url);

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  await app.strapi.db.query('api::complaint-category.complaint-category').create({
    data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, confidential: false, active: true },
  });
});

afterAll(async () => {
  await app?.stop();
});

it('moves old Media Library photos of complaints into private storage at start, removes unlinked ones, and then does nothing', async () => {
  const res = await request(app.url).post('/api/complaints').send({ data: { category: 'road', description: 'ถนนหน้าวัดเป็นหลุมลึก' } }).expect(201);
  const complaint = (await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: res.body.data.trackingCode } })) as { id: number };
  const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#468' } }).jpeg({ quality: 80 }).toBuffer();
  const linked = await mediaFile('complaint-photo-0a1b2c3d4e5f6a7b.jpg', jpeg);
  await link(linked, COMPLAINT, complaint.id, 'photos');
  const abandoned = await mediaFile('complaint-photo-9f8e7d6c5b4a3210.jpg', jpeg);
  // A news image stays whatever happens; so does an old photo a clerk put on a news item.
  const cover = await mediaFile('news-cover.jpg', jpeg);
  const reused = await mediaFile('complaint-photo-1111222233334444.jpg', jpeg);
  await link(reused, 'api::news.news-item', 1, 'cover');
  for (const f of [linked, abandoned, cover, reused]) expect(fs.existsSync(publicFile(f))).toBe(true);
  const served = await request(app.url).get(linked.url).expect(200);
  expect(served.headers['content-type']).toBe('image/jpeg');
  const oldBytes = fs.readFileSync(publicFile(linked));
  // The Media Library made its own smaller copies, public too.
  const copies = Object.values(linked.formats ?? {}).map((f) => f.url);
  expect(copies.length).toBeGreaterThan(0);

  // The next start: the migration runs in bootstrap, before the server answers.
  const publicDir = process.env.PUBLIC_DIR!;
  const privateFiles = process.env.PRIVATE_FILES_DIR!;
  await app.stop({ keepDatabase: true });
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_DIR: publicDir, PRIVATE_FILES_DIR: privateFiles }, { sameDatabaseAs: app });

  const photos = (await app.strapi.db.query(PHOTO).findMany({ populate: ['complaint'] })) as Array<{ id: number; key: string; width: number; height: number; complaint: { id: number } | null }>;
  expect(photos).toHaveLength(1);
  expect(photos[0]).toMatchObject({ width: 900, height: 600, complaint: { id: complaint.id } });
  const moved = fs.readFileSync(path.join(privateDir(), `${photos[0].key}.jpg`));
  // Already re-encoded when it was uploaded: the same bytes, now private; and a thumbnail beside it.
  expect(moved.equals(oldBytes)).toBe(true);
  const thumb = await sharp(path.join(privateDir(), `${photos[0].key}.thumb.jpg`)).metadata();
  expect([thumb.width, thumb.height]).toEqual([320, 213]);

  // Gone from the Media Library and from the public folder; the news image and the reused photo stay.
  const left = ((await app.strapi.db.query(FILE).findMany({ select: ['id'] })) as Array<{ id: number }>).map((f) => f.id).sort();
  expect(left).toEqual([cover.id, reused.id].sort());
  for (const f of [linked, abandoned]) {
    expect(fs.existsSync(publicFile(f))).toBe(false);
    await request(app.url).get(f.url).expect(404);
  }
  for (const url of copies) await request(app.url).get(url).expect(404);
  expect(fs.existsSync(publicFile(cover))).toBe(true);

  // Staff see it on the case page, through the photo route.
  const staff = await createAdmin(app);
  const page = await request(app.url).get(`/complaint-workflow/cases/${complaint.id}?type=complaint`).set('Authorization', `Bearer ${staff.token}`).expect(200);
  expect(page.body.photos).toEqual([{ id: photos[0].id, width: 900, height: 600, kind: 'before' }]);
  await request(app.url).get(`/complaint-workflow/cases/${complaint.id}/photos/${photos[0].id}?type=complaint`).set('Authorization', `Bearer ${staff.token}`).expect(200).expect('Content-Type', 'image/jpeg');

  // Every later start: nothing to move, nothing changes.
  expect(await moveUploadedComplaintPhotos(app.strapi)).toEqual({ moved: 0, removed: 0, kept: 1 });
  expect(await app.strapi.db.query(PHOTO).count()).toBe(1);
});
