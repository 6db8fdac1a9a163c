import type { Core } from '@strapi/strapi';
import { channelsOf, outboxOf, type Notice } from '../../../plugins/complaint-workflow/server/src/public';
import { BOT_TEXTS } from './domain/bot-texts';
import type { FacebookService } from './services/facebook';
import type { InboxService } from './services/inbox';
import type { LineService } from './services/line';

/** LINE and Messenger as ways in for complaints: shown on the admin's channels page with their wording. */
export function registerChatChannels(strapi: Core.Strapi) {
  const channels = channelsOf(strapi);
  const unset = (key: string, vars: Record<string, string>) =>
    Object.entries(vars)
      .filter(([field]) => !strapi.config.get(`channels.${key}.${field}`))
      .map(([, name]) => name);
  channels.registerTexts(BOT_TEXTS);
  channels.register({
    id: 'line',
    name: { th: 'LINE Official Account', en: 'LINE Official Account' },
    webhookPath: '/api/channels/line/webhook',
    missing: () => unset('line', { channelSecret: 'LINE_CHANNEL_SECRET', accessToken: 'LINE_CHANNEL_ACCESS_TOKEN' }),
  });
  channels.register({
    id: 'facebook',
    name: { th: 'เพจ Facebook (Messenger)', en: 'Facebook page (Messenger)' },
    webhookPath: '/api/channels/facebook/webhook',
    missing: () => unset('facebook', { appSecret: 'FACEBOOK_APP_SECRET', verifyToken: 'FACEBOOK_VERIFY_TOKEN', pageAccessToken: 'FACEBOOK_PAGE_ACCESS_TOKEN' }),
  });
}

/** The outbox's chat senders: LINE and Messenger (a message is skipped while its channel is off). */
export function registerChatSenders(strapi: Core.Strapi) {
  const outbox = outboxOf(strapi);
  const line = () => strapi.service('api::channel.line') as LineService;
  const facebook = () => strapi.service('api::channel.facebook') as FacebookService;
  const when = (on: boolean, send: () => Promise<unknown>) => async (): Promise<'sent' | 'skipped'> => (on ? (await send(), 'sent') : 'skipped');
  outbox.registerSender('line', (n: Notice) => when(line().enabled(), () => line().push(n.to, n.text))());
  outbox.registerSender('line-reply', (n: Notice) => when(line().enabled(), () => line().reply(n.to, n.text))());
  outbox.registerSender('facebook', (n: Notice) => when(facebook().enabled(), () => facebook().send(n.to, n.text, 'update'))());
  outbox.registerSender('facebook-reply', (n: Notice) => when(facebook().enabled(), () => facebook().send(n.to, n.text, 'response'))());
}

/** The chat inbox handles LINE and Messenger events, starting with whatever a previous run left pending. */
export function startChatInbox(strapi: Core.Strapi) {
  const inbox = strapi.service('api::channel.inbox') as InboxService;
  inbox.register('line', (event, commit) => (strapi.service('api::channel.line') as LineService).handle(event, commit));
  inbox.register('facebook', (event, commit) => (strapi.service('api::channel.facebook') as FacebookService).handle(event, commit));
  inbox.start();
}

/** Lets the event being handled finish; the rest stays pending for the next start. */
export const stopChatInbox = (strapi: Core.Strapi) => (strapi.service('api::channel.inbox') as InboxService).stop();
