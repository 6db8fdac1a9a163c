import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import sharp from 'sharp';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { startFakePlatform, type FakePlatform, type PlatformCall } from '../../../../helpers/fake-platform';

const APP_SECRET = 'fb-test-app-secret';
const VERIFY = 'fb-test-verify-token';
const PAGE_TOKEN = 'fb-test-page-token';
const PSID = '6543210987654321';
const COMPLAINT = 'api::complaint.complaint';
const HOOK = '/api/channels/facebook/webhook';

let app: TestApp;
let graph: FakePlatform;
let staff: { token: string };
let seq = 0;

const sign = (raw: string, secret = APP_SECRET) => `sha256=${crypto.createHmac('sha256', secret).update(raw).digest('hex')}`;
const messaging = (message: Record<string, unknown>, psid = PSID) => ({
  sender: { id: psid },
  recipient: { id: 'PAGE_ID' },
  timestamp: Date.now(),
  message: { mid: `m_${(seq += 1)}`, ...message },
});

/** Posts a page webhook as Meta does, signed unless told otherwise, then waits until it has been handled. */
async function deliver(events: unknown[], signature?: string | null) {
  const raw = JSON.stringify({ object: 'page', entry: [{ id: 'PAGE_ID', time: Date.now(), messaging: events }] });
  let req = request(app.url).post(HOOK).set('Content-Type', 'application/json');
  if (signature !== null) req = req.set('X-Hub-Signature-256', signature ?? sign(raw));
  const res = await req.send(raw);
  await app.strapi.service('api::channel.chat').idle();
  await app.strapi.plugin('complaint-workflow').service('outbox').idle();
  return res;
}
const sendTo = (psid: string, match: (text: string) => boolean) => (c: PlatformCall) =>
  c.path === '/v21.0/me/messages' && c.body.recipient.id === psid && match(c.body.message.text);
const fbCases = () => app.strapi.db.query(COMPLAINT).findMany({ where: { channel: 'facebook' }, populate: ['photos', 'events'] });

beforeAll(async () => {
  graph = await startFakePlatform(await sharp({ create: { width: 640, height: 480, channels: 3, background: '#a53' } }).jpeg().toBuffer());
  app = await startApp({
    RATE_LIMIT_PER_MINUTE: '1000',
    FACEBOOK_APP_SECRET: APP_SECRET,
    FACEBOOK_VERIFY_TOKEN: VERIFY,
    FACEBOOK_PAGE_ACCESS_TOKEN: PAGE_TOKEN,
    FACEBOOK_GRAPH_BASE_URL: `${graph.url}/v21.0`,
  });
  staff = await createAdmin(app);
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'other', nameTh: 'เรื่องอื่น ๆ', nameEn: 'Other', deadlineDays: 15, confidential: false, active: true },
  });
});

afterAll(async () => {
  await app?.stop();
  await graph?.close();
});

describe('GET /api/channels/facebook/webhook (subscription handshake)', () => {
  it('echoes the challenge for the right verify token, and 403 otherwise', async () => {
    const ok = await request(app.url).get(HOOK).query({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY, 'hub.challenge': '1158201444' }).expect(200);
    expect(ok.text).toBe('1158201444');
    await request(app.url).get(HOOK).query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': 'x' }).expect(403);
    await request(app.url).get(HOOK).query({ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY, 'hub.challenge': 'x' }).expect(403);
    await request(app.url).get(HOOK).expect(403);
  });
});

describe('POST /api/channels/facebook/webhook', () => {
  it('opens a complaint from a signed message and answers through the Send API with its code', async () => {
    expect((await deliver([messaging({ text: 'ท่อระบายน้ำหน้าตลาดอุดตัน' })])).status).toBe(200);
    const [c] = await fbCases();
    expect(c).toMatchObject({ channel: 'facebook', platformUserId: PSID, description: 'ท่อระบายน้ำหน้าตลาดอุดตัน' });
    const sent = await graph.waitFor(sendTo(PSID, (t) => t.includes(c.trackingCode)));
    expect(sent.query.get('access_token')).toBe(PAGE_TOKEN);
    expect(sent.body.messaging_type).toBe('RESPONSE');
  });

  it('adds an image and a location to the open complaint', async () => {
    await deliver([
      messaging({ attachments: [{ type: 'image', payload: { url: `${graph.url}/cdn/photo.jpg` } }] }),
      messaging({ attachments: [{ type: 'location', title: 'ตลาดสด', payload: { coordinates: { lat: 14.718811, long: 102.022433 } } }] }),
    ]);
    const cases = await fbCases();
    expect(cases).toHaveLength(1);
    expect(cases[0].photos).toHaveLength(1);
    // Kept privately like a website photo, with its thumbnail; nothing in the Media Library.
    const { key } = cases[0].photos[0];
    for (const name of [`${key}.jpg`, `${key}.thumb.jpg`]) expect(fs.existsSync(path.join(process.env.PRIVATE_FILES_DIR!, 'complaint-photos', name))).toBe(true);
    expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(0);
    expect(Number(cases[0].lat)).toBeCloseTo(14.718811, 6);
    expect(Number(cases[0].lng)).toBeCloseTo(102.022433, 6);
  });

  it('refuses a bad or missing signature with 401 and stores nothing', async () => {
    const before = await app.strapi.db.query(COMPLAINT).count();
    expect((await deliver([messaging({ text: 'ปลอม' }, '999')], sign('other body'))).status).toBe(401);
    expect((await deliver([messaging({ text: 'ปลอม' }, '999')], 'sha256=00')).status).toBe(401);
    expect((await deliver([messaging({ text: 'ปลอม' }, '999')], null)).status).toBe(401);
    expect(await app.strapi.db.query(COMPLAINT).count()).toBe(before);
  });

  it('ignores a redelivered message', async () => {
    const m = messaging({ text: 'ไฟดับทั้งซอย' }, '111222333');
    await deliver([m]);
    const calls = graph.calls.length;
    await deliver([m]);
    expect(await app.strapi.db.query(COMPLAINT).count({ where: { platformUserId: '111222333' } })).toBe(1);
    expect(graph.calls.length).toBe(calls);
  });

  it("sends a staff reply as a tagged update, and never shows the user's id publicly", async () => {
    const [c] = await fbCases();
    await request(app.url).post(`/complaint-workflow/cases/${c.id}/reply`).set('Authorization', `Bearer ${staff.token}`).send({ message: 'เจ้าหน้าที่จะลอกท่อวันศุกร์' }).expect(200);
    const update = await graph.waitFor(sendTo(PSID, (t) => t.includes('เจ้าหน้าที่จะลอกท่อวันศุกร์')));
    expect(update.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE' });
    for (const path of [`/api/complaints/track/${c.trackingCode}`, '/api/open311/v2/requests.json', `/api/open311/v2/requests/${c.trackingCode}.xml`]) {
      expect((await request(app.url).get(path)).text).not.toContain(PSID);
    }
  });
});
