import request from 'supertest';
import { startApp, type TestApp } from '../../../helpers/strapi';

/**
 * The public API's anonymous answers kept in this process (the one-machine default) until content
 * changes: read once per change, never for a caller with credentials, never a rate-limited lookup.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const publish = (slug: string) =>
  app.strapi.documents('api::news.news-item').create({ data: { title: `ข่าว ${slug}`, slug, publishedDate: '2026-12-01', category: 'announcement' }, status: 'published' });

it('keeps an anonymous answer until content changes, then reads the database again', async () => {
  await publish('cache-one');
  const first = await request(app.url).get('/api/news?locale=th').expect(200);
  expect(first.headers['x-cache']).toBe('MISS');
  const kept = await request(app.url).get('/api/news?locale=th').expect(200);
  expect(kept.headers['x-cache']).toBe('HIT');
  expect(kept.body).toEqual(first.body);
  expect(kept.headers.etag).toBe(first.headers.etag);
  expect(kept.headers['content-type']).toMatch(/^application\/json/);
  expect(kept.headers['cache-control']).toMatch(/public, max-age=\d+/);
  // Security headers come with a kept answer too.
  expect(kept.headers['content-security-policy']).toContain("default-src 'self'");
  await request(app.url).get('/api/news?locale=th').set('If-None-Match', first.headers.etag).expect(304);
  // A change through the document service (as the admin makes it) is seen at once.
  await publish('cache-two');
  const changed = await request(app.url).get('/api/news?locale=th').expect(200);
  expect(changed.headers['x-cache']).toBe('MISS');
  expect(changed.body.data.map((n: { slug: string }) => n.slug)).toEqual(expect.arrayContaining(['cache-one', 'cache-two']));
  // Unpublishing is a change as well.
  const two = (await app.strapi.documents('api::news.news-item').findFirst({ filters: { slug: 'cache-two' } })) as { documentId: string };
  await app.strapi.documents('api::news.news-item').unpublish({ documentId: two.documentId });
  const gone = await request(app.url).get('/api/news?locale=th').expect(200);
  expect(gone.body.data.map((n: { slug: string }) => n.slug)).not.toContain('cache-two');
});

it('keys on the address and the language: another query or language is another answer', async () => {
  await request(app.url).get('/api/news?locale=th&pagination[pageSize]=1').expect(200);
  const other = await request(app.url).get('/api/news?locale=th&pagination[pageSize]=2').expect(200);
  expect(other.headers['x-cache']).toBe('MISS');
  const thai = await request(app.url).get('/api/nope').expect(404);
  const english = await request(app.url).get('/api/nope').set('Accept-Language', 'en').expect(404);
  expect(thai.headers['x-cache']).toBeUndefined();
  expect(english.headers['x-cache']).toBeUndefined();
});

it('never answers a caller with credentials from the cache, nor keeps a rate-limited lookup', async () => {
  await request(app.url).get('/api/news?locale=th').expect(200);
  const withToken = await request(app.url).get('/api/news?locale=th').set('Authorization', 'Bearer not-a-token');
  expect(withToken.headers['x-cache']).toBeUndefined();
  for (let i = 0; i < 2; i++) {
    const track = await request(app.url).get('/api/complaints/track/NK-0000-AAAAA');
    expect(track.headers['x-cache']).not.toBe('HIT');
  }
});
