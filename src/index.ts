import type { Core } from '@strapi/strapi';
import { applyRolePermissions } from './bootstrap/permissions';
import { ensureLocales } from './bootstrap/locales';
import { ensureFirstAdmin } from './bootstrap/admin-user';
import { seedDemo } from '../database/seed';
import { complaintOperations } from './api/complaint/openapi';
import { open311Operations } from './api/open311/openapi';
import { poleOperations } from './api/pole/openapi';
import { taxOperations } from './api/tax-bill/openapi';
import { registerImportTargets } from './api/tax-bill/import-targets';
import { taxAdminRoutes } from './api/tax-bill/admin-routes';
import { complaintCaseType } from './api/complaint/case-type';
import { eServiceCaseType } from './api/e-form-submission/case-type';
import { followComplaints } from './api/pole/follow-complaints';
import { BOT_TEXTS } from './api/channel/domain/bot-texts';

/** The outbox's chat channels: LINE and Messenger (skipped while a channel is off). */
function registerChatSenders(strapi: Core.Strapi) {
  const outbox = strapi.plugin('complaint-workflow').service('outbox');
  const line = () => strapi.service('api::channel.line');
  outbox.registerSender('line', async (n: { to: string; text: string }) => (line().enabled() ? (await line().push(n.to, n.text), 'sent') : 'skipped'));
  outbox.registerSender('line-reply', async (n: { to: string; text: string }) => (line().enabled() ? (await line().reply(n.to, n.text), 'sent') : 'skipped'));
  const facebook = () => strapi.service('api::channel.facebook');
  outbox.registerSender('facebook', async (n: { to: string; text: string }) => (facebook().enabled() ? (await facebook().send(n.to, n.text, 'update'), 'sent') : 'skipped'));
  outbox.registerSender('facebook-reply', async (n: { to: string; text: string }) => (facebook().enabled() ? (await facebook().send(n.to, n.text, 'response'), 'sent') : 'skipped'));
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Tax bills and the bank's payment report are spreadsheet-import targets; the staff list of
    // payments to review is an admin route of the tax feature.
    registerImportTargets(strapi);
    strapi.server.routes(taxAdminRoutes);
    const engine = strapi.plugin('complaint-workflow').service('engine');
    engine.register(complaintCaseType(strapi));
    engine.register(eServiceCaseType(strapi));
    followComplaints(strapi);
    const channels = strapi.plugin('complaint-workflow').service('channels');
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
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('api::channel.chat').idle();
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    for (const op of complaintOperations) strapi.service('api::openapi.openapi').register(op);
    for (const op of [...open311Operations, ...poleOperations, ...taxOperations]) strapi.service('api::openapi.openapi').register(op);
    registerChatSenders(strapi);
    await ensureLocales(strapi);
    await applyRolePermissions(strapi);
    await ensureFirstAdmin(strapi);
    if (process.env.SEED_DEMO !== 'false') {
      const summary = await seedDemo(strapi);
      if (summary.created > 0) strapi.log.info(`Demo town seeded: ${summary.created} records`);
    }
  },
};
