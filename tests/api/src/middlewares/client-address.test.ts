import http from 'http';
import { startApp, type TestApp } from '../../../helpers/strapi';

/**
 * Behind a reverse proxy: the test client on 127.0.0.1 plays the proxy (TRUSTED_PROXIES), and a
 * second loopback address, 127.0.0.2, plays a client that reaches the app directly.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startApp({ TRUSTED_PROXIES: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '3' });
});

afterAll(async () => {
  await app?.stop();
});

const body = JSON.stringify({ billNumber: 'NONE', nationalId: '0' });

/** POST /api/tax-bills/lookup (rate-limited) from a chosen local address; resolves to the status. */
const lookupFrom = (localAddress: string, forwardedFor?: string) =>
  new Promise<number>((resolve, reject) => {
    const { port } = new URL(app.url);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        agent: false, // a fresh connection each time, closed after: nothing keeps the test process alive
        method: 'POST',
        path: '/api/tax-bills/lookup',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      }
    );
    req.on('error', reject);
    req.end(body);
  });

const statuses = async (n: number, send: (i: number) => Promise<number>) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await send(i));
  return out.map((s) => (s === 429 ? 429 : 'ok'));
};

it('gives each client behind a trusted proxy its own budget', async () => {
  expect(await statuses(4, () => lookupFrom('127.0.0.1', '203.0.113.10'))).toEqual(['ok', 'ok', 'ok', 429]);
  // Another client through the same proxy is not held back by the first.
  expect(await statuses(4, () => lookupFrom('127.0.0.1', '203.0.113.20'))).toEqual(['ok', 'ok', 'ok', 429]);
  // The proxy's own requests (no header) count as the proxy's.
  expect(await lookupFrom('127.0.0.1')).not.toBe(429);
});

it('reads X-Forwarded-For from the right, so an entry the client forged on the left does not help', async () => {
  // What the proxy appends (the real peer) is last; whatever the client sent is before it.
  expect(await statuses(3, (i) => lookupFrom('127.0.0.1', `198.51.100.${i}, 203.0.113.30`))).toEqual(['ok', 'ok', 'ok']);
  expect(await lookupFrom('127.0.0.1', '198.51.100.77, 203.0.113.30')).toBe(429);
  // Trusted hops on the right are skipped: a chain of our proxies still finds the client.
  expect(await lookupFrom('127.0.0.1', '203.0.113.30, 127.0.0.1')).toBe(429);
});

it('believes no X-Forwarded-For from a peer that is not a trusted proxy', async () => {
  // A client reaching the app directly rotates a forged header: it still has one budget.
  expect(await statuses(4, (i) => lookupFrom('127.0.0.2', `203.0.113.${100 + i}`))).toEqual(['ok', 'ok', 'ok', 429]);
  // And it used nobody else's: a fresh forwarded client still gets through.
  expect(await lookupFrom('127.0.0.1', '203.0.113.200')).not.toBe(429);
});
