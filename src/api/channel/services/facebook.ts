import type { Core } from '@strapi/strapi';
import type { ChatService, Conversation } from './chat';
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

  const conversation = (psid: string): Conversation => ({
    platform: 'facebook',
    userId: psid,
    // An answer to the user's own message: Messenger's RESPONSE type, sent through the outbox.
    async say(message: string) {
      await outbox().enqueue([{ channel: 'facebook-reply', to: psid, subject: 'Messenger', text: message }]);
      outbox().kick();
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

  async function handle(event: unknown) {
    const e = event as MessagingEvent | null | undefined;
    const psid = e?.sender?.id;
    const m = e?.message;
    if (typeof psid !== 'string' || !m || m.is_echo || typeof m.mid !== 'string') return;
    const mid = m.mid;
    if (!(await chat().firstTime('facebook', mid))) return;
    const c = conversation(psid);
    if (typeof m.text === 'string' && m.text.trim()) await chat().text(c, m.text.trim());
    const attachments = (Array.isArray(m.attachments) ? m.attachments : []) as Array<Attachment | null | undefined>;
    for (const a of attachments) {
      const url = a?.payload?.url;
      const coordinates = a?.payload?.coordinates;
      if (a?.type === 'image' && typeof url === 'string') {
        const bytes = await image(url);
        if (bytes) await chat().image(c, bytes, `facebook-${mid}`);
      } else if (a?.type === 'location' && coordinates) {
        await chat().location(c, Number(coordinates.lat), Number(coordinates.long), typeof a.title === 'string' ? a.title : '');
      }
    }
  }

  return {
    enabled: () => Boolean(cfg().appSecret && cfg().verifyToken && cfg().pageAccessToken),
    secret: () => cfg().appSecret,
    verifyToken: () => cfg().verifyToken,

    /** A verified page webhook: its messaging events, handled in the background, in order. */
    accept(body: unknown) {
      const page = body as PageWebhook | null | undefined;
      const entries = page?.object === 'page' && Array.isArray(page.entry) ? (page.entry as Array<{ messaging?: unknown } | null | undefined>) : [];
      const events = entries.flatMap((entry): unknown[] => (Array.isArray(entry?.messaging) ? (entry.messaging as unknown[]) : []));
      chat().accept('facebook', events, handle);
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
