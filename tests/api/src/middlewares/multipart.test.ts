import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../helpers/strapi';

let app: TestApp;
// Formidable writes here (UPLOAD_TMP_DIR), so the files a request left behind can be counted.
const uploadTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-multipart-'));
const leftovers = () => fs.readdirSync(uploadTmp);

/** Waits until no upload is left in the temp folder (formidable removes a failed parse's files asynchronously). */
async function expectNoLeftovers() {
  const until = Date.now() + 5000;
  while (leftovers().length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  expect(leftovers()).toEqual([]);
}

// Every test is its own client (TRUSTED_PROXIES lets X-Forwarded-For name it), so rate limits do not leak between tests.
let client = 0;
const nextClient = () => `198.51.100.${++client}`;

const MB = 1024 * 1024;
const jpeg = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } }).jpeg().toBuffer();

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '3', TRUSTED_PROXIES: '127.0.0.1', UPLOAD_TMP_DIR: uploadTmp });
});

afterAll(async () => {
  await app?.stop();
  fs.rmSync(uploadTmp, { recursive: true, force: true });
});

/** A raw multipart request, for bodies supertest would not write (no boundary, cut short). */
function raw(pathname: string, contentType: string, body: Buffer | string, headers: Record<string, string> = {}) {
  return request(app.url).post(pathname).set('Content-Type', contentType).set('X-Forwarded-For', nextClient()).set('Accept-Language', 'en').set(headers).send(Buffer.from(body));
}

describe('multipart where no route takes it', () => {
  it('is refused before it is read, with 415 unsupported_media_type, leaving nothing on disk', async () => {
    for (let i = 0; i < 8; i++) {
      const res = await request(app.url)
        .post(`/api/no-such-route-${i}`)
        .set('X-Forwarded-For', nextClient())
        .attach('files', Buffer.alloc(MB, 7), { filename: 'big.jpg', contentType: 'image/jpeg' });
      expect(res.status).toBe(415);
      expect(res.body.error).toMatchObject({ status: 415, message: 'ไม่รองรับรูปแบบข้อมูลนี้', details: { code: 'unsupported_media_type' } });
    }
    // A JSON route too, and a multipart header without a boundary.
    const json = await request(app.url).post('/api/complaints').set('Accept-Language', 'en').attach('files', await jpeg(), 'a.jpg');
    expect(json.status).toBe(415);
    expect(json.body.error).toMatchObject({ message: 'This content type is not supported', details: { code: 'unsupported_media_type' } });
    expect((await raw('/api/complaints', 'multipart/form-data', 'hello')).status).toBe(415);
    await expectNoLeftovers();
  });

  it('refuses a body declared larger than any upload before reading it', async () => {
    // Only the headers and a few bytes are sent: the answer must come without the other 50 MB.
    const answer = await new Promise<{ status: number; body: { error?: { details?: { code?: string } } } }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer before the body was sent')), 10_000);
      const req = http.request(`${app.url}/api/complaints/photos`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=XYZ', 'content-length': String(50 * MB), 'x-forwarded-for': nextClient() },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { error?: { details?: { code?: string } } } });
        });
      });
      req.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      req.write('--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n');
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error?.details?.code).toBe('body_too_large');
    await expectNoLeftovers();
  });
});

describe('the temp files of a request', () => {
  it('are deleted whatever the answer: 405, 400, 401, 403 and 429', async () => {
    const img = await jpeg();
    const ip = nextClient();
    // 405: a method the photo route lacks.
    const put = await request(app.url).put('/api/complaints/photos').set('X-Forwarded-For', nextClient()).attach('files', img, 'a.jpg');
    expect(put.status).toBe(405);
    // 400: the wrong field (Strapi's own clean-up knows only `files`).
    for (let i = 0; i < 3; i++) {
      const wrong = await request(app.url).post('/api/complaints/photos').set('X-Forwarded-For', ip).attach('photo', img, 'a.jpg').attach('files', Buffer.from('not an image'), 'b.jpg');
      expect(wrong.status).toBe(400);
    }
    // 429: the fourth from the same client.
    const limited = await request(app.url).post('/api/complaints/photos').set('X-Forwarded-For', ip).attach('photo', img, 'a.jpg').attach('files', img, 'b.jpg');
    expect(limited.status).toBe(429);
    // 403: the content API's upload is not public; 401: the admin's needs a staff token.
    const forbidden = await request(app.url).post('/api/upload').set('X-Forwarded-For', nextClient()).attach('files', img, 'a.jpg').attach('other', img, 'b.jpg');
    expect(forbidden.status).toBe(403);
    const anonymous = await request(app.url).post('/upload').set('X-Forwarded-For', nextClient()).attach('files', img, 'a.jpg');
    expect(anonymous.status).toBe(401);
    await expectNoLeftovers();
  });
});

describe('a multipart body the parser cannot read', () => {
  const PHOTOS = '/api/complaints/photos';
  const part = (boundary: string, name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

  it.each([
    ['no boundary', 'multipart/form-data', 'a plain body'],
    ['a boundary that never comes', 'multipart/form-data; boundary=AAA', `${part('BBB', 'a', '1')}--BBB--\r\n`],
    ['a part cut short', 'multipart/form-data; boundary=AAA', '--AAA\r\nContent-Disposition: form-data; name="files"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nabc'],
  ])('answers 400 malformed_multipart for %s', async (_case, type, body) => {
    const res = await raw(PHOTOS, type, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([{ path: ['body'], code: 'malformed_multipart', message: 'The uploaded form cannot be read (a missing or wrong boundary, or a part cut short)', name: 'ValidationError' }]);
    await expectNoLeftovers();
  });

  it('answers 413 too_many_fields past 1,000 fields, in Thai by default', async () => {
    const body = Array.from({ length: 1001 }, (_, i) => part('AAA', `f${i}`, 'x')).join('') + '--AAA--\r\n';
    const res = await raw(PHOTOS, 'multipart/form-data; boundary=AAA', body, { 'Accept-Language': 'th' });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ status: 413, message: 'แบบฟอร์มมีจำนวนช่องข้อมูลมากเกินไป', details: { code: 'too_many_fields' } });
  });

  it('answers 413 body_too_large for fields past 1 MB, without reading the rest', async () => {
    const res = await raw(PHOTOS, 'multipart/form-data; boundary=AAA', `${part('AAA', 'a', 'x'.repeat(2 * MB))}--AAA--\r\n`);
    expect(res.status).toBe(413);
    expect(res.body.error.details.code).toBe('body_too_large');
  });

  it('answers 413 file_too_large for files past 10 MB', async () => {
    const res = await request(app.url)
      .post(PHOTOS)
      .set('X-Forwarded-For', nextClient())
      .set('Accept-Language', 'en')
      .attach('files', Buffer.alloc(10 * MB + 1, 1), { filename: 'big.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ message: 'The file is larger than 10 MB', details: { code: 'file_too_large' } });
    await expectNoLeftovers();
  });

  it('keeps JSON refusals as they were', async () => {
    const res = await request(app.url).post('/api/complaints').set('Content-Type', 'application/json').send('{"data":');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['body'], code: 'malformed_body' });
  });
});

describe('uploads that are welcome', () => {
  it('still stores a citizen’s photo, leaving no temp file', async () => {
    const res = await request(app.url).post('/api/complaints/photos').set('X-Forwarded-For', nextClient()).attach('files', await jpeg(), 'a.jpg');
    expect(res.status).toBe(201);
    expect(res.body.data).toHaveLength(1);
    await expectNoLeftovers();
  });

  it('still takes a staff upload in the admin', async () => {
    const { token } = await createAdmin(app);
    const res = await request(app.url).post('/upload').set('Authorization', `Bearer ${token}`).attach('files', await jpeg(), 'staff.jpg');
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ name: 'staff.jpg', mime: 'image/jpeg' });
    await expectNoLeftovers();
  });
});
