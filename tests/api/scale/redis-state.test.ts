import crypto from 'crypto';
import request from 'supertest';
import { Redis } from 'ioredis';
import { startApp, type TestApp } from '../../helpers/strapi';

/**
 * With REDIS_URL, what several instances behind one proxy must share lives in Redis: the rate limits
 * and failed-guess locks, the kept public API answers, and the news that content changed. Another
 * instance is played by this test writing to Redis as an instance would; a restarted instance
 * (one process after another on the same data) must find the budgets where the first left them.
 * CI starts a throwaway redis-server and sets NOKOK_TEST_REDIS_URL (.ci/run).
 */
const redisUrl = process.env.NOKOK_TEST_REDIS_URL;
const prefix = `nokok-test-${crypto.randomBytes(4).toString('hex')}:`;
let app: TestApp;
let redis: Redis;
const from = (n: number) => `198.51.100.${n}`;

const suite = redisUrl ? describe : describe.skip;

beforeAll(async () => {
  if (!redisUrl) return;
  redis = new Redis(redisUrl);
  app = await startApp({ REDIS_URL: redisUrl, REDIS_PREFIX: prefix, TRUSTED_PROXIES: '127.0.0.1', AUTH_LIMIT_PER_MINUTE: '2', RATE_LIMIT_PER_MINUTE: '2' });
});

afterAll(async () => {
  await app?.stop();
  if (redis) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
});

const failedLogin = (url: string, address: string) => request(url).post('/admin/login').set('X-Forwarded-For', address).send({ email: 'nobody@nokok.test', password: 'Wrong12345!' });

suite('rate limits in Redis', () => {
  it('counts in Redis, so what another instance counted holds here too', async () => {
    expect((await failedLogin(app.url, from(1))).status).toBe(400);
    expect((await failedLogin(app.url, from(1))).status).toBe(400);
    expect((await failedLogin(app.url, from(1))).status).toBe(429);
    const [key] = await redis.keys(`${prefix}count:sign-in*${from(1)}`);
    expect(key).toBeDefined();
    expect(Number(await redis.get(key))).toBe(3);
    // The window lapses (here: the key goes, as after its minute): the address may try again.
    await redis.del(key);
    expect((await failedLogin(app.url, from(1))).status).toBe(400);
    // Another instance used up this address's budget: this one refuses it at once.
    await redis.set(key.replace(from(1), from(2)), '5', 'EX', 60);
    expect((await failedLogin(app.url, from(2))).status).toBe(429);
  });

  it('keeps the failed-lookup lock of a tax bill for every instance', async () => {
    const lookup = (address: string) => request(app.url).post('/api/tax-bills/lookup').set('X-Forwarded-For', address).send({ billNumber: 'DEMO-2569-0001', nationalId: '1101700230708' });
    // Five wrong IDs from five addresses (each within its own budget) lock the bill.
    for (let i = 0; i < 5; i++) expect((await lookup(from(10 + i))).status).toBe(404);
    const [key] = await redis.keys(`${prefix}count:failed-bill-lookups*`);
    expect(Number(await redis.get(key))).toBe(5);
    const locked = await lookup(from(20));
    expect(locked.status).toBe(429);
  });

  it('is still there after a restart: the budgets outlive the process', async () => {
    for (let i = 0; i < 2; i++) await request(app.url).post('/api/complaints').set('X-Forwarded-For', from(30)).send({});
    await app.stop({ keepDatabase: true });
    app = await startApp({ REDIS_URL: redisUrl!, REDIS_PREFIX: prefix, TRUSTED_PROXIES: '127.0.0.1', AUTH_LIMIT_PER_MINUTE: '2', RATE_LIMIT_PER_MINUTE: '2' }, { sameDatabaseAs: app });
    const third = await request(app.url).post('/api/complaints').set('X-Forwarded-For', from(30)).send({});
    expect(third.status).toBe(429);
    expect(third.body.error.details.code).toBe('rate_limited');
    expect((await request(app.url).post('/api/complaints').set('X-Forwarded-For', from(31)).send({})).status).toBe(400);
  });
});

suite('kept public answers in Redis', () => {
  const publish = (slug: string, title: string) =>
    app.strapi.documents('api::news.news-item').create({ data: { title, slug, publishedDate: '2026-12-01', category: 'announcement' }, status: 'published' });

  it('serves the news list from Redis once read, and reads again after a change written here', async () => {
    await publish('redis-first', 'ข่าวแรก');
    const first = await request(app.url).get('/api/news?locale=th').expect(200);
    expect(first.headers['x-cache']).toBe('MISS');
    const again = await request(app.url).get('/api/news?locale=th').expect(200);
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await redis.hlen(`${prefix}api-cache`)).toBeGreaterThan(0);
    // Conditional request: 304 from the kept answer.
    await request(app.url).get('/api/news?locale=th').set('If-None-Match', first.headers.etag).expect(304);

    await publish('redis-second', 'ข่าวที่สอง');
    const after = await request(app.url).get('/api/news?locale=th').expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.map((n: { slug: string }) => n.slug)).toContain('redis-second');
  });

  it('shares the kept answers: what another instance kept is served here', async () => {
    await request(app.url).get('/api/news?locale=en').expect(200);
    const hash = `${prefix}api-cache`;
    const field = (await redis.hkeys(hash)).find((k) => k.endsWith(' /api/news?locale=en'));
    expect(field).toBeDefined();
    const entry = JSON.parse((await redis.hget(hash, field!))!) as { body: string };
    entry.body = JSON.stringify({ data: [{ slug: 'kept-by-another-instance' }], meta: {} });
    await redis.hset(hash, field!, JSON.stringify(entry));
    const res = await request(app.url).get('/api/news?locale=en').expect(200);
    expect(res.body.data[0].slug).toBe('kept-by-another-instance');
  });

  it('empties its page cache when another instance says content changed', async () => {
    const cacheOfHome = async () => String((await request(app.url).get('/').expect(200)).headers['x-cache']);
    // Kept once rendered without a change under way (a restarted app may still be writing its first records).
    let kept = 'MISS';
    for (let i = 0; i < 50 && kept !== 'HIT'; i++) kept = await cacheOfHome();
    expect(kept).toBe('HIT');
    await redis.publish(`${prefix}content-changed`, 'another-instance');
    // Pub/sub is asynchronous: the page is rendered again once the message arrived.
    let cache = 'HIT';
    for (let i = 0; i < 50 && cache === 'HIT'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      cache = await cacheOfHome();
    }
    expect(cache).toBe('MISS');
  });

  it('never keeps an answer to a caller with credentials, nor a rate-limited lookup', async () => {
    await redis.del(`${prefix}api-cache`);
    await request(app.url).get('/api/news?locale=th').set('Authorization', 'Bearer not-a-token');
    await request(app.url).get('/api/complaints/track/NK-0000-AAAAA').set('X-Forwarded-For', from(40));
    expect(await redis.hkeys(`${prefix}api-cache`)).toEqual([]);
  });
});
