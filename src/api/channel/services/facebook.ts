import type { Core } from '@strapi/strapi';
import type { Conversation } from './chat';
import { platformError } from '../domain/platform-error';

interface FacebookConfig {
  appSecret: string;
  verifyToken: string;
  pageAccessToken: string;
  graphBaseUrl: string;
}

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** The town's Facebook page through Messenger: the Send API client and the webhook's messaging events. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cfg = () => strapi.config.get('channels.facebook') as FacebookConfig;
  const chat = () => strapi.service('api::channel.chat');
  const outbox = () => strapi.plugin('complaint-workflow').service('outbox');

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

  async function handle(e: any) {
    const psid = e?.sender?.id;
    const m = e?.message;
    if (typeof psid !== 'string' || !m || m.is_echo || typeof m.mid !== 'string') return;
    if (!(await chat().firstTime('facebook', m.mid))) return;
    const c = conversation(psid);
    if (typeof m.text === 'string' && m.text.trim()) await chat().text(c, m.text.trim());
    for (const a of Array.isArray(m.attachments) ? m.attachments : []) {
      if (a?.type === 'image' && typeof a.payload?.url === 'string') {
        const bytes = await image(a.payload.url);
        if (bytes) await chat().image(c, bytes, `facebook-${m.mid}`);
      } else if (a?.type === 'location' && a.payload?.coordinates) {
        await chat().location(c, Number(a.payload.coordinates.lat), Number(a.payload.coordinates.long), typeof a.title === 'string' ? a.title : '');
      }
    }
  }

  return {
    enabled: () => Boolean(cfg().appSecret && cfg().verifyToken && cfg().pageAccessToken),
    secret: () => cfg().appSecret,
    verifyToken: () => cfg().verifyToken,

    /** A verified page webhook: its messaging events, handled in the background, in order. */
    accept(body: any) {
      const events = body?.object === 'page' && Array.isArray(body.entry) ? body.entry.flatMap((entry: any) => (Array.isArray(entry?.messaging) ? entry.messaging : [])) : [];
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
