import type { Core } from '@strapi/strapi';
import type { ChatService, Conversation } from './chat';
import type { EventHandler, InboundEvent, InboxService } from './inbox';
import { platformError } from '../domain/platform-error';
import { outboxOf } from '../../../../plugins/complaint-workflow/server/src/public';

interface FacebookConfig {
  appSecret: string;
  verifyToken: string;
  pageAccessToken: string;
  graphBaseUrl: string;
}

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** A messaging event as Meta sends it; unverified JSON, so every field is checked before use. */
interface MessagingEvent {
  sender?: { id?: unknown } | null;
  message?: {
    mid?: unknown;
    is_echo?: unknown;
    text?: unknown;
    attachments?: unknown;
  } | null;
}

interface Attachment {
  type?: unknown;
  title?: unknown;
  payload?: { url?: unknown; coordinates?: { lat?: unknown; long?: unknown } | null } | null;
}

/** A page webhook's body: its entries, each with its messaging events. */
interface PageWebhook {
  object?: unknown;
  entry?: unknown;
}

/** The town's Facebook page through Messenger: the Send API client and the webhook's messaging events. */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const cfg = () => strapi.config.get<FacebookConfig>('channels.facebook');
  const chat = () => strapi.service('api::channel.chat') as ChatService;
  const outbox = () => outboxOf(strapi);
  const inbox = () => strapi.service('api::channel.inbox') as InboxService;

  const conversation = (psid: string): Conversation => ({
    platform: 'facebook',
    userId: psid,
    // An answer to the user's own message: Messenger's RESPONSE type, sent through the outbox.
    async say(message: string) {
      await outbox().enqueue([{ channel: 'facebook-reply', to: psid, subject: 'Messenger', text: message }]);
    },
  });

  async function image(url: string): Promise<Buffer | null> {
    // Attachment URLs come from Meta's CDN; only http(s), bounded in time and size.
    if (!/^https?:\/\//.test(url)) return null;
    const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    if (!res.ok) return null;
    const bytes = Buffer.from(await res.arrayBuffer());
    return bytes.length <= MAX_IMAGE_BYTES ? bytes : null;
  }

  /** The messaging event's sender and message, when it is one the bot answers (not the page's own echo). */
  const incoming = (event: unknown) => {
    const e = event as MessagingEvent | null | undefined;
    const psid = e?.sender?.id;
    const m = e?.message;
    return typeof psid === 'string' && m && !m.is_echo && typeof m.mid === 'string' ? { psid, m, mid: m.mid } : null;
  };

  /** One stored event: its photos are downloaded first, then the case work is committed with the event. */
  const handle: EventHandler = async (event, commit) => {
    const found = incoming(event);
    if (!found) return;
    const { psid, m, mid } = found;
    const attachments = (Array.isArray(m.attachments) ? m.attachments : []) as Array<Attachment | null | undefined>;
    const photos = new Map<number, Buffer>();
    for (const [i, a] of attachments.entries()) {
      const url = a?.payload?.url;
      if (a?.type !== 'image' || typeof url !== 'string') continue;
      const bytes = await image(url);
      if (bytes) photos.set(i, bytes);
    }
    const c = conversation(psid);
    await commit(async () => {
      if (typeof m.text === 'string' && m.text.trim()) await chat().text(c, m.text.trim());
      for (const [i, a] of attachments.entries()) {
        const coordinates = a?.payload?.coordinates;
        const bytes = photos.get(i);
        if (bytes) await chat().image(c, bytes, `facebook-${mid}`);
        else if (a?.type === 'location' && coordinates) {
          await chat().location(c, Number(coordinates.lat), Number(coordinates.long), typeof a.title === 'string' ? a.title : '');
        }
      }
    });
  };

  return {
    enabled: () => Boolean(cfg().appSecret && cfg().verifyToken && cfg().pageAccessToken),
    secret: () => cfg().appSecret,
    verifyToken: () => cfg().verifyToken,

    handle,

    /**
     * A verified page webhook: its messaging events are stored in the inbox before the webhook
     * answers, and handled after, in order. Echoes and events without a message id are not kept.
     */
    async receive(body: unknown) {
      const page = body as PageWebhook | null | undefined;
      const entries = page?.object === 'page' && Array.isArray(page.entry) ? (page.entry as Array<{ messaging?: unknown } | null | undefined>) : [];
      const events = entries.flatMap((entry): unknown[] => (Array.isArray(entry?.messaging) ? (entry.messaging as unknown[]) : []));
      const batch = events.flatMap((event): InboundEvent[] => {
        const found = incoming(event);
        return found ? [{ key: found.mid, sender: found.psid, payload: event }] : [];
      });
      await inbox().receive('facebook', batch);
    },

    /**
     * The Send API. Answers to the user's message are RESPONSE; staff updates may come days later,
     * outside Messenger's 24-hour window, so they go as a tagged update about the user's case.
     */
    async send(psid: string, message: string, kind: 'response' | 'update') {
      const res = await fetch(`${cfg().graphBaseUrl}/me/messages?access_token=${encodeURIComponent(cfg().pageAccessToken)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          recipient: { id: psid },
          message: { text: message.slice(0, 2000) },
          ...(kind === 'response' ? { messaging_type: 'RESPONSE' } : { messaging_type: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE' }),
        }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!res.ok) throw platformError(res.status, `Messenger answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
  };
};

export type FacebookService = ReturnType<typeof service>;
export default service;
