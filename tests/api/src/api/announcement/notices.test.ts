import crypto from 'crypto';
import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { startSmtp, type SmtpCapture } from '../../../../helpers/smtp';
import { startFakePlatform, type FakePlatform, type PlatformCall } from '../../../../helpers/fake-platform';

/**
 * Notices of issue 19: targeted announcements reach exactly the accounts they are for (page, e-mail
 * through the local SMTP server, LINE push through the local fake), public notices show only what
 * is public and in force, a LINE user links by sending a one-time code, and the owner of a case
 * hears of its changes by the channel they chose.
 */
const SECRET = 'line-notices-secret';
const ANNOUNCEMENT = 'api::announcement.announcement';
const DELIVERY = 'api::announcement.notice-delivery';
const COMPLAINT = 'api::complaint.complaint';
const USER = 'plugin::users-permissions.user';
const CM = '/content-manager/collection-types';

let app: TestApp;
let smtp: SmtpCapture;
let line: FakePlatform;
let editor: { token: string };
let seq = 0;

interface Account {
  id: number;
  email: string;
  jwt: string;
}

/** An account as sign-up and confirmation leave it, signed in (jwt) through /api/auth/local. */
const PASSWORD = 'Citizen12345!';
async function account(name: string, profile: Record<string, unknown> = {}, { confirmed = true } = {}): Promise<Account> {
  const email = `${name}-${crypto.randomBytes(3).toString('hex')}@example.test`;
  const password = PASSWORD;
  const role = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } })) as { id: number };
  const user = (await app.strapi.plugin('users-permissions').service('user').add({ username: email, email, password, provider: 'local', confirmed, blocked: false, role: role.id, ...profile })) as { id: number };
  if (!confirmed) return { id: user.id, email, jwt: '' };
  const res = await request(app.url).post('/api/auth/local').send({ identifier: email, password }).expect(200);
  return { id: user.id, email, jwt: res.body.jwt as string };
}
const as = (a: Account) => ({ Authorization: `Bearer ${a.jwt}` });

/** Waits for the deliveries of what was just published and for the outbox to send their messages. */
async function settled() {
  await app.strapi.service('api::announcement.notices').idle();
  await app.strapi.plugin('complaint-workflow').service('outbox').flush();
}

const pushesTo = (user: string) => line.calls.filter((c) => c.path === '/v2/bot/message/push' && c.body.to === user);
const sign = (raw: string) => crypto.createHmac('sha256', SECRET).update(raw).digest('base64');
/** A LINE user's text message, signed as LINE signs it, handled before this resolves. */
async function lineSays(userId: string, text: string) {
  seq += 1;
  const event = { type: 'message', webhookEventId: `01NOTICE${seq}`, replyToken: `reply-notice-${seq}`, timestamp: Date.now(), source: { type: 'user', userId }, mode: 'active', message: { id: `n${seq}`, type: 'text', text } };
  const raw = JSON.stringify({ destination: 'Uxxxxxxxx', events: [event] });
  await request(app.url).post('/api/channels/line/webhook').set('Content-Type', 'application/json').set('X-Line-Signature', sign(raw)).send(raw).expect(200);
  await app.strapi.service('api::channel.chat').idle();
  await app.strapi.plugin('complaint-workflow').service('outbox').idle();
  return event.replyToken;
}
const replyTo = (token: string) => (c: PlatformCall) => c.path === '/v2/bot/message/reply' && c.body.replyToken === token;

beforeAll(async () => {
  smtp = await startSmtp();
  line = await startFakePlatform(Buffer.from(''));
  app = await startApp({
    RATE_LIMIT_PER_MINUTE: '1000',
    AUTH_LIMIT_PER_MINUTE: '1000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    EMAIL_FROM: 'nokok@example.test',
    PUBLIC_URL: 'https://nokok.example',
    LINE_CHANNEL_SECRET: SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: 'line-notices-token',
    LINE_API_BASE_URL: line.url,
    LINE_DATA_API_BASE_URL: line.url,
  });
  editor = await createAdmin(app, { role: 'nokok-content-editor' });
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'other', nameTh: 'เรื่องอื่น ๆ', nameEn: 'Other', deadlineDays: 15, confidential: false, active: true },
  });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  await line?.close();
});

describe('a notice for one village', () => {
  let byMail: Account, byLine: Account, elsewhere: Account, quiet: Account;
  const LINE_USER = 'U0000000000000000000000000village3';

  beforeAll(async () => {
    byMail = await account('mail', { village: 3, notifyBy: 'email' });
    byLine = await account('line', { village: 3, notifyBy: 'line', lineUserId: LINE_USER, lineLinkedAt: new Date() });
    elsewhere = await account('elsewhere', { village: 4, notifyBy: 'email' });
    quiet = await account('quiet', { village: 3, notifyBy: 'none' });
    await account('unconfirmed', { village: 3 }, { confirmed: false });
  });

  it('is written and published by a content editor and reaches exactly the accounts of that village, each by their channel', async () => {
    const created = await request(app.url)
      .post(`${CM}/${ANNOUNCEMENT}`)
      .set('Authorization', `Bearer ${editor.token}`)
      .send({ titleTh: 'ZZVILLAGE3 ประปาหยุดจ่ายน้ำ', bodyTh: 'หมู่ 3 น้ำไม่ไหลวันพุธ 9.00–15.00 น.', audience: 'village', village: 3, public: false, sendByChannel: true })
      .expect(201);
    const documentId = created.body.data.documentId as string;
    await request(app.url).post(`${CM}/${ANNOUNCEMENT}/${documentId}/actions/publish`).set('Authorization', `Bearer ${editor.token}`).send({}).expect(200);
    await settled();

    const deliveries = (await app.strapi.db.query(DELIVERY).findMany({ where: { announcementDocumentId: documentId }, populate: { user: { select: ['id'] } } })) as Array<{ user: { id: number }; channel: string; state: string }>;
    expect(deliveries.map((d) => [d.user.id, d.channel, d.state]).sort()).toEqual(
      [
        [byMail.id, 'email', 'queued'],
        [byLine.id, 'line', 'queued'],
        [quiet.id, 'none', 'listed'],
      ].sort()
    );
    const mail = await smtp.waitFor((m) => m.subject.includes('ZZVILLAGE3'));
    expect(mail.to).toEqual([byMail.email]);
    expect(mail.text).toContain('น้ำไม่ไหลวันพุธ');
    expect(mail.text).toContain('https://nokok.example/account');
    const push = await line.waitFor((c) => c.path === '/v2/bot/message/push' && JSON.stringify(c.body).includes('ZZVILLAGE3'));
    expect(push.body.to).toBe(LINE_USER);
    // Nobody else was written to.
    expect(smtp.mails.filter((m) => m.subject.includes('ZZVILLAGE3')).flatMap((m) => m.to)).toEqual([byMail.email]);
    expect(line.calls.filter((c) => JSON.stringify(c.body).includes('ZZVILLAGE3'))).toHaveLength(1);

    // Publishing again (after an edit) reaches nobody twice.
    await request(app.url).put(`${CM}/${ANNOUNCEMENT}/${documentId}`).set('Authorization', `Bearer ${editor.token}`).send({ bodyTh: 'หมู่ 3 น้ำไม่ไหลวันพุธ 9.00–16.00 น.' }).expect(200);
    await request(app.url).post(`${CM}/${ANNOUNCEMENT}/${documentId}/actions/publish`).set('Authorization', `Bearer ${editor.token}`).send({}).expect(200);
    await settled();
    expect(await app.strapi.db.query(DELIVERY).count({ where: { announcementDocumentId: documentId } })).toBe(3);
    expect(smtp.mails.filter((m) => m.subject.includes('ZZVILLAGE3'))).toHaveLength(1);
  });

  it('shows on the page of each account it reached, read once marked, and on no other', async () => {
    const mine = await request(app.url).get('/api/account/notices').set(as(byMail)).expect(200);
    expect(mine.body.data).toHaveLength(1);
    const [notice] = mine.body.data;
    expect(notice).toMatchObject({ read: false, readAt: null, channel: 'email', notice: { title: 'ZZVILLAGE3 ประปาหยุดจ่ายน้ำ', audience: 'village', village: 3 } });
    // The newest text after the second publish.
    expect(notice.notice.body).toContain('16.00');
    expect((await request(app.url).get('/api/account/notices').set(as(elsewhere)).expect(200)).body.data).toEqual([]);
    expect((await request(app.url).get('/api/account/notices').set(as(quiet)).expect(200)).body.data).toHaveLength(1);

    // Someone else's delivery is no different from none.
    await request(app.url).post(`/api/account/notices/${notice.id}/read`).set(as(elsewhere)).expect(404);
    await request(app.url).post('/api/account/notices/999999/read').set(as(byMail)).expect(404);
    const read = await request(app.url).post(`/api/account/notices/${notice.id}/read`).set(as(byMail)).expect(200);
    expect(read.body.data).toMatchObject({ id: notice.id, read: true, readAt: expect.any(String) });
  });

  it('is for signed-in people only', async () => {
    const res = await request(app.url).get('/api/account/notices').expect(401);
    expect(res.body.error.details.code).toBe('sign_in_required');
    await request(app.url).post('/api/account/notices/1/read').expect(401);
    await request(app.url).post('/api/account/line-link').expect(401);
  });

  it('is in the account export', async () => {
    const data = (await app.strapi.service('api::announcement.notices').exportFor(byMail.id)) as Array<{ title: { th: string } }>;
    expect(data).toEqual([expect.objectContaining({ title: { th: 'ZZVILLAGE3 ประปาหยุดจ่ายน้ำ', en: null }, channel: 'email' })]);
  });
});

describe('public notices', () => {
  it('lists only published, public notices in force, in the language asked for, with nothing personal', async () => {
    const docs = app.strapi.documents(ANNOUNCEMENT);
    const base = { bodyTh: 'ข้อความ', audience: 'everyone' as const, sendByChannel: false };
    const shown = await docs.create({ data: { ...base, titleTh: 'ZZPUBLIC ตลาดนัด', titleEn: 'ZZPUBLIC Market', bodyEn: 'Text', public: true }, status: 'published' });
    await docs.create({ data: { ...base, titleTh: 'ZZPRIVATE เฉพาะสมาชิก', public: false }, status: 'published' });
    await docs.create({ data: { ...base, titleTh: 'ZZEXPIRED หมดอายุ', public: true, expiresAt: new Date(Date.now() - 60_000).toISOString() }, status: 'published' });
    const draft = await docs.create({ data: { ...base, titleTh: 'ZZDRAFT ร่าง', public: true } });
    await settled();

    const list = await request(app.url).get('/api/notices').expect(200);
    const titles = list.body.data.map((n: { title: string }) => n.title);
    expect(titles).toEqual(['ZZPUBLIC ตลาดนัด']);
    expect(list.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 1 });
    expect(Object.keys(list.body.data[0]).sort()).toEqual(['audience', 'body', 'expiresAt', 'id', 'language', 'publishedAt', 'title', 'village']);
    expect(JSON.stringify(list.body)).not.toMatch(/@example\.test|createdBy|updatedBy/);
    expect(list.headers.etag).toBeDefined();

    const en = await request(app.url).get('/api/notices').query({ locale: 'en' }).expect(200);
    expect(en.body.data[0]).toMatchObject({ title: 'ZZPUBLIC Market', language: 'en' });
    expect((await request(app.url).get(`/api/notices/${shown.documentId}`).expect(200)).body.data.title).toBe('ZZPUBLIC ตลาดนัด');
    const missing = await request(app.url).get(`/api/notices/${draft.documentId}`).expect(404);
    expect(missing.body.error.details.code).toBe('notice_not_found');
    await request(app.url).get('/api/notices').query({ pageSize: 500 }).expect(400);
  });
});

describe('linking LINE with a one-time code', () => {
  const LINKER = 'U1111111111111111111111111linker';

  it('links the account of a live code sent to the Official Account, answers in Thai and opens no complaint', async () => {
    const person = await account('linker', { village: 5 });
    const issued = await request(app.url).post('/api/account/line-link').set(as(person)).expect(201);
    expect(issued.body.data).toMatchObject({ code: expect.stringMatching(/^NOKOK-\d{6}$/), expiresAt: expect.any(String) });
    const complaints = await app.strapi.db.query(COMPLAINT).count();

    const reply = await lineSays(LINKER, ` ${issued.body.data.code.toLowerCase()} `);
    expect((await line.waitFor(replyTo(reply))).body.messages[0].text).toContain('เชื่อม LINE นี้กับบัญชีผู้ใช้');
    expect(await app.strapi.db.query(COMPLAINT).count()).toBe(complaints);
    expect(await app.strapi.db.query(USER).findOne({ where: { id: person.id }, select: ['lineUserId'] })).toMatchObject({ lineUserId: LINKER });
    expect(await app.strapi.service('api::announcement.line-link').exportFor(person.id)).toEqual([{ lineUserId: LINKER, linkedAt: expect.any(String) }]);

    // The code was used up: sent again it is an ordinary message, which opens a complaint.
    await lineSays(LINKER, issued.body.data.code);
    expect(await app.strapi.db.query(COMPLAINT).count()).toBe(complaints + 1);

    // The same LINE user linked to another account leaves the first.
    const other = await account('other-linker');
    const second = await request(app.url).post('/api/account/line-link').set(as(other)).expect(201);
    await lineSays(LINKER, second.body.data.code);
    expect(await app.strapi.db.query(USER).findOne({ where: { id: person.id }, select: ['lineUserId'] })).toMatchObject({ lineUserId: null });
    expect(await app.strapi.db.query(USER).findOne({ where: { id: other.id }, select: ['lineUserId'] })).toMatchObject({ lineUserId: LINKER });

    // Unlinked: LINE messages fall back to e-mail.
    await app.strapi.db.query(USER).update({ where: { id: other.id }, data: { notifyBy: 'line' } });
    await request(app.url).delete('/api/account/line-link').set(as(other)).expect(204);
    expect(await app.strapi.db.query(USER).findOne({ where: { id: other.id }, select: ['lineUserId', 'notifyBy'] })).toMatchObject({ lineUserId: null, notifyBy: 'email' });
  });

  it('takes an expired or unknown code for an ordinary message: the complaint flow as usual', async () => {
    const person = await account('late');
    const issued = await request(app.url).post('/api/account/line-link').set(as(person)).expect(201);
    const CODE = 'api::announcement.line-link-code';
    const codes = (await app.strapi.db.query(CODE).findMany({ where: { user: { id: person.id } }, select: ['id'] })) as Array<{ id: number }>;
    expect(codes).toHaveLength(1);
    await app.strapi.db.query(CODE).update({ where: { id: codes[0].id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await app.strapi.db.query(COMPLAINT).count();
    await lineSays('U2222222222222222222222222222late', issued.body.data.code);
    const filed = await app.strapi.db.query(COMPLAINT).findMany({ where: { platformUserId: 'U2222222222222222222222222222late' } });
    expect(filed).toHaveLength(1);
    expect(filed[0].description).toBe(issued.body.data.code);
    await lineSays('U3333333333333333333333333unknown', 'NOKOK-000000');
    expect(await app.strapi.db.query(COMPLAINT).count()).toBe(before + 2);
    expect(await app.strapi.db.query(USER).findOne({ where: { id: person.id }, select: ['lineUserId'] })).toMatchObject({ lineUserId: null });
  });

  it('stops checking codes from a LINE user after five wrong ones, even a right one, and says so in Thai', async () => {
    const GUESSER = 'U4444444444444444444444444guesser';
    const person = await account('guessed');
    const issued = await request(app.url).post('/api/account/line-link').set(as(person)).expect(201);
    for (let i = 0; i < 5; i++) await lineSays(GUESSER, `NOKOK-00000${i}`);
    const complaints = await app.strapi.db.query(COMPLAINT).count();
    const reply = await lineSays(GUESSER, issued.body.data.code);
    expect((await line.waitFor(replyTo(reply))).body.messages[0].text).toContain('ส่งรหัสเชื่อมบัญชีผิดหลายครั้งเกินไป');
    expect(await app.strapi.db.query(COMPLAINT).count()).toBe(complaints);
    expect(await app.strapi.db.query(USER).findOne({ where: { id: person.id }, select: ['lineUserId'] })).toMatchObject({ lineUserId: null });
    // Another LINE user is not held up by the guesser: the same code still links.
    await lineSays('U5555555555555555555555555555owner', issued.body.data.code);
    expect(await app.strapi.db.query(USER).findOne({ where: { id: person.id }, select: ['lineUserId'] })).toMatchObject({ lineUserId: 'U5555555555555555555555555555owner' });
  });
});

describe('the owner of a case', () => {
  const OWNER_LINE = 'U4444444444444444444444444owner';
  const engine = () => app.strapi.plugin('complaint-workflow').service('engine');
  const staff = { type: 'staff' as const, user: null };

  /** A complaint filed from the website with this contact e-mail, owned by this account. */
  async function ownedComplaint(owner: Account, contactEmail: string) {
    const res = await request(app.url)
      .post('/api/complaints')
      .send({ data: { category: 'other', description: `ZZOWNED ถนนเป็นหลุม ${crypto.randomBytes(2).toString('hex')}`, contact: { email: contactEmail }, consent: true } })
      .expect(201);
    const { trackingCode } = res.body.data as { trackingCode: string };
    const { id } = (await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode }, select: ['id'] })) as { id: number };
    await app.strapi.db.query(COMPLAINT).update({ where: { id }, data: { owner: owner.id } });
    return { id, trackingCode };
  }
  const mailsAbout = (code: string) => smtp.mails.filter((m) => m.subject.includes(code));

  it('hears of a status change and a reply by e-mail, besides the contact given when filing', async () => {
    const owner = await account('owner-mail', { notifyBy: 'email' });
    const { id, trackingCode } = await ownedComplaint(owner, 'contact-given@example.test');
    await engine().transition('complaint', id, 'accept', staff);
    await engine().reply('complaint', id, staff, 'ZZREPLY ช่างจะเข้าไปวันศุกร์');
    await settled();
    await smtp.waitFor((m) => m.to.includes(owner.email) && m.text.includes('ZZREPLY'));
    const toOwner = mailsAbout(trackingCode).filter((m) => m.to.includes(owner.email));
    expect(toOwner).toHaveLength(2);
    expect(toOwner[0].text).toContain(`https://nokok.example/track?code=${trackingCode}`);
    // The contact given when filing still gets its own (receipt, change, reply).
    expect(mailsAbout(trackingCode).filter((m) => m.to.includes('contact-given@example.test'))).toHaveLength(3);
  });

  it('is not written to twice when the owner’s e-mail is the contact e-mail', async () => {
    const owner = await account('owner-same', { notifyBy: 'email' });
    const { id, trackingCode } = await ownedComplaint(owner, owner.email.toUpperCase());
    await engine().transition('complaint', id, 'accept', staff);
    await settled();
    await smtp.waitFor((m) => m.subject.includes(trackingCode) && !m.subject.includes('ได้รับเรื่องร้องเรียนแล้ว'));
    // Receipt and the change, once each.
    expect(mailsAbout(trackingCode)).toHaveLength(2);
  });

  it('hears by LINE push when that is their channel', async () => {
    const owner = await account('owner-line', { notifyBy: 'line', lineUserId: OWNER_LINE, lineLinkedAt: new Date() });
    const { id, trackingCode } = await ownedComplaint(owner, 'contact-line@example.test');
    await engine().transition('complaint', id, 'accept', staff);
    await settled();
    const push = await line.waitFor((c) => c.path === '/v2/bot/message/push' && c.body.to === OWNER_LINE);
    expect(push.body.messages[0].text).toContain(trackingCode);
    expect(mailsAbout(trackingCode).filter((m) => m.to.includes(owner.email))).toEqual([]);
  });

  it('hears of an e-service request by LINE too: its e-mail words as a LINE message', async () => {
    const LINE_ID = 'U6666666666666666666666666eservice';
    const owner = await account('owner-eservice', { notifyBy: 'line', lineUserId: LINE_ID, lineLinkedAt: new Date(), language: 'en' });
    const created = await engine().create('e-service', { title: 'ZZFORM residence certificate', description: 'x', answers: {}, channel: 'web', language: 'th', owner: owner.id }, { type: 'citizen' });
    await engine().transition('e-service', created.id, 'check', staff);
    await settled();
    const push = await line.waitFor((c) => c.path === '/v2/bot/message/push' && c.body.to === LINE_ID);
    // In the account's language (English), with the tracking code.
    expect(push.body.messages[0].text).toContain(created.trackingCode);
    expect(push.body.messages[0].text).toContain('/en/track?code=');
  });

  it('hears nothing extra when they chose none', async () => {
    const owner = await account('owner-none', { notifyBy: 'none', lineUserId: 'U5555555555555555555555555none', lineLinkedAt: new Date() });
    const { id, trackingCode } = await ownedComplaint(owner, 'contact-none@example.test');
    await engine().transition('complaint', id, 'accept', staff);
    await engine().reply('complaint', id, staff, 'ZZNONE ได้รับแล้ว');
    await settled();
    await smtp.waitFor((m) => m.to.includes('contact-none@example.test') && m.text.includes('ZZNONE'));
    expect(mailsAbout(trackingCode).filter((m) => m.to.includes(owner.email))).toEqual([]);
    expect(pushesTo('U5555555555555555555555555none')).toEqual([]);
    const outbox = await app.strapi.db.query('plugin::complaint-workflow.outbox-message').findMany({ where: { caseType: 'complaint', caseId: id } });
    expect(outbox.map((m: { recipient: string }) => m.recipient)).toEqual(['contact-none@example.test', 'contact-none@example.test', 'contact-none@example.test']);
  });
});

describe('the account’s data', () => {
  it('exports the person’s notices and LINE link, and deleting the account leaves neither their e-mail nor their LINE id anywhere', async () => {
    const LINE_ID = `U${crypto.randomBytes(16).toString('hex')}`;
    const person = await account('erased', { village: 7, notifyBy: 'line', lineUserId: LINE_ID, lineLinkedAt: new Date() });
    // A notice by LINE, and a case update by LINE (their own complaint, filed signed in without an e-mail).
    await app.strapi.documents(ANNOUNCEMENT).create({ data: { titleTh: 'ZZERASE หมู่ 7', bodyTh: 'ข้อความ', audience: 'village', village: 7, public: false, sendByChannel: true }, status: 'published' });
    const filed = await request(app.url).post('/api/complaints').set(as(person)).send({ data: { category: 'other', description: 'ZZERASE ไฟดับ' } }).expect(201);
    const { id, owner } = (await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: filed.body.data.trackingCode }, select: ['id'], populate: { owner: { select: ['id'] } } })) as { id: number; owner: { id: number } };
    expect(owner.id).toBe(person.id);
    await app.strapi.plugin('complaint-workflow').service('engine').transition('complaint', id, 'accept', { type: 'staff', user: null });
    await settled();
    expect(pushesTo(LINE_ID)).toHaveLength(2);

    const exported = await request(app.url).get('/api/account/export').set(as(person)).expect(200);
    const data = JSON.parse(exported.text) as { notices: Array<{ title: { th: string } }>; lineLink: Array<{ lineUserId: string }> };
    expect(data.notices.map((n) => n.title.th)).toEqual(['ZZERASE หมู่ 7']);
    expect(data.lineLink).toEqual([{ lineUserId: LINE_ID, linkedAt: expect.any(String) }]);

    await request(app.url).delete('/api/account').set(as(person)).send({ password: PASSWORD }).expect(204);
    expect(await app.strapi.db.query(DELIVERY).count({ where: { user: { id: person.id } } })).toBe(0);
    const knex = app.strapi.db.connection;
    const client = String(app.strapi.db.config.connection.client);
    const tables = /sqlite/.test(client)
      ? (await knex.raw<Array<{ name: string }>>("select name from sqlite_master where type = 'table'")).map((t) => t.name)
      : (await knex.raw<{ rows: Array<{ name: string }> }>('select table_name as name from information_schema.tables where table_schema = current_schema()')).rows.map((t) => t.name);
    const hits: string[] = [];
    for (const table of tables) {
      const text = JSON.stringify(await knex(table).select('*'));
      for (const marker of [person.email, LINE_ID]) if (text.includes(marker)) hits.push(`${table}: ${marker}`);
    }
    expect(hits).toEqual([]);
  });
});
