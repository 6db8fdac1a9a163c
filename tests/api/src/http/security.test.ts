import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../helpers/strapi';

/**
 * What a browser and an attacker meet before any route runs: security headers (a content security
 * policy that lets the maps' tiles in, HSTS only on an HTTPS site), CORS for the configured origins
 * only, and one sign-in budget per client address over every door that signs in or sends a
 * sign-in e-mail, staff's and citizens' alike. The test client on 127.0.0.1 plays the proxy
 * (TRUSTED_PROXIES), so X-Forwarded-For chooses the client's address.
 */
let app: TestApp;
const SITE = 'https://nokok.example';
const TILES = 'https://tiles.example.org/{z}/{x}/{y}.png';

beforeAll(async () => {
  app = await startApp({ PUBLIC_URL: SITE, TRUSTED_PROXIES: '127.0.0.1', AUTH_LIMIT_PER_MINUTE: '3', MAP_TILE_URL: TILES, CORS_ORIGINS: `${SITE},https://partner.example` });
});

afterAll(async () => {
  await app?.stop();
});

const from = (n: number) => `203.0.113.${n}`;

describe('security headers', () => {
  it('give the website and the admin a content security policy that admits the map tiles, HSTS on an HTTPS site, and no framing', async () => {
    for (const path of ['/', '/poles', '/admin', '/api/news']) {
      const res = await request(app.url).get(path);
      expect(res.status).toBeLessThan(400);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/img-src [^;]*https:\/\/tiles\.example\.org/);
      expect(csp).toMatch(/frame-ancestors 'self'|frame-ancestors 'none'/);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('CORS', () => {
  it('lets pages of the configured origins call the API, and no other site', async () => {
    for (const origin of [SITE, 'https://partner.example']) {
      const res = await request(app.url).get('/api/news').set('Origin', origin).expect(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
    }
    const evil = await request(app.url).get('/api/news').set('Origin', 'https://evil.example').expect(200);
    expect(evil.headers['access-control-allow-origin']).toBeFalsy();
    // A preflight of a write from another site is not approved either.
    const preflight = await request(app.url).options('/api/complaints').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeFalsy();
    const ours = await request(app.url)
      .options('/api/complaints')
      .set('Origin', SITE)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,idempotency-key');
    expect(ours.headers['access-control-allow-origin']).toBe(SITE);
    expect(String(ours.headers['access-control-allow-headers']).toLowerCase()).toContain('idempotency-key');
  });
});

describe('one sign-in budget per address', () => {
  it('stops an address trying many staff e-mails at the admin login, in Thai or English, while other addresses sign in', async () => {
    const staff = await createAdmin(app);
    const tries = [];
    for (let i = 0; i < 3; i++) {
      tries.push(await request(app.url).post('/admin/login').set('X-Forwarded-For', from(1)).send({ email: `guess${i}@nokok.test`, password: 'Wrong12345!' }));
    }
    expect(tries.map((r) => r.status)).toEqual([400, 400, 400]);
    const limited = await request(app.url).post('/admin/login').set('X-Forwarded-For', from(1)).send({ email: staff.email, password: staff.password });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body.error).toMatchObject({ status: 429, details: { code: 'auth_rate_limited', limitPerMinute: 3 } });
    expect(limited.body.error.message).toContain('ลองเข้าสู่ระบบ');
    const english = await request(app.url).post('/admin/login').set('X-Forwarded-For', from(1)).set('Accept-Language', 'en').send({ email: staff.email, password: staff.password });
    expect(english.status).toBe(429);
    expect(english.body.error.message).toMatch(/Too many sign-in/);
    // The citizens' door shares the budget.
    const citizen = await request(app.url).post('/api/auth/local').set('X-Forwarded-For', from(1)).send({ identifier: 'someone@example.test', password: 'Wrong12345!' });
    expect(citizen.status).toBe(429);
    // Another address is not held up.
    await request(app.url).post('/admin/login').set('X-Forwarded-For', from(2)).send({ email: staff.email, password: staff.password }).expect(200);
  });

  it('gives a successful sign-in its attempt back: staff of one office sign in again and again', async () => {
    const staff = await createAdmin(app);
    // Five: Strapi's own admin limit allows five sign-ins of one e-mail from one address in five minutes.
    for (let i = 0; i < 5; i++) {
      await request(app.url).post('/admin/login').set('X-Forwarded-For', from(3)).send({ email: staff.email, password: staff.password }).expect(200);
    }
  });

  it('counts every password-reset and sign-up request, whatever e-mail it names', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await request(app.url)
        .post(i % 2 ? '/api/auth/forgot-password' : '/admin/forgot-password')
        .set('X-Forwarded-For', from(4))
        .send({ email: `victim${i}@example.test` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses[3]).toBe(429);
    const signUp = await request(app.url).post('/api/auth/local/register').set('X-Forwarded-For', from(4)).send({ username: 'x@example.test', email: 'x@example.test', password: 'Citizen12345!' });
    expect(signUp.status).toBe(429);
  });
});
