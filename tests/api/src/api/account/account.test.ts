import request from 'supertest';
import type { Context } from 'koa';
import { startApp, type TestApp } from '../../../../helpers/strapi';
import { startSmtp, type ReceivedMail, type SmtpCapture } from '../../../../helpers/smtp';
import type { AccountDataService } from '../../../../../src/api/account/services/data';
import { signedInUser } from '../../../../../src/api/account/identity';

/**
 * Citizen accounts end to end over real HTTP and a real SMTP server: sign-up with the confirmation
 * mail, password reset, sign-in by a one-time code, the refresh cookie, sign-out everywhere, the
 * profile, the export and deleting the account (after which no table holds the person's data).
 */
let app: TestApp;
let smtp: SmtpCapture;
const PASSWORD = 'Nokok-pass-2569';
const USER = 'plugin::users-permissions.user';

/** What a test source of account data saw (another module's records, as the registry runs them). */
const source = { exported: [] as number[], erased: [] as number[] };

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startApp({
    RATE_LIMIT_PER_MINUTE: '1000',
    AUTH_LIMIT_PER_MINUTE: '1000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    EMAIL_FROM: 'เทศบาลตำบลนกออก <nokok@example.test>',
    PUBLIC_URL: 'https://nokok.example',
  });
  (app.strapi.service('api::account.data') as AccountDataService).register({
    name: 'testRecords',
    export: (userId) => {
      source.exported.push(userId);
      return Promise.resolve([{ kind: 'test', userId }]);
    },
    erase: (userId) => {
      source.erased.push(userId);
      return Promise.resolve();
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

/** The first mail to `to` that arrives after `since` mails had arrived. */
const mailAfter = (since: number, to: string, match: (m: ReceivedMail) => boolean = () => true) => smtp.waitFor((m) => smtp.mails.indexOf(m) >= since && m.to.includes(to) && match(m));

/** Signs up and confirms by the link in the mail; answers the confirmation redirect. */
async function signUp(email: string) {
  const since = smtp.mails.length;
  const res = await request(app.url).post('/api/auth/local/register').send({ username: email, email, password: PASSWORD }).expect(200);
  expect(res.body.jwt).toBeUndefined(); // not signed in before the address is confirmed
  const mail = await mailAfter(since, email);
  const link = /https?:\/\/\S+?\?confirmation=[0-9a-f]+/.exec(mail.text)?.[0];
  expect(link).toBeDefined();
  const url = new URL(String(link));
  const confirmed = await request(app.url).get(url.pathname + url.search).expect(302);
  return { mail, link: url, redirect: confirmed.headers.location };
}

async function signIn(email: string, password = PASSWORD) {
  const res = await request(app.url).post('/api/auth/local').send({ identifier: email, password }).expect(200);
  return { jwt: res.body.jwt as string, cookie: sessionCookie(res) };
}

function sessionCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const c = cookies.find((s) => s.startsWith('nokok_session='));
  if (!c) throw new Error(`no nokok_session cookie in ${JSON.stringify(cookies)}`);
  return c;
}
const cookiePair = (setCookie: string) => setCookie.split(';')[0];
/** The little of a Koa context signedInUser reads: the Authorization header. */
const fakeContext = (authorization: string) => {
  const ctx: Pick<Context, 'get'> & { request: { header: Record<string, string> } } = { get: (h: string) => (h.toLowerCase() === 'authorization' ? authorization : ''), request: { header: { authorization } } };
  return ctx as unknown as Context;
};
const bearer = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });

async function requestCode(email: string): Promise<string> {
  const since = smtp.mails.length;
  await request(app.url).post('/api/account/sign-in-code').send({ email }).expect(202, { data: { sent: true } });
  const mail = await mailAfter(since, email);
  return /\b(\d{6})\b/.exec(mail.text)![1];
}

describe('sign-up and e-mail confirmation', () => {
  it('mails a Thai confirmation link that confirms the account and opens /account/confirmed', async () => {
    const { mail, redirect } = await signUp('somsri@example.test');
    expect(mail.subject).toMatch(/^ยืนยันอีเมล/);
    expect(mail.subject).toContain('Confirm your e-mail');
    expect(mail.from).toContain('nokok@example.test');
    expect(redirect).toBe('https://nokok.example/account/confirmed');
    const user = await app.strapi.db.query(USER).findOne({ where: { email: 'somsri@example.test' } });
    expect(user).toMatchObject({ confirmed: true, notifyBy: 'email', language: 'th' });
  });

  it('refuses to sign in before the address is confirmed', async () => {
    const email = 'unconfirmed@example.test';
    await request(app.url).post('/api/auth/local/register').send({ username: email, email, password: PASSWORD }).expect(200);
    const res = await request(app.url).post('/api/auth/local').send({ identifier: email, password: PASSWORD });
    expect(res.status).toBe(400);
    // users-permissions' English refusal, given a stable code and the caller's language.
    expect(res.body.error).toMatchObject({ details: { code: 'not_confirmed' }, message: 'ยังไม่ได้ยืนยันอีเมล กรุณากดลิงก์ในอีเมลที่ส่งไป' });
    const en = await request(app.url).post('/api/auth/local').set('Accept-Language', 'en').send({ identifier: email, password: 'wrong-password-1' });
    expect(en.body.error).toMatchObject({ status: 400, details: { code: 'invalid_credentials' }, message: 'The e-mail or password is wrong' });
    const taken = await request(app.url).post('/api/auth/local/register').send({ username: email, email, password: PASSWORD });
    expect(taken.body.error).toMatchObject({ status: 400, details: { code: 'email_taken' } });
  });

  it('ignores profile fields a sign-up sends (nobody sets their own LINE user or role)', async () => {
    const email = 'sneaky@example.test';
    const res = await request(app.url).post('/api/auth/local/register').send({ username: email, email, password: PASSWORD, lineUserId: 'U123', confirmed: true });
    expect(res.status).toBe(400);
    expect(await app.strapi.db.query(USER).findOne({ where: { email } })).toBeNull();
  });
});

describe('password reset by e-mail', () => {
  it('mails a Thai link to /account/reset whose code sets a new password', async () => {
    const email = 'reset@example.test';
    await signUp(email);
    const since = smtp.mails.length;
    await request(app.url).post('/api/auth/forgot-password').send({ email }).expect(200, { ok: true });
    const mail = await mailAfter(since, email);
    expect(mail.subject).toMatch(/^ตั้งรหัสผ่านใหม่/);
    const code = /https:\/\/nokok\.example\/account\/reset\?code=([0-9a-f]+)/.exec(mail.text)?.[1];
    expect(code).toBeDefined();
    await request(app.url).post('/api/auth/reset-password').send({ code, password: 'New-pass-2569', passwordConfirmation: 'New-pass-2569' }).expect(200);
    await request(app.url).post('/api/auth/local').send({ identifier: email, password: PASSWORD }).expect(400);
    await signIn(email, 'New-pass-2569');
  });
});

describe('sessions', () => {
  const email = 'session@example.test';
  beforeAll(() => signUp(email));

  it('sets the refresh token as an httpOnly cookie on /api that lasts 30 days', async () => {
    const { jwt, cookie } = await signIn(email);
    expect(jwt).toBeTruthy();
    expect(cookie).toMatch(/; path=\/api(;|$)/i);
    expect(cookie).toMatch(/; httponly/i);
    expect(cookie).toMatch(/; samesite=lax/i);
    const expires = Date.parse(/; expires=([^;]+)/i.exec(cookie)![1]);
    expect(Math.abs(expires - (Date.now() + 30 * 24 * 3600_000))).toBeLessThan(120_000);
  });

  it('answers 401 sign_in_required without a token, in Thai or English', async () => {
    const th = await request(app.url).get('/api/account').expect(401);
    expect(th.body.error.details.code).toBe('sign_in_required');
    const en = await request(app.url).get('/api/account').set('Accept-Language', 'en').expect(401);
    expect(en.body.error.message).not.toBe(th.body.error.message);
    await request(app.url).get('/api/account').set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('gives a new access token for the refresh cookie', async () => {
    const { jwt, cookie } = await signIn(email);
    const res = await request(app.url).post('/api/auth/refresh').set('Cookie', cookiePair(cookie)).expect(200);
    expect(res.body.jwt).toBeTruthy();
    expect(res.body.jwt).not.toBe(jwt);
    expect(res.body.refreshToken).toBeUndefined(); // only in the cookie
    await request(app.url).get('/api/account').set(bearer(res.body.jwt)).expect(200);
  });

  it('signs out everywhere at once: the old access token gets 401 and no cookie refreshes', async () => {
    const first = await signIn(email);
    const second = await signIn(email);
    await request(app.url).get('/api/account').set(bearer(first.jwt)).expect(200);
    await request(app.url).post('/api/auth/logout').set(bearer(second.jwt)).send({ scope: 'all' }).expect(200);
    const res = await request(app.url).get('/api/account').set(bearer(first.jwt)).expect(401);
    expect(res.body.error.details.code).toBe('sign_in_required');
    await request(app.url).get('/api/account').set(bearer(second.jwt)).expect(401);
    await request(app.url).post('/api/auth/refresh').set('Cookie', cookiePair(first.cookie)).expect(401);
    expect(await signedInUser(app.strapi, fakeContext(`Bearer ${first.jwt}`))).toBeNull();
  });

  it('signedInUser names the person of a live token, and nobody for none or a bad one', async () => {
    const { jwt } = await signIn(email);
    const user = await app.strapi.db.query(USER).findOne({ where: { email } });
    expect(await signedInUser(app.strapi, fakeContext(`Bearer ${jwt}`))).toEqual({ id: user.id });
    expect(await signedInUser(app.strapi, fakeContext(''))).toBeNull();
    expect(await signedInUser(app.strapi, fakeContext('Bearer x.y.z'))).toBeNull();
  });
});

describe('sign-in by one-time code', () => {
  const email = 'code@example.test';
  beforeAll(() => signUp(email));

  it('answers the same 202 for an unknown address and mails nothing', async () => {
    const since = smtp.mails.length;
    const res = await request(app.url).post('/api/account/sign-in-code').send({ email: 'nobody@example.test' }).expect(202);
    expect(res.body).toEqual({ data: { sent: true } });
    await requestCode(email); // a later mail arrives; none went to nobody@
    expect(smtp.mails.slice(since).some((m) => m.to.includes('nobody@example.test'))).toBe(false);
  });

  it('signs in with the right code, like /auth/local, once', async () => {
    const code = await requestCode(email);
    const res = await request(app.url).post('/api/account/sign-in-code/verify').send({ email, code }).expect(200);
    expect(res.body.user).toMatchObject({ email });
    expect(res.body.user.signInCodeHash).toBeUndefined();
    expect(sessionCookie(res)).toMatch(/; path=\/api; .*httponly/i);
    await request(app.url).get('/api/account').set(bearer(res.body.jwt)).expect(200);
    const again = await request(app.url).post('/api/account/sign-in-code/verify').send({ email, code }).expect(400);
    expect(again.body.error.details.errors[0]).toMatchObject({ path: ['code'], code: 'invalid_code' });
  });

  it('refuses a wrong code, and the right one after five wrong tries', async () => {
    const code = await requestCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) await request(app.url).post('/api/account/sign-in-code/verify').send({ email, code: wrong }).expect(400);
    await request(app.url).post('/api/account/sign-in-code/verify').send({ email, code }).expect(400);
  });

  it('refuses an expired code', async () => {
    const code = await requestCode(email);
    await app.strapi.db.query(USER).update({ where: { email }, data: { signInCodeExpiresAt: new Date(Date.now() - 1000) } });
    await request(app.url).post('/api/account/sign-in-code/verify').send({ email, code }).expect(400);
  });

  it('keeps only a hash of the code', async () => {
    const code = await requestCode(email);
    const user = await app.strapi.db.query(USER).findOne({ where: { email } });
    expect(user.signInCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(user)).not.toContain(code);
  });

  it('gives an unknown address the same refusal as a wrong code', async () => {
    const res = await request(app.url).post('/api/account/sign-in-code/verify').send({ email: 'nobody@example.test', code: '123456' }).expect(400);
    expect(res.body.error.details.errors[0].code).toBe('invalid_code');
  });
});

describe('the profile', () => {
  const email = 'profile@example.test';
  let jwt: string;
  beforeAll(async () => {
    await signUp(email);
    ({ jwt } = await signIn(email));
  });

  it('reads and changes the profile', async () => {
    const before = await request(app.url).get('/api/account').set(bearer(jwt)).expect(200);
    expect(before.body.data).toMatchObject({ email, fullName: null, phone: null, village: null, groups: [], notifyBy: 'email', language: 'th', lineLinked: false, confirmed: true });
    const res = await request(app.url)
      .put('/api/account')
      .set(bearer(jwt))
      .send({ data: { fullName: 'สมชาย ทดสอบ', phone: '081-234-5678', village: 3, groups: ['elderly', 'farmers'], notifyBy: 'none', language: 'en' } })
      .expect(200);
    expect(res.body.data).toMatchObject({ fullName: 'สมชาย ทดสอบ', phone: '0812345678', village: 3, groups: ['elderly', 'farmers'], notifyBy: 'none', language: 'en' });
    expect(Object.keys(res.body.data).sort()).toEqual(['confirmed', 'createdAt', 'email', 'fullName', 'groups', 'id', 'language', 'lineLinked', 'notifyBy', 'phone', 'village']);
    const cleared = await request(app.url).put('/api/account').set(bearer(jwt)).send({ data: { phone: '', village: null } }).expect(200);
    expect(cleared.body.data).toMatchObject({ fullName: 'สมชาย ทดสอบ', phone: null, village: null });
  });

  it('names every wrong field with its code, in Thai and in English', async () => {
    const bad = { data: { fullName: 'x'.repeat(121), phone: '12345', village: 21, groups: ['pilots'], notifyBy: 'fax', language: 'fr', email: 'other@example.test' } };
    const th = await request(app.url).put('/api/account').set(bearer(jwt)).send(bad).expect(400);
    const en = await request(app.url).put('/api/account').set(bearer(jwt)).set('Accept-Language', 'en').send(bad).expect(400);
    const named = (res: request.Response) => (res.body.error.details.errors as Array<{ path: unknown[]; code: string; message: string }>).map((e) => [e.path.join('.'), e.code]).sort();
    expect(named(th)).toEqual(
      [
        ['data.email', 'unknown_field'],
        ['data.fullName', 'too_long'],
        ['data.groups.0', 'invalid_choice'],
        ['data.language', 'invalid_choice'],
        ['data.notifyBy', 'invalid_choice'],
        ['data.phone', 'invalid_phone'],
        ['data.village', 'too_large'],
      ].sort()
    );
    expect(named(en)).toEqual(named(th));
    const phoneTh = th.body.error.details.errors.find((e: { code: string }) => e.code === 'invalid_phone').message as string;
    const phoneEn = en.body.error.details.errors.find((e: { code: string }) => e.code === 'invalid_phone').message as string;
    expect(phoneTh).toMatch(/[\u0e00-\u0e7f]/);
    expect(phoneEn).toMatch(/phone/i);
  });

  it('refuses LINE notifications without a linked LINE account', async () => {
    const th = await request(app.url).put('/api/account').set(bearer(jwt)).send({ data: { notifyBy: 'line' } }).expect(400);
    expect(th.body.error.details.errors).toEqual([expect.objectContaining({ path: ['data', 'notifyBy'], code: 'line_not_linked' })]);
    const en = await request(app.url).put('/api/account?locale=en').set(bearer(jwt)).send({ data: { notifyBy: 'line' } }).expect(400);
    expect(en.body.error.details.errors[0].message).toMatch(/LINE/);
    expect(en.body.error.details.errors[0].message).not.toBe(th.body.error.details.errors[0].message);
  });
});

describe('export and deletion', () => {
  const email = 'leaving@example.test';
  const fullName = 'มานี ลบบัญชี';
  const phone = '0899990001';
  let jwt: string;
  let id: number;
  beforeAll(async () => {
    await signUp(email);
    ({ jwt } = await signIn(email));
    await request(app.url).put('/api/account').set(bearer(jwt)).send({ data: { fullName, phone, village: 5 } }).expect(200);
    id = (await app.strapi.db.query(USER).findOne({ where: { email } })).id;
  });

  it('exports the profile and every registered source as a JSON attachment', async () => {
    const res = await request(app.url).get('/api/account/export').set(bearer(jwt)).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="nokok-account-${id}.json"`);
    expect(res.body.account).toMatchObject({ id, email, fullName, phone, village: 5 });
    expect(Date.parse(res.body.exportedAt)).not.toBeNaN();
    expect(res.body.testRecords).toEqual([{ kind: 'test', userId: id }]);
    const registered = (app.strapi.service('api::account.data') as AccountDataService).sources().map((s) => s.name);
    for (const name of registered) expect(Array.isArray(res.body[name])).toBe(true);
  });

  it('asks for the password (or a code) and refuses a wrong one', async () => {
    const none = await request(app.url).delete('/api/account').set(bearer(jwt)).send({}).expect(400);
    expect(none.body.error.details.errors[0].code).toBe('password_or_code_required');
    const wrong = await request(app.url).delete('/api/account').set(bearer(jwt)).send({ password: 'not-it' }).expect(400);
    expect(wrong.body.error.details.errors[0].code).toBe('invalid_password');
    const badCode = await request(app.url).delete('/api/account').set(bearer(jwt)).send({ code: '000000' }).expect(400);
    expect(badCode.body.error.details.errors[0].code).toBe('invalid_code');
  });

  it("deletes the user, runs every source's erase, ends the sessions, and leaves the person in no table", async () => {
    await request(app.url).delete('/api/account').set(bearer(jwt)).send({ password: PASSWORD }).expect(204);
    expect(source.erased).toEqual([id]);
    expect(await app.strapi.db.query(USER).findOne({ where: { id } })).toBeNull();
    await request(app.url).get('/api/account').set(bearer(jwt)).expect(401);
    await request(app.url).post('/api/auth/local').send({ identifier: email, password: PASSWORD }).expect(400);

    const knex = app.strapi.db.connection;
    const client = String(app.strapi.db.config.connection.client);
    const tables: string[] = /sqlite/.test(client)
      ? (await knex.raw<Array<{ name: string }>>("select name from sqlite_master where type = 'table'")).map((r) => r.name)
      : (await knex.raw<{ rows: Array<{ name: string }> }>('select table_name as name from information_schema.tables where table_schema = current_schema()')).rows.map((r) => r.name);
    // Every content type's table is among them (the scan reads all tables, not a list of ours).
    for (const meta of app.strapi.db.metadata.values()) expect(tables).toContain(meta.tableName);
    const found: string[] = [];
    for (const table of tables) {
      const rows = JSON.stringify(await knex(table).select('*'));
      for (const needle of [email, fullName, phone]) if (rows.includes(needle)) found.push(`${table}: ${needle}`);
    }
    expect(found).toEqual([]);
  });

  it('deletes an account confirmed by a sign-in code instead of the password', async () => {
    const other = 'by-code@example.test';
    await signUp(other);
    const { jwt: token } = await signIn(other);
    const code = await requestCode(other);
    await request(app.url).delete('/api/account').set(bearer(token)).send({ code }).expect(204);
    expect(await app.strapi.db.query(USER).findOne({ where: { email: other } })).toBeNull();
    await request(app.url).get('/api/account').set(bearer(token)).expect(401);
  });
});
