import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { ROOT, startApp, type TestApp } from '../../../helpers/strapi';
import { GUIDE_SECTIONS, STAFF_GUIDE_PATH } from '../../../../src/admin/staff-guide/sections';

/**
 * The staff guide as the admin home page's widget links to it, on a fresh app: the page from
 * docs/staff-guide.md in Thai, every screenshot it shows, and every section the widget names.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

describe('the staff guide page', () => {
  it('answers the guide in Thai with the sections the widget links to', async () => {
    const res = await request(app.url).get(STAFF_GUIDE_PATH).expect(200).expect('Content-Type', /text\/html; charset=utf-8/);
    expect(res.text).toMatch(/<html lang="th">/);
    expect(res.text).toMatch(/<title>คู่มือเจ้าหน้าที่[^<]*<\/title>/);
    expect(res.text).toMatch(/<h1 id="[^"]+">คู่มือเจ้าหน้าที่/);
    expect(res.headers['x-robots-tag']).toBe('noindex');
    const ids = [...res.text.matchAll(/<h[1-4] id="([^"]+)"/g)].map((m) => m[1]);
    for (const section of GUIDE_SECTIONS) expect(ids).toContain(section.anchor);
    // Its address has one form, so the relative image links of the Markdown resolve.
    await request(app.url).get(`${STAFF_GUIDE_PATH}/`).expect(301).expect('Location', STAFF_GUIDE_PATH);
  });

  it('serves every screenshot it shows, each committed and small', async () => {
    const page = (await request(app.url).get(STAFF_GUIDE_PATH).expect(200)).text;
    const images = [...page.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(8);
    let total = 0;
    for (const src of images) {
      expect(src).toMatch(/^\/staff-guide\/[\w-]+\.jpg$/);
      const res = await request(app.url).get(src).expect(200).expect('Content-Type', 'image/jpeg');
      const body = res.body as Buffer;
      expect(body.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      total += body.length;
    }
    // Every image in docs/staff-guide/ is one the guide shows, and together they stay light.
    const files = fs.readdirSync(path.join(ROOT, 'docs', 'staff-guide')).sort();
    expect(files).toEqual([...new Set(images.map((src) => path.basename(src)))].sort());
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('serves nothing else from docs/', async () => {
    await request(app.url).get('/staff-guide/missing.jpg').expect(404);
    await request(app.url).get('/staff-guide/..%2Fstaff-guide.md').expect(404);
    await request(app.url).get('/staff-guide/../README.md').expect(404);
    await request(app.url).get('/staff-guide/staff-guide.md').expect(404);
  });
});
