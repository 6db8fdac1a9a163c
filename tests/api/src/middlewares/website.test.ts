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
  it('serves Thai pages with the municipality name in the header, escaped, and no script on a page of links', async () => {
    const res = await request(app.url).get('/').expect(200).expect('Content-Type', /text\/html/);
    expect(res.text).toMatch(/<html lang="th"/);
    // Escaped, so a name can never inject markup.
    expect(res.text).toContain('<span id="site-name">เทศบาลทดสอบ &lt;ทดลอง></span>');
    expect(res.text).not.toContain('<ทดลอง>');
    expect(res.headers['cache-control']).toBe('no-cache');
    // The home page is links and text: no script, and the stylesheet inside the page.
    expect(res.text).not.toMatch(/<script(?! type="application\/ld\+json")/);
    expect(res.text).toMatch(/<style>[^<]+<\/style>/);
    // A page with an island carries the municipality record and the page's data for it.
    const track = await request(app.url).get('/track').expect(200);
    const data = /<script id="initial-data" type="application\/json">(.*?)<\/script>/s.exec(track.text);
    expect(JSON.parse(data![1]).municipality.nameEn).toBe('Test Municipality');
    expect(track.text).toMatch(/<script type="module" src="\/assets\/island-track-[\w-]+\.js"><\/script>/);
  });

  it('serves the same shell for every site route and leaves other paths alone', async () => {
    for (const p of ['/news', '/contact', '/developers', '/complaint', '/track']) {
      const res = await request(app.url).get(p).expect(200);
      expect(res.text).toContain('<html lang="th"');
    }
    await request(app.url).get('/no-such-page/at/all').expect(404);
    await request(app.url).get('/_health').expect(204);
    await request(app.url).get('/admin').expect(200).expect('Content-Type', /html/);
  });

  it('serves hashed assets precompressed, cached for a year', async () => {
    const html = (await request(app.url).get('/complaint')).text;
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(1);
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

describe('content pages rendered on the server', () => {
  const mainOf = (html: string) => /<main id="main"[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';

  it('sends the home page with the latest news already inside <main>', async () => {
    await app.strapi.documents('api::news.news-item').create({
      data: { title: 'ข่าวจากเซิร์ฟเวอร์ <b>', slug: 'server-rendered', publishedDate: '2026-11-29', category: 'announcement', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'เนื้อข่าวเต็ม' }] }] },
      status: 'published',
    });
    const res = await request(app.url).get('/').expect(200);
    const main = mainOf(res.text);
    // Escaped by the components: the title's markup is text.
    expect(main).toContain('ข่าวจากเซิร์ฟเวอร์ &lt;b>');
    expect(main).toContain('href="/news/server-rendered"');
    expect(res.text).toContain('<title>เทศบาลทดสอบ &#60;ทดลอง&#62;</title>');
    // No island on the home page: its data does not travel a second time.
    expect(res.text).not.toContain('id="page-data"');

    const item = await request(app.url).get('/en/news/server-rendered').expect(200);
    expect(mainOf(item.text)).toContain('เนื้อข่าวเต็ม');
    expect(item.text).toContain('<title>ข่าวจากเซิร์ฟเวอร์ &#60;b&#62; | Test Municipality</title>');
    expect(item.text).toContain('Back to news');
  });

  it('keeps a rendered page until content changes, and shows the change at once', async () => {
    const first = await request(app.url).get('/en/news').expect(200);
    const again = await request(app.url).get('/en/news').expect(200);
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.text).toBe(first.text);
    // The browser asks again with its copy's tag and gets 304 while nothing changed.
    await request(app.url).get('/en/news').set('If-None-Match', again.headers.etag).expect(304);

    const created = await app.strapi.documents('api::news.news-item').create({
      data: { title: 'Fresh news', slug: 'fresh-news', publishedDate: '2026-12-01', category: 'announcement', summary: 'What changed today' },
      locale: 'en',
      status: 'published',
    });
    const after = await request(app.url).get('/en/news').expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.text).toContain('Fresh news');
    await request(app.url).get('/en/news').set('If-None-Match', again.headers.etag).expect(200);

    // A news item tells previews it is an article, with its summary.
    const item = (await request(app.url).get('/en/news/fresh-news').expect(200)).text;
    expect(item).toContain('<meta property="og:type" content="article">');
    expect(item).toContain('<meta name="description" content="What changed today">');
    expect(item).toContain('<meta name="twitter:title" content="Fresh news | Test Municipality">');

    await app.strapi.documents('api::news.news-item').unpublish({ documentId: created.documentId, locale: 'en' });
    expect((await request(app.url).get('/en/news').expect(200)).text).not.toContain('Fresh news');
    await request(app.url).get('/en/news/fresh-news').expect(404);
  });

  it('renders a tracking result for each request and never keeps it', async () => {
    await app.strapi.documents('api::complaint-category.complaint-category').create({
      data: { code: 'road', nameTh: 'ถนน', nameEn: 'Roads', deadlineDays: 15, confidential: false, active: true },
    });
    const { trackingCode } = (await app.strapi
      .service('api::complaint.complaint')
      .createFromCitizen({ category: 'road', description: 'ถนนเป็นหลุมหน้าโรงเรียน', location: { lat: 14.72, lng: 102.02 } }, 'web')) as { trackingCode: string };
    for (let i = 0; i < 2; i++) {
      const res = await request(app.url).get(`/track?code=${trackingCode}`).expect(200);
      expect(res.headers['x-cache']).toBe('BYPASS');
      expect(mainOf(res.text)).toContain(`id="case-status"`);
      expect(mainOf(res.text)).not.toContain('ถนนเป็นหลุมหน้าโรงเรียน'); // the description is not public
    }
    const unknown = await request(app.url).get('/track?code=NK-6912-ZZZZZ').expect(200);
    expect(mainOf(unknown.text)).toContain('NK-6912-ZZZZZ');
    expect(mainOf(unknown.text)).toMatch(/id="track-code-error" role="alert">[^<]+</);
  });

  it('answers 404 with the not-found page for a news item or page that does not exist', async () => {
    const res = await request(app.url).get('/news/no-such').expect(404).expect('Content-Type', /text\/html/);
    expect(mainOf(res.text)).toContain('<h1>ไม่พบหน้านี้</h1>');
    await request(app.url).get('/pages/no-such').expect(404);
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

describe('the language in the address, and what search engines read', () => {
  it('serves English pages under /en, and moves a ?lang=en link there for good', async () => {
    expect((await request(app.url).get('/en/').expect(200)).text).toMatch(/<html lang="en"/);
    const englishNews = (await request(app.url).get('/en/news').expect(200)).text;
    expect(englishNews).toMatch(/<html lang="en"/);
    // The town's name leads home in the page's language.
    expect(englishNews).toContain('<a class="brand" href="/en/">');
    expect((await request(app.url).get('/news').expect(200)).text).toMatch(/<html lang="th"/);
    const moved = await request(app.url).get('/track?code=NK-6912-AAAAA&lang=en').expect(301);
    expect(moved.headers.location).toBe('/en/track?code=NK-6912-AAAAA');
    await request(app.url).get('/en/no-such-page').expect(404);
  });

  it('tells search engines and share previews the canonical address, the other language and the town', async () => {
    const home = (await request(app.url).get('/').expect(200)).text;
    const base = (home.match(/<link rel="canonical" href="([^"]+)\/">/) ?? [])[1];
    expect(base).toBeDefined();
    expect(home).toContain(`<link rel="alternate" hreflang="en" href="${base}/en/">`);
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]+)<\/script>/.exec(home)![1]) as Record<string, unknown>;
    expect(ld).toMatchObject({ '@type': 'GovernmentOrganization', name: 'เทศบาลทดสอบ <ทดลอง>', alternateName: 'Test Municipality', telephone: '044-999-999' });
    const news = (await request(app.url).get('/en/news').expect(200)).text;
    expect(news).toContain(`<link rel="canonical" href="${base}/en/news">`);
    expect(news).toContain(`<link rel="alternate" hreflang="th" href="${base}/news">`);
    expect(news).toContain('<meta property="og:title" content="News and announcements | Test Municipality">');
    expect(news).not.toContain('application/ld+json');
  });

  it('lists every published news item and page in both languages in sitemap.xml, drafts never', async () => {
    const news = app.strapi.documents('api::news.news-item');
    await news.create({ data: { title: 'ข่าวเผยแพร่', slug: 'published-item', publishedDate: '2026-11-30', category: 'announcement' }, status: 'published' });
    await news.create({ data: { title: 'ร่างข่าว', slug: 'draft-item', publishedDate: '2026-11-30', category: 'announcement' } });
    await app.strapi.documents('api::page.page').create({ data: { title: 'ประวัติ', slug: 'history' }, status: 'published' });
    const res = await request(app.url).get('/sitemap.xml').expect(200).expect('Content-Type', /xml/);
    const locs = [...res.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(locs).toEqual(expect.arrayContaining(['/', '/en/', '/news/published-item', '/en/news/published-item', '/pages/history', '/en/pages/history', '/complaint', '/en/complaint']));
    expect(res.text).not.toContain('draft-item');
    expect(res.text).toContain('hreflang="en"');
    const robots = await request(app.url).get('/robots.txt').expect(200);
    expect(robots.text).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
    expect(robots.text).toContain('Disallow: /admin');
  });
});

describe('an address that is no page of the site', () => {
  const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
  const h1Of = (html: string) => /<main id="main"[^>]*>[\s\S]*?<h1>([^<]*)<\/h1>/.exec(html)?.[1];

  it('shows a browser the website\'s not-found page in the address\'s language, never raw JSON', async () => {
    for (const [p, lang, title] of [
      ['/foo', 'th', 'ไม่พบหน้านี้'],
      ['/news/a/b', 'th', 'ไม่พบหน้านี้'],
      ['/pages', 'th', 'ไม่พบหน้านี้'],
      ['/en/foo', 'en', 'Page not found'],
      ['/en/news/a/b', 'en', 'Page not found'],
    ]) {
      const res = await request(app.url).get(p).set('Accept', BROWSER);
      expect({ p, status: res.status, type: res.headers['content-type'] }).toEqual({ p, status: 404, type: 'text/html; charset=utf-8' });
      expect(res.text).toContain(`<html lang="${lang}"`);
      expect(h1Of(res.text)).toBe(title);
      expect(res.text).toContain('<meta name="robots" content="noindex">');
      // Arbitrary addresses are rendered each time, never kept: they cannot crowd real pages out of the cache.
      expect(res.headers['x-cache']).toBe('BYPASS');
    }
    const head = await request(app.url).head('/foo').set('Accept', BROWSER);
    expect(head.status).toBe(404);
    expect(head.headers['content-type']).toMatch(/text\/html/);
  });

  it('leaves API clients, Strapi\'s own paths and other methods with Strapi\'s answers', async () => {
    // A client that asks for JSON, or for anything (curl, supertest), gets Strapi's JSON 404 as before.
    for (const accept of ['application/json', '*/*']) {
      const res = await request(app.url).get('/foo').set('Accept', accept).expect(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    }
    await request(app.url).get('/foo').expect(404).expect('Content-Type', /application\/json/);
    for (const p of ['/api/no-such', '/uploads/no-such.png', '/content-manager/no-such', '/complaint-workflow/no-such', '/en/api/no-such']) {
      const res = await request(app.url).get(p).set('Accept', BROWSER);
      expect({ p, html: /<html lang=/.test(res.text) }).toEqual({ p, html: false });
    }
    await request(app.url).get('/_health').set('Accept', BROWSER).expect(204);
    await request(app.url).get('/admin/no-such').set('Accept', BROWSER).expect(200).expect('Content-Type', /html/);
    const post = await request(app.url).post('/foo').set('Accept', BROWSER).send({});
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(post.text).not.toMatch(/<html lang=/);
  });
});
