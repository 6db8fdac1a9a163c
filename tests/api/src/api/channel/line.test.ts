import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import sharp from 'sharp';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { startFakePlatform, type FakePlatform, type PlatformCall } from '../../../../helpers/fake-platform';

const SECRET = 'line-test-channel-secret';
const TOKEN = 'line-test-access-token';
const USER = 'U0123456789abcdefZZLINEUSER';
const COMPLAINT = 'api::complaint.complaint';

let app: TestApp;
let fake: FakePlatform;
let staff: { token: string };
let seq = 0;

const sign = (raw: string, secret = SECRET) => crypto.createHmac('sha256', secret).update(raw).digest('base64');
const event = (type: string, extra: Record<string, unknown>, user = USER) => ({
  type,
  webhookEventId: `01HEVENT${(seq += 1)}`,
  replyToken: `reply-${seq}`,
  timestamp: Date.now(),
  source: { type: 'user', userId: user },
  deliveryContext: { isRedelivery: false },
  mode: 'active',
  ...extra,
});
const textEvent = (text: string, user = USER) => event('message', { message: { id: `m${seq + 1}`, type: 'text', text } }, user);

/** Posts a batch as LINE does, signed unless told otherwise, then waits until it has been handled. */
async function deliver(events: unknown[], signature?: string | null) {
  const raw = JSON.stringify({ destination: 'Uxxxxxxxx', events });
  let req = request(app.url).post('/api/channels/line/webhook').set('Content-Type', 'application/json');
  if (signature !== null) req = req.set('X-Line-Signature', signature ?? sign(raw));
  const res = await req.send(raw);
  await app.strapi.service('api::channel.chat').idle();
  await app.strapi.plugin('complaint-workflow').service('outbox').idle();
  return res;
}
const replyTo = (token: string) => (c: PlatformCall) => c.path === '/v2/bot/message/reply' && c.body.replyToken === token;
const lineCases = () => app.strapi.db.query(COMPLAINT).findMany({ where: { channel: 'line' }, populate: ['photos', 'events'] });

beforeAll(async () => {
  fake = await startFakePlatform(await sharp({ create: { width: 800, height: 600, channels: 3, background: '#357' } }).jpeg().toBuffer());
  app = await startApp({
    RATE_LIMIT_PER_MINUTE: '1000',
    LINE_CHANNEL_SECRET: SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
    PUBLIC_URL: 'https://nokok.example',
  });
  staff = await createAdmin(app);
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'other', nameTh: 'เรื่องอื่น ๆ', nameEn: 'Other', deadlineDays: 15, confidential: false, active: true },
  });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('POST /api/channels/line/webhook', () => {
  it('opens one complaint from a signed text message and replies with its tracking code', async () => {
    const e = textEvent('ไฟทางหน้าบ้านดับ 3 ดวง');
    const res = await deliver([e]);
    expect(res.status).toBe(200);
    const [c] = await lineCases();
    // A chat does not say its language: the case is Thai, and so is the bot's answer.
    expect(c).toMatchObject({ channel: 'line', platformUserId: USER, description: 'ไฟทางหน้าบ้านดับ 3 ดวง', state: 'received', language: 'th' });
    const reply = await fake.waitFor(replyTo(e.replyToken));
    expect(reply.auth).toBe(`Bearer ${TOKEN}`);
    const due = new Date(c.dueAt).toLocaleDateString('th-TH', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'long', year: 'numeric' });
    expect(reply.body.messages[0].text).toBe(
      [
        `รับเรื่องแล้ว รหัสติดตาม ${c.trackingCode}`,
        `กำหนดดำเนินการภายใน ${due}`,
        'ส่งรายละเอียด รูปภาพ หรือตำแหน่งเพิ่มเติมในแชตนี้ได้เลย',
        `พิมพ์ "สถานะ" เพื่อดูความคืบหน้า หรือดูที่ https://nokok.example/track?code=${c.trackingCode}`,
      ].join('\n')
    );
  });

  it('adds a photo, a location and further text to the open complaint', async () => {
    const image = event('message', { message: { id: 'img-1', type: 'image', contentProvider: { type: 'line' } } });
    const place = event('message', { message: { id: 'loc-1', type: 'location', title: 'ซอย 3', address: 'หมู่ 5 ต.นกออก', latitude: 14.721234, longitude: 102.021987 } });
    const more = textEvent('ดับมาตั้งแต่สัปดาห์ก่อน');
    await deliver([image, place, more]);
    const cases = await lineCases();
    expect(cases).toHaveLength(1);
    const [c] = cases;
    expect(c.photos).toHaveLength(1);
    expect(c.photos[0]).toMatchObject({ mime: 'image/jpeg', width: 800, height: 600 });
    // Kept privately like a website photo, with its thumbnail; nothing in the Media Library.
    const dir = path.join(process.env.PRIVATE_FILES_DIR!, 'complaint-photos');
    expect(fs.readdirSync(dir).sort()).toEqual([`${c.photos[0].key}.jpg`, `${c.photos[0].key}.thumb.jpg`]);
    expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(0);
    expect(Number(c.lat)).toBeCloseTo(14.721234, 6);
    expect(Number(c.lng)).toBeCloseTo(102.021987, 6);
    expect(c.address).toBe('ซอย 3 หมู่ 5 ต.นกออก');
    const messages = c.events.filter((ev: { kind: string }) => ev.kind === 'citizen_message').map((ev: { message: string }) => ev.message);
    expect(messages).toEqual(['[รูปภาพ]', '[ตำแหน่ง] 14.721234, 102.021987 ซอย 3 หมู่ 5 ต.นกออก', 'ดับมาตั้งแต่สัปดาห์ก่อน']);
    expect((await fake.waitFor(replyTo(more.replyToken))).body.messages[0].text).toBe(`เพิ่มข้อมูลในเรื่อง ${c.trackingCode} แล้ว`);
  });

  it('answers the status keyword with the case state', async () => {
    const ask = textEvent('สถานะ');
    await deliver([ask]);
    expect((await fake.waitFor(replyTo(ask.replyToken))).body.messages[0].text).toMatch(/^เรื่อง NK-\d{4}-\w{5}: รับเรื่องแล้ว/);
    expect(await lineCases()).toHaveLength(1);
  });

  it('refuses a bad or missing signature with 401 and stores nothing', async () => {
    const before = await app.strapi.db.query(COMPLAINT).count();
    const events = await app.strapi.db.query('api::channel-event.channel-event').count();
    expect((await deliver([textEvent('ปลอม', 'Uforged')], sign('something else'))).status).toBe(401);
    expect((await deliver([textEvent('ปลอม', 'Uforged')], sign(JSON.stringify({ events: [] }), 'wrong-secret'))).status).toBe(401);
    expect((await deliver([textEvent('ปลอม', 'Uforged')], null)).status).toBe(401);
    expect(await app.strapi.db.query(COMPLAINT).count()).toBe(before);
    expect(await app.strapi.db.query('api::channel-event.channel-event').count()).toBe(events);
  });

  it('ignores a redelivered event', async () => {
    const first = textEvent('น้ำประปาไม่ไหล', 'Uredelivery');
    await deliver([first]);
    const calls = fake.calls.length;
    await deliver([{ ...first, deliveryContext: { isRedelivery: true } }]);
    expect(await app.strapi.db.query(COMPLAINT).count({ where: { platformUserId: 'Uredelivery' } })).toBe(1);
    expect(fake.calls.length).toBe(calls);
  });

  it('is off, with 404, while the channel has no secret', async () => {
    const line = app.strapi.config.get<{ channelSecret: string }>('channels.line');
    const saved = line.channelSecret;
    line.channelSecret = '';
    try {
      const raw = JSON.stringify({ events: [] });
      await request(app.url).post('/api/channels/line/webhook').set('Content-Type', 'application/json').set('X-Line-Signature', sign(raw)).send(raw).expect(404);
    } finally {
      line.channelSecret = saved;
    }
  });
});

describe('GET /complaint-workflow/channels', () => {
  it('shows staff each webhook URL and which channels are on, naming what is unset', async () => {
    const res = await request(app.url).get('/complaint-workflow/channels').set('Authorization', `Bearer ${staff.token}`).expect(200);
    expect(res.body.channels).toEqual([
      { id: 'line', name: expect.any(Object), webhookUrl: 'https://nokok.example/api/channels/line/webhook', configured: true, missing: [] },
      {
        id: 'facebook',
        name: expect.any(Object),
        webhookUrl: 'https://nokok.example/api/channels/facebook/webhook',
        configured: false,
        missing: ['FACEBOOK_APP_SECRET', 'FACEBOOK_VERIFY_TOKEN', 'FACEBOOK_PAGE_ACCESS_TOKEN'],
      },
    ]);
    await request(app.url).get('/complaint-workflow/channels').expect(401);
  });
});

describe('bot texts staff can reword', () => {
  const texts = () => request(app.url).put('/complaint-workflow/channels/texts').set('Authorization', `Bearer ${staff.token}`);

  it('sends staff wording, with its values filled in, to the next citizen', async () => {
    await texts().send({ texts: { opened: 'ขอบคุณที่แจ้ง เลขเรื่อง {code} ค่ะ' } }).expect(200);
    const e = textEvent('ท่อแตกหน้าวัด', 'UwordingZZLINEUSER');
    await deliver([e]);
    const c = await app.strapi.db.query(COMPLAINT).findOne({ where: { platformUserId: 'UwordingZZLINEUSER' } });
    expect((await fake.waitFor(replyTo(e.replyToken))).body.messages[0].text).toBe(`ขอบคุณที่แจ้ง เลขเรื่อง ${c.trackingCode} ค่ะ`);
    const res = await request(app.url).get('/complaint-workflow/channels').set('Authorization', `Bearer ${staff.token}`).expect(200);
    expect(res.body.texts.find((x: { key: string }) => x.key === 'opened')).toMatchObject({ edited: true, value: 'ขอบคุณที่แจ้ง เลขเรื่อง {code} ค่ะ', vars: ['code', 'due', 'link'] });
    await texts().send({ texts: { opened: null } }).expect(200);
  });

  it('refuses a text with a value it cannot fill, or empty, and keeps the saved ones', async () => {
    const bad = await texts().send({ texts: { added: 'เพิ่มแล้ว', opened: 'เรื่อง {name}' } }).expect(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['texts', 'opened']);
    expect(bad.body.error.message).toContain('{name}');
    expect((await texts().send({ texts: { welcome: '   ' } }).expect(400)).body.error.details.errors[0].path).toEqual(['texts', 'welcome']);
    expect((await texts().send({ texts: { nosuch: 'x' } }).expect(400)).body.error.details.errors[0].path).toEqual(['texts', 'nosuch']);
    const res = await request(app.url).get('/complaint-workflow/channels').set('Authorization', `Bearer ${staff.token}`).expect(200);
    expect(res.body.texts.filter((x: { edited: boolean }) => x.edited)).toEqual([]);
    await request(app.url).put('/complaint-workflow/channels/texts').send({ texts: { added: 'x' } }).expect(401);
  });
});

describe('answers in the language the case was filed in', () => {
  const channels = () => request(app.url).get('/complaint-workflow/channels').set('Authorization', `Bearer ${staff.token}`);
  const texts = () => request(app.url).put('/complaint-workflow/channels/texts').set('Authorization', `Bearer ${staff.token}`);
  const find = (list: Array<{ key: string }>, key: string) => list.find((x) => x.key === key);

  it('keeps staff wording per language: the English defaults come from the catalogue, a Thai edit leaves them alone', async () => {
    const en = await channels().query({ language: 'en' }).expect(200);
    expect(find(en.body.texts, 'stateChanged')).toMatchObject({ language: 'en', default: 'Case {code} is now "{state}"', value: 'Case {code} is now "{state}"', edited: false, vars: ['code', 'state'] });
    const saved = await texts().send({ language: 'en', texts: { stateChanged: 'Your case {code}: {state}' } }).expect(200);
    expect(find(saved.body.texts, 'stateChanged')).toMatchObject({ language: 'en', value: 'Your case {code}: {state}', edited: true });
    const th = await channels().expect(200);
    expect(find(th.body.texts, 'stateChanged')).toMatchObject({ language: 'th', value: 'เรื่อง {code} เปลี่ยนสถานะเป็น "{state}"', edited: false });
    const bad = await texts().send({ language: 'en', texts: { added: 'Added {name}' } }).expect(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['texts', 'added']);
  });

  it('pushes staff updates and the bot\'s answers in English to a chat case stored in English', async () => {
    const user = 'UenglishZZLINEUSER';
    await deliver([textEvent('Street light broken', user)]);
    const c = await app.strapi.db.query(COMPLAINT).findOne({ where: { platformUserId: user } });
    await app.strapi.db.query(COMPLAINT).update({ where: { id: c.id }, data: { language: 'en' } });
    const admin = (path: string) => request(app.url).post(`/complaint-workflow/cases/${c.id}${path}`).set('Authorization', `Bearer ${staff.token}`);
    const pushed = (text: string) => fake.waitFor((call) => call.path === '/v2/bot/message/push' && call.body.to === user && call.body.messages[0].text === text);

    await admin('/transition').send({ action: 'accept' }).expect(200);
    await pushed(`Your case ${c.trackingCode}: Accepted`); // staff's English wording
    await admin('/reply').send({ message: 'A technician comes tomorrow' }).expect(200);
    await pushed(`Reply about case ${c.trackingCode} from the municipality:\nA technician comes tomorrow`); // the English default
    const ask = textEvent('status', user);
    await deliver([ask]);
    expect((await fake.waitFor(replyTo(ask.replyToken))).body.messages[0].text).toBe(`Case ${c.trackingCode}: Accepted\nhttps://nokok.example/en/track?code=${c.trackingCode}`);
    const more = textEvent('Still dark', user);
    await deliver([more]);
    expect((await fake.waitFor(replyTo(more.replyToken))).body.messages[0].text).toBe(`Added to case ${c.trackingCode}.`);
    await texts().send({ language: 'en', texts: { stateChanged: null } }).expect(200);
  });

  it('reads wording saved before there were English texts as Thai', async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'complaint-workflow', key: 'texts' });
    const service = app.strapi.plugin('complaint-workflow').service('channels');
    await store.set({ value: { added: 'เพิ่มแล้ว {code}' } });
    try {
      await service.loadTexts();
      expect(service.render('added', { code: 'NK-1' })).toBe('เพิ่มแล้ว NK-1');
      expect(service.render('added', { code: 'NK-1' }, 'en')).toBe('Added to case NK-1.');
    } finally {
      await store.set({ value: {} });
      await service.loadTexts();
    }
  });
});

describe('staff answers in the same chat', () => {
  it('pushes a public reply and a state change to the citizen on LINE', async () => {
    const [c] = await lineCases();
    const admin = (path: string) => request(app.url).post(`/complaint-workflow/cases/${c.id}${path}`).set('Authorization', `Bearer ${staff.token}`);
    await admin('/reply').send({ message: 'ช่างไฟจะเข้าซ่อมพรุ่งนี้เช้า' }).expect(200);
    const push = await fake.waitFor((call) => call.path === '/v2/bot/message/push' && call.body.messages[0].text.includes('ช่างไฟจะเข้าซ่อมพรุ่งนี้เช้า'));
    expect(push.body.to).toBe(USER);
    expect(push.auth).toBe(`Bearer ${TOKEN}`);
    await admin('/transition').send({ action: 'accept' }).expect(200);
    const state = await fake.waitFor((call) => call.path === '/v2/bot/message/push' && call.body.messages[0].text.includes('รับเรื่องไว้พิจารณา'));
    expect(state.body.to).toBe(USER);
  });

  it('shows staff a push that LINE refused, and sends it again on request', async () => {
    const blocked = textEvent('ถนนหมู่ 7 เป็นหลุม', 'UblockedZZLINEUSER');
    await deliver([blocked]);
    const c = await app.strapi.db.query(COMPLAINT).findOne({ where: { platformUserId: 'UblockedZZLINEUSER' } });
    const admin = (method: 'get' | 'post', path = '') =>
      request(app.url)[method](`/complaint-workflow/cases/${c.id}${path}`).set('Authorization', `Bearer ${staff.token}`);
    fake.refuse({ status: 400, match: (call) => call.path === '/v2/bot/message/push' && call.body.to === 'UblockedZZLINEUSER' });
    try {
      await admin('post', '/reply').send({ message: 'รับทราบ จะส่งช่างไปดู' }).expect(200);
      await app.strapi.plugin('complaint-workflow').service('outbox').idle();
      const refused = (await admin('get').expect(200)).body.deliveries.find((d: { channel: string }) => d.channel === 'line');
      // A 400 will not change on retry: failed at once, with LINE's reason for the officer.
      expect(refused).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringContaining('LINE answered 400') });
      expect(refused).not.toHaveProperty('recipient');
    } finally {
      fake.refuse(null);
    }
    const [failed] = (await admin('get')).body.deliveries.filter((d: { state: string }) => d.state === 'failed');
    const retried = await admin('post', `/deliveries/${failed.id}/retry`).expect(200);
    expect(retried.body.deliveries.find((d: { id: number }) => d.id === failed.id)).toMatchObject({ state: 'sent', lastError: null });
    await fake.waitFor((call) => call.path === '/v2/bot/message/push' && call.body.to === 'UblockedZZLINEUSER' && call.body.messages[0].text.includes('รับทราบ'));
    await admin('post', `/deliveries/${failed.id}/retry`).expect(404);
  });

  it('never shows the LINE user id in a public answer', async () => {
    const [c] = await lineCases();
    const answers = [
      (await request(app.url).get(`/api/complaints/track/${c.trackingCode}`).expect(200)).text,
      (await request(app.url).get('/api/open311/v2/requests.json')).text,
      (await request(app.url).get('/api/open311/v2/requests.xml')).text,
      (await request(app.url).get(`/api/open311/v2/requests/${c.trackingCode}.json`)).text,
    ];
    for (const text of answers) {
      expect(text).not.toContain('ZZLINEUSER');
      expect(text).not.toContain('[ตำแหน่ง]');
    }
  });
});
