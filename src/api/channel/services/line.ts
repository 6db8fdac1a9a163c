import type { Core } from '@strapi/strapi';
import type { Conversation } from './chat';
import { platformError } from '../domain/platform-error';

interface LineConfig {
  channelSecret: string;
  accessToken: string;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
}

/** The town's LINE Official Account: the Messaging API client and its webhook's events. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cfg = () => strapi.config.get('channels.line') as LineConfig;
  const chat = () => strapi.service('api::channel.chat');
  const outbox = () => strapi.plugin('complaint-workflow').service('outbox');

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
  const conversation = (e: any): Conversation => ({
    platform: 'line',
    userId: e.source.userId,
    async say(message: string) {
      if (!e.replyToken) return;
      await outbox().enqueue([{ channel: 'line-reply', to: e.replyToken, subject: 'LINE', text: message }]);
      outbox().kick();
    },
  });

  async function handle(e: any) {
    if (typeof e?.source?.userId !== 'string' || !e.webhookEventId) return;
    if (!(await chat().firstTime('line', String(e.webhookEventId)))) return;
    const c = conversation(e);
    if (e.type === 'follow') return chat().welcome(c);
    if (e.type !== 'message') return;
    const m = e.message ?? {};
    if (m.type === 'text' && typeof m.text === 'string' && m.text.trim()) await chat().text(c, m.text.trim());
    else if (m.type === 'image' && m.id) {
      const res = await call(`${cfg().dataApiBaseUrl}/v2/bot/message/${encodeURIComponent(m.id)}/content`);
      await chat().image(c, Buffer.from(await res.arrayBuffer()), `line-${m.id}`);
    } else if (m.type === 'location') await chat().location(c, Number(m.latitude), Number(m.longitude), [m.title, m.address].filter(Boolean).join(' '));
  }

  return {
    enabled: () => Boolean(cfg().channelSecret && cfg().accessToken),
    secret: () => cfg().channelSecret,

    /** Takes a verified batch and returns at once; the events are handled in order, in the background. */
    accept(events: unknown[]) {
      chat().accept('line', events, handle);
    },

    async push(to: string, message: string) {
      await call(`${cfg().apiBaseUrl}/v2/bot/message/push`, { method: 'POST', body: JSON.stringify({ to, messages: text(message) }) });
    },

    async reply(replyToken: string, message: string) {
      await call(`${cfg().apiBaseUrl}/v2/bot/message/reply`, { method: 'POST', body: JSON.stringify({ replyToken, messages: text(message) }) });
    },
  };
};
