import type { Core } from '@strapi/strapi';
import type { ChatService, Conversation } from './chat';
import type { EventHandler, InboundEvent, InboxService } from './inbox';
import { platformError } from '../domain/platform-error';
import { outboxOf } from '../../../../plugins/complaint-workflow/server/src/public';
import { claimLineLink } from '../../announcement/register';

interface LineConfig {
  channelSecret: string;
  accessToken: string;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
}

/** A webhook event as LINE sends it; unverified JSON, so every field is checked before use. */
interface LineEvent {
  type?: unknown;
  webhookEventId?: unknown;
  replyToken?: unknown;
  source?: { userId?: unknown } | null;
  message?: { type?: unknown; id?: unknown; text?: unknown; latitude?: unknown; longitude?: unknown; title?: unknown; address?: unknown } | null;
}

/** An id LINE sends as text (a number is taken too); anything else is no id. */
const idOf = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/** The town's LINE Official Account: the Messaging API client and its webhook's events. */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const cfg = () => strapi.config.get<LineConfig>('channels.line');
  const chat = () => strapi.service('api::channel.chat') as ChatService;
  const outbox = () => outboxOf(strapi);
  const inbox = () => strapi.service('api::channel.inbox') as InboxService;

  async function call(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      headers: { Authorization: `Bearer ${cfg().accessToken}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw platformError(res.status, `LINE answered ${res.status} to ${new URL(url).pathname}: ${(await res.text()).slice(0, 200)}`);
    return res;
  }
  const text = (t: string) => [{ type: 'text', text: t.slice(0, 5000) }];

  /** Bot answers use the event's reply token, through the outbox like every other message. */
  const conversation = (userId: string, replyToken: string | undefined): Conversation => ({
    platform: 'line',
    userId,
    async say(message: string) {
      if (!replyToken) return;
      await outbox().enqueue([{ channel: 'line-reply', to: replyToken, subject: 'LINE', text: message }]);
    },
  });

  /** One stored event: a photo is downloaded first, then the case work is committed with the event. */
  const handle: EventHandler = async (event, commit) => {
    const e = event as LineEvent | null | undefined;
    const userId = e?.source?.userId;
    if (typeof userId !== 'string' || !e) return;
    const c = conversation(userId, typeof e.replyToken === 'string' ? e.replyToken : undefined);
    if (e.type === 'follow') return commit(() => chat().welcome(c));
    if (e.type !== 'message') return;
    const m = e.message ?? {};
    const messageId = idOf(m.id);
    if (m.type === 'text' && typeof m.text === 'string' && m.text.trim()) {
      const body = m.text.trim();
      // A message that is exactly a live account link code links this LINE user and opens no case.
      await commit(async () => {
        if (!(await claimLineLink(strapi, userId, body, (t) => c.say(t)))) await chat().text(c, body);
      });
    } else if (m.type === 'image' && messageId) {
      const res = await call(`${cfg().dataApiBaseUrl}/v2/bot/message/${encodeURIComponent(messageId)}/content`);
      const bytes = Buffer.from(await res.arrayBuffer());
      await commit(() => chat().image(c, bytes, `line-${messageId}`));
    } else if (m.type === 'location') {
      const place = [m.title, m.address].filter((p): p is string => typeof p === 'string' && Boolean(p)).join(' ');
      await commit(() => chat().location(c, Number(m.latitude), Number(m.longitude), place));
    }
  };

  return {
    enabled: () => Boolean(cfg().channelSecret && cfg().accessToken),
    secret: () => cfg().channelSecret,

    handle,

    /**
     * Stores a verified batch in the inbox before the webhook answers; the events are handled after,
     * in order. One without a user or an event id is one the bot never answers, so it is not kept.
     */
    async receive(events: unknown[]) {
      const batch = events.flatMap((event): InboundEvent[] => {
        const e = event as LineEvent | null | undefined;
        const userId = e?.source?.userId;
        const key = idOf(e?.webhookEventId);
        return typeof userId === 'string' && key ? [{ key, sender: userId, payload: event }] : [];
      });
      await inbox().receive('line', batch);
    },

    async push(to: string, message: string) {
      await call(`${cfg().apiBaseUrl}/v2/bot/message/push`, { method: 'POST', body: JSON.stringify({ to, messages: text(message) }) });
    },

    async reply(replyToken: string, message: string) {
      await call(`${cfg().apiBaseUrl}/v2/bot/message/reply`, { method: 'POST', body: JSON.stringify({ replyToken, messages: text(message) }) });
    },
  };
};

export type LineService = ReturnType<typeof service>;
export default service;
