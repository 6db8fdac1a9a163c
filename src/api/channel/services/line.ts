import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { STATES, isActive, type State } from '../../../../plugins/complaint-workflow/server/src/engine/workflow';
import { validateComplaintInput, THAILAND } from '../../complaint/domain/validate';
import { STATE_LABELS } from '../../complaint/domain/notices';
import { storeComplaintPhotos } from '../../complaint/photos';
import { BOT, isStatusQuery } from '../domain/bot-texts';

const COMPLAINT = 'api::complaint.complaint';
const MAX_PHOTOS_PER_CASE = 10;

interface LineConfig {
  channelSecret: string;
  accessToken: string;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
}

/**
 * The town's LINE Official Account as a complaint channel: a user's first message opens a case,
 * later ones (text, photo, location) add to it while it is open, "สถานะ" asks for its status.
 * Handling runs after the webhook has answered, so LINE never waits on us.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cfg = () => strapi.config.get('channels.line') as LineConfig;
  const channels = () => strapi.config.get('channels') as { defaultCategory: string; publicUrl: string };
  const outbox = () => strapi.plugin('complaint-workflow').service('outbox');
  const engine = () => strapi.plugin('complaint-workflow').service('engine');
  const inFlight = new Set<Promise<void>>();

  async function call(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      headers: { Authorization: `Bearer ${cfg().accessToken}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...(init.headers ?? {}) },
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`LINE answered ${res.status} to ${new URL(url).pathname}: ${(await res.text()).slice(0, 200)}`);
    return res;
  }

  const text = (t: string) => [{ type: 'text', text: t.slice(0, 5000) }];
  const trackLink = (code: string) => `${channels().publicUrl}/track?code=${encodeURIComponent(code)}`;
  const stateLabel = (s: string) => STATE_LABELS[s]?.th ?? s;
  const thDate = (d: string | Date | null) => (d ? new Date(d).toLocaleDateString('th-TH', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'long', year: 'numeric' }) : '-');

  /** Bot answers go through the outbox too: retried, and visible to staff like any other message. */
  async function say(replyToken: string | undefined, message: string) {
    if (!replyToken) return;
    await outbox().enqueue([{ channel: 'line-reply', to: replyToken, subject: 'LINE', text: message }]);
    outbox().kick();
  }

  /** True the first time an event id is seen; a redelivery finds it stored already. */
  async function firstTime(eventKey: string): Promise<boolean> {
    const events = strapi.db.query('api::channel-event.channel-event');
    if (await events.findOne({ where: { eventKey }, select: ['id'] })) return false;
    try {
      await events.create({ data: { platform: 'line', eventKey, receivedAt: new Date() } });
      return true;
    } catch {
      return false; // the same event, delivered twice at once: the unique index decided
    }
  }

  const findCase = (userId: string, openOnly: boolean) =>
    strapi.db.query(COMPLAINT).findOne({
      where: { platformUserId: userId, channel: 'line', ...(openOnly ? { state: { $in: STATES.filter(isActive) } } : {}) },
      orderBy: [{ id: 'desc' }],
      populate: { photos: { select: ['id'] } },
    });

  /** The user's open case, or a new one opened with this description (and the bot says so). */
  async function caseFor(userId: string, description: string, replyToken?: string) {
    const open = await findCase(userId, true);
    if (open) return { record: open, created: false };
    const { value, issues } = validateComplaintInput({ data: { category: channels().defaultCategory, description: description.slice(0, 5000) } });
    if (!value) throw new Error(`a LINE message could not open a complaint: ${issues.map((i) => i.en).join('; ')}`);
    const { trackingCode } = await strapi.service(COMPLAINT).createFromCitizen(value, 'line', { platformUserId: userId });
    const record = await strapi.db.query(COMPLAINT).findOne({ where: { trackingCode }, populate: { photos: { select: ['id'] } } });
    await say(replyToken, BOT.opened(trackingCode, thDate(record.dueAt), trackLink(trackingCode)));
    return { record, created: true };
  }

  async function onText(userId: string, body: string, replyToken?: string) {
    if (isStatusQuery(body)) {
      const latest = await findCase(userId, false);
      await say(replyToken, latest ? BOT.status(latest.trackingCode, stateLabel(latest.state as State), trackLink(latest.trackingCode)) : BOT.noCase);
      return;
    }
    const { record, created } = await caseFor(userId, body, replyToken);
    if (created) return;
    await engine().citizenMessage('complaint', record.id, body.slice(0, 5000));
    await say(replyToken, BOT.added(record.trackingCode));
  }

  async function onImage(userId: string, messageId: string, replyToken?: string) {
    const res = await call(`${cfg().dataApiBaseUrl}/v2/bot/message/${encodeURIComponent(messageId)}/content`);
    const tmp = path.join(os.tmpdir(), `line-${crypto.randomBytes(6).toString('hex')}`);
    fs.writeFileSync(tmp, Buffer.from(await res.arrayBuffer()));
    let stored: Array<{ id: number }>;
    try {
      stored = await storeComplaintPhotos(strapi, [{ filepath: tmp, originalFilename: `line-${messageId}`, size: fs.statSync(tmp).size }]);
    } catch {
      await say(replyToken, BOT.photoRefused);
      return;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    const { record, created } = await caseFor(userId, 'รูปภาพจาก LINE (ยังไม่มีรายละเอียด)', replyToken);
    const photos = [...(record.photos ?? []).map((p: { id: number }) => p.id), ...stored.map((p) => p.id)].slice(0, MAX_PHOTOS_PER_CASE);
    await strapi.db.query(COMPLAINT).update({ where: { id: record.id }, data: { photos } });
    await engine().citizenMessage('complaint', record.id, '[รูปภาพ]');
    if (!created) await say(replyToken, BOT.added(record.trackingCode));
  }

  async function onLocation(userId: string, m: { latitude?: number; longitude?: number; address?: string; title?: string }, replyToken?: string) {
    const lat = Number(m.latitude);
    const lng = Number(m.longitude);
    if (!(lat >= THAILAND.minLat && lat <= THAILAND.maxLat && lng >= THAILAND.minLng && lng <= THAILAND.maxLng)) {
      await say(replyToken, BOT.outsideThailand);
      return;
    }
    const place = [m.title, m.address].filter(Boolean).join(' ').slice(0, 300);
    const { record, created } = await caseFor(userId, place ? `แจ้งตำแหน่ง: ${place}` : 'แจ้งตำแหน่งผ่าน LINE', replyToken);
    await strapi.db.query(COMPLAINT).update({
      where: { id: record.id },
      data: { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6, ...(record.address || !place ? {} : { address: place }) },
    });
    await engine().citizenMessage('complaint', record.id, `[ตำแหน่ง] ${lat.toFixed(6)}, ${lng.toFixed(6)}${place ? ` ${place}` : ''}`);
    if (!created) await say(replyToken, BOT.added(record.trackingCode));
  }

  async function handle(e: any) {
    if (!e?.webhookEventId || !(await firstTime(`line:${e.webhookEventId}`))) return;
    const userId = e.source?.userId;
    if (typeof userId !== 'string' || !userId) return;
    if (e.type === 'follow') {
      const town = await strapi.db.query('api::municipality.municipality').findOne({ select: ['nameTh'] });
      await say(e.replyToken, BOT.welcome(town?.nameTh ?? 'เทศบาล'));
    } else if (e.type === 'message') {
      const m = e.message ?? {};
      if (m.type === 'text' && typeof m.text === 'string' && m.text.trim()) await onText(userId, m.text.trim(), e.replyToken);
      else if (m.type === 'image' && m.id) await onImage(userId, String(m.id), e.replyToken);
      else if (m.type === 'location') await onLocation(userId, m, e.replyToken);
    }
  }

  return {
    enabled: () => Boolean(cfg().channelSecret && cfg().accessToken),
    secret: () => cfg().channelSecret,

    /** Takes a verified batch and answers at once; the events are handled in order, in the background. */
    accept(events: unknown[]) {
      const run = (async () => {
        for (const e of events) {
          try {
            await handle(e);
          } catch (err) {
            strapi.log.error(`[line] event ${(e as any)?.webhookEventId}: ${(err as Error).message}`);
          }
        }
      })();
      inFlight.add(run);
      run.finally(() => inFlight.delete(run));
    },

    /** Resolves when every accepted batch has been handled (tests, shutdown). */
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },

    async push(to: string, message: string) {
      await call(`${cfg().apiBaseUrl}/v2/bot/message/push`, { method: 'POST', body: JSON.stringify({ to, messages: text(message) }) });
    },

    async reply(replyToken: string, message: string) {
      await call(`${cfg().apiBaseUrl}/v2/bot/message/reply`, { method: 'POST', body: JSON.stringify({ replyToken, messages: text(message) }) });
    },
  };
};
