import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import request from 'supertest';
import S3rver from 's3rver';
import { createAdmin, startApp, type TestApp } from '../../helpers/strapi';

/**
 * With S3_BUCKET, the Media Library's files go to an S3-compatible store through Strapi's aws-s3
 * upload provider, so several instances serve the same files: here against s3rver, a local
 * S3-compatible server, on loopback. Nothing is written to the instance's own disk, every size
 * (the original and its formats) is in the bucket, the pages' content security policy lets the
 * browser load them from there, and deleting a file deletes its objects.
 */
const BUCKET = 'nokok-media';
let s3: S3rver;
let s3Url = '';
let s3Dir = '';
let app: TestApp;
let token = '';

beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-s3-'));
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET }] });
  const { port } = await s3.run();
  s3Url = `http://127.0.0.1:${port}`;
  app = await startApp({
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: s3Url,
    S3_REGION: 'us-east-1',
    // s3rver's own key pair: it checks the signature of every request.
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  });
  token = (await createAdmin(app)).token;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await s3?.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
});

interface UploadedFile {
  id: number;
  url: string;
  provider: string;
  formats?: Record<string, { url: string }>;
}

it('stores an upload and its formats in the bucket, none on the instance’s disk, and serves them from there', async () => {
  const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
  const res = await request(app.url).post('/upload').set('Authorization', `Bearer ${token}`).attach('files', photo, 'market-day.jpg').expect(201);
  const [file] = res.body as UploadedFile[];
  expect(file.provider).toBe('aws-s3');
  expect(file.url.startsWith(`${s3Url}/${BUCKET}/`)).toBe(true);
  expect(Object.keys(file.formats ?? {})).toEqual(expect.arrayContaining(['thumbnail', 'small']));
  for (const url of [file.url, ...Object.values(file.formats ?? {}).map((f) => f.url)]) {
    expect(url.startsWith(`${s3Url}/${BUCKET}/`)).toBe(true);
    const got = await fetch(url);
    expect(got.status).toBe(200);
    const bytes = Buffer.from(await got.arrayBuffer());
    expect((await sharp(bytes).metadata()).format).toBe('jpeg');
  }
  expect(fs.readdirSync(path.join(process.env.PUBLIC_DIR!, 'uploads'))).toEqual([]);

  // The public API hands out the bucket's URL, and the pages' policy admits it.
  const listed = await request(app.url).get(`/api/upload/files/${file.id}`);
  if (listed.status === 200) expect((listed.body as UploadedFile).url).toBe(file.url);
  const page = await request(app.url).get('/').expect(200);
  expect(page.headers['content-security-policy']).toMatch(new RegExp(`img-src [^;]*${s3Url.replace(/[.:/]/g, '\\$&')}`));

  // Deleted in the Media Library: gone from the bucket, every size.
  await request(app.url).delete(`/upload/files/${file.id}`).set('Authorization', `Bearer ${token}`).expect(200);
  for (const url of [file.url, ...Object.values(file.formats ?? {}).map((f) => f.url)]) expect((await fetch(url)).status).toBe(404);
});
