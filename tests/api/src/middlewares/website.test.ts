import fs from 'fs';
import http from 'http';
import path from 'path';
import zlib from 'zlib';
import request from 'supertest';
import { ROOT, startApp, type TestApp } from '../../../helpers/strapi';

let app: TestApp;

/** The bytes as sent on the wire (supertest and fetch would decompress them). */
const rawGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });

const TILES = 'https://tiles.example.test/{z}/{x}/{y}.png';
const CREDIT = '&copy; <a href="https://tiles.example.test/about">Example Tiles</a>';

beforeAll(async () => {
  app = await startApp({ MAP_TILE_URL: TILES, MAP_ATTRIBUTION: CREDIT });
  await app.strapi.documents('api::municipality.municipality').create({
    data: { nameTh: 'เทศบาลทดสอบ <ทดลอง>', nameEn: 'Test Municipality', phone: '044-999-999' },
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('the website served by the same process', () => {
  it('serves the Thai HTML shell with the municipality name before any script runs', async () => {
    const res = await request(app.url).get('/').expect(200).expect('Content-Type', /text\/html/);
    expect(res.text).toMatch(/<html lang="th"/);
    // Escaped, so a name can never inject markup.
    expect(res.text).toContain('เทศบาลทดสอบ &#60;ทดลอง&#62;');
    expect(res.text).not.toContain('<ทดลอง>');
    const data = /<script id="initial-data" type="application\/json">(.*?)<\/script>/s.exec(res.text);
    expect(JSON.parse(data![1]).municipality.nameEn).toBe('Test Municipality');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves the same shell for every site route and leaves other paths alone', async () => {
    for (const p of ['/news', '/news/some-slug', '/pages/history', '/contact', '/developers', '/complaint', '/track']) {
      const res = await request(app.url).get(p).expect(200);
      expect(res.text).toContain('<html lang="th"');
    }
    await request(app.url).get('/no-such-page/at/all').expect(404);
    await request(app.url).get('/_health').expect(204);
    await request(app.url).get('/admin').expect(200).expect('Content-Type', /html/);
  });

  it('serves hashed assets precompressed, cached for a year', async () => {
    const html = (await request(app.url).get('/')).text;
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const res = await rawGet(`${app.url}${asset}`, { 'Accept-Encoding': 'br, gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toMatch(/immutable/);
      expect(res.headers['content-encoding']).toBe('br');
      const onDisk = fs.readFileSync(path.join(ROOT, 'build', 'website', asset));
      expect(zlib.brotliDecompressSync(res.body).equals(onDisk)).toBe(true);
    }
    const escape = await request(app.url).get('/assets/%2e%2e/%2e%2e/package.json');
    expect([403, 404]).toContain(escape.status);
    expect(escape.text).not.toContain('nokok-digital-municipality');
  });
});

describe('the map tiles (MAP_TILE_URL, MAP_ATTRIBUTION)', () => {
  const imgSrc = (csp: string | undefined) => /(?:^|;)\s*img-src ([^;]*)/.exec(csp ?? '')?.[1].split(/\s+/) ?? [];

  it('are what the website page carries and GET /api/map answers', async () => {
    const page = await request(app.url).get('/complaint').expect(200);
    const data = /<script id="initial-data" type="application\/json">(.*?)<\/script>/s.exec(page.text);
    expect(JSON.parse(data![1]).map).toEqual({ tileUrl: TILES, attribution: CREDIT });
    const api = await request(app.url).get('/api/map').expect(200);
    expect(api.body).toEqual({ data: { tileUrl: TILES, attribution: CREDIT } });
    expect(api.headers.etag).toBeTruthy();
  });

  it('are allowed by the content security policy of the website and of the admin, instead of OpenStreetMap', async () => {
    for (const p of ['/complaint', '/admin']) {
      const csp = (await request(app.url).get(p).expect(200)).headers['content-security-policy'] as string | undefined;
      expect(imgSrc(csp)).toContain('https://tiles.example.test');
      expect(csp).not.toMatch(/openstreetmap/);
    }
  });
});
