import crypto from 'crypto';
import sharp from 'sharp';
import { startApp, type TestApp } from '../../../../../helpers/strapi';
import { startFakePlatform, type FakePlatform } from '../../../../../helpers/fake-platform';
import type { InboxService } from '../../../../../../src/api/channel/services/inbox';
import type { ChatService } from '../../../../../../src/api/channel/services/chat';

const SECRET = 'line-inbox-channel-secret';
const COMPLAINT = 'api::complaint.complaint';
const EVENTS = 'api::channel-event.channel-event';
const OUTBOX = 'plugin::complaint-workflow.outbox-message';

let app: TestApp;
let fake: FakePlatform;
let seq = 0;

const env = () => ({
  RATE_LIMIT_PER_MINUTE: '100000',
  LINE_CHANNEL_SECRET: SECRET,
  LINE_CHANNEL_ACCESS_TOKEN: 'line-inbox-token',
  LINE_API_BASE_URL: fake.url,
  LINE_DATA_API_BASE_URL: fake.url,
});
const inbox = () => app.strapi.service('api::channel.inbox') as InboxService;

/** A user's first text message, as LINE sends it. */
const firstMessage = (user: string, text = 'ไฟถนนดับ') => {
  seq += 1;
  return {
    type: 'message',
    webhookEventId: `01HINBOX${seq}`,
    replyToken: `inbox-reply-${seq}`,
    timestamp: Date.now(),
    source: { type: 'user', userId: user },
    deliveryContext: { isRedelivery: false },
    mode: 'active',
    message: { id: `im${seq}`, type: 'text', text },
  };
};

/** Posts a signed batch the way LINE does. */
function post(events: unknown[]) {
  const raw = JSON.stringify({ destination: 'Uxxxxxxxx', events });
  const signature = crypto.createHmac('sha256', SECRET).update(raw).digest('base64');
  return fetch(`${app.url}/api/channels/line/webhook`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Line-Signature': signature }, body: raw });
}

/** Waits for a condition, asking again every 50 ms. */
async function until(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const stored = (state: string, prefix: string) => app.strapi.db.query(EVENTS).count({ where: { state, sender: { $startsWith: prefix } } });
const casesOf = (prefix: string) =>
  app.strapi.db.query(COMPLAINT).findMany({ where: { platformUserId: { $startsWith: prefix } }, select: ['platformUserId'] }) as Promise<Array<{ platformUserId: string }>>;
const repliesTo = (tokens: string[]) =>
  app.strapi.db.query(OUTBOX).findMany({ where: { channel: 'line-reply', recipient: { $in: tokens } }, select: ['recipient'] }) as Promise<Array<{ recipient: string }>>;

beforeAll(async () => {
  fake = await startFakePlatform(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#357' } }).jpeg().toBuffer());
  app = await startApp(env());
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'other', nameTh: 'เรื่องอื่น ๆ', nameEn: 'Other', deadlineDays: 15, confidential: false, active: true },
  });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('the LINE webhook keeps its events before answering', () => {
  it('stores a batch as pending before the 200, and a restarted app handles each event exactly once', async () => {
    const users = Array.from({ length: 40 }, (_, i) => `Udurable${i}`);
    const batch = users.map((u) => firstMessage(u, `ท่อแตก ${u}`));
    // As if the process died right after answering: nothing is handled in this app from now on.
    await inbox().stop();
    const res = await post(batch);
    expect(res.status).toBe(200);
    expect(await stored('pending', 'Udurable')).toBe(40);
    expect(await casesOf('Udurable')).toHaveLength(0);

    // Some handled, then the app stops in the middle of the batch.
    inbox().start();
    await until(async () => (await stored('done', 'Udurable')) >= 3);
    await inbox().stop(); // what stopping the app does first: the event being handled finishes
    const handledBeforeStop = await stored('done', 'Udurable');
    expect(handledBeforeStop).toBeLessThan(40);
    await app.stop({ keepDatabase: true });

    const previous = app;
    app = await startApp(env(), { sameDatabaseAs: previous });
    await until(async () => (await stored('pending', 'Udurable')) === 0);
    await inbox().idle();
    expect(await stored('done', 'Udurable')).toBe(40);
    expect(await app.strapi.db.query(EVENTS).count({ where: { sender: { $startsWith: 'Udurable' }, attempts: { $ne: 1 } } })).toBe(0);
    // One complaint and one tracking-code reply per event: none lost, none twice.
    const cases = await casesOf('Udurable');
    expect(cases.map((c) => c.platformUserId).sort()).toEqual([...users].sort());
    const replies = await repliesTo(batch.map((e) => e.replyToken));
    expect(replies.map((r) => r.recipient).sort()).toEqual(batch.map((e) => e.replyToken).sort());
  });

  it('handles a redelivered event once, whether it comes while the first is pending, in the same batch or later', async () => {
    const e = firstMessage('Uredelivered', 'น้ำไม่ไหล');
    await inbox().stop();
    expect((await post([e, e])).status).toBe(200);
    expect((await post([{ ...e, deliveryContext: { isRedelivery: true } }])).status).toBe(200);
    expect(await app.strapi.db.query(EVENTS).count({ where: { sender: 'Uredelivered' } })).toBe(1);
    inbox().start();
    await inbox().idle();
    expect((await post([{ ...e, deliveryContext: { isRedelivery: true } }])).status).toBe(200);
    await inbox().idle();
    expect(await casesOf('Uredelivered')).toHaveLength(1);
    expect(await repliesTo([e.replyToken])).toHaveLength(1);
    expect(await app.strapi.db.query(EVENTS).findMany({ where: { sender: 'Uredelivered' }, select: ['state', 'attempts'] })).toEqual([{ state: 'done', attempts: 1 }]);
  });

  it('keeps /_health answering quickly while a batch of 150 first messages is handled', async () => {
    // 150 events: on CI's loaded 2-core machine (SQLite and PostgreSQL halves side by side, a browser
    // beside them) a batch of 300 outlasted its 110 s wait on PostgreSQL; the point is the ratio below.
    const batch = Array.from({ length: 150 }, (_, i) => firstMessage(`Ubatch${i}`, `ถนนเป็นหลุม ${i}`));
    const latencies: number[] = [];
    let busy = true;
    const probe = (async () => {
      while (busy) {
        const started = performance.now();
        const res = await fetch(`${app.url}/_health`);
        latencies.push(performance.now() - started);
        expect(res.status).toBe(204);
      }
    })();
    let batchMs = 0;
    try {
      const started = performance.now();
      const res = await post(batch);
      expect(res.status).toBe(200);
      await until(async () => (await casesOf('Ubatch')).length === 150, 200_000);
      await (app.strapi.service('api::channel.chat') as ChatService).idle();
      batchMs = performance.now() - started;
    } finally {
      // Also when the wait fails: a probe left running would hit the stopped app.
      busy = false;
      await probe;
    }
    const worst = Math.max(...latencies);
    console.log(`/_health during a 150-event batch of ${batchMs.toFixed(0)} ms: ${latencies.length} requests, max ${worst.toFixed(0)} ms`);
    expect(latencies.length).toBeGreaterThan(20);
    // Unyielding, this batch held /_health for about the whole batch (its connection was even reset).
    // Yielding, it waits for one event at most: a small part of the batch, however busy the machine
    // (a fixed bound of 1 s failed now and then on a loaded 2-core machine at 1.1 s of a batch of ~20 s).
    expect(worst).toBeLessThan(batchMs / 5);
  }, 240_000);
});
