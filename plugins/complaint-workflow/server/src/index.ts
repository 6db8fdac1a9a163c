import type { Core } from '@strapi/strapi';
import engine from './services/engine';
import outbox from './services/outbox';
import mailer from './services/mailer';
import channels from './services/channels';
import cases from './controllers/cases';
import routes from './routes';
import outboxMessage from './content-types/outbox-message';
import { registerGuard } from './guard';
import type { CaseTypeRegistration } from './types';

export interface WorkflowConfig {
  publicUrl: string;
  emailFrom: string;
  smtp: { host: string; port: number; secure: boolean; user: string; pass: string };
  outboxIntervalSeconds: number;
  overdueCheckMinutes: number;
  staffEmail: string;
}

let overdueTimer: NodeJS.Timeout | undefined;

export default {
  config: {
    default: {
      publicUrl: 'http://localhost:1337',
      emailFrom: 'no-reply@localhost',
      smtp: { host: '', port: 587, secure: false, user: '', pass: '' },
      outboxIntervalSeconds: 30,
      overdueCheckMinutes: 60,
      staffEmail: '',
    } satisfies WorkflowConfig,
    validator() {},
  },
  contentTypes: { 'outbox-message': outboxMessage },
  services: { engine, outbox, mailer, channels },
  controllers: { cases },
  routes,

  register({ strapi }: { strapi: Core.Strapi }) {
    registerGuard(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const plugin = strapi.plugin('complaint-workflow');
    // Each registered case type brings its own pair of permissions (read its inbox, act on its cases).
    const types = plugin.service('engine').types() as CaseTypeRegistration[];
    const perTypeActions = types.flatMap((t) => [
      { section: 'plugins', subCategory: t.label.en, displayName: `Read ${t.label.en.toLowerCase()}`, uid: t.permissions.read, pluginName: 'complaint-workflow' },
      { section: 'plugins', subCategory: t.label.en, displayName: `Manage ${t.label.en.toLowerCase()}`, uid: t.permissions.manage, pluginName: 'complaint-workflow' },
    ]);
    await strapi.service('admin::permission').actionProvider.registerMany([
      // The menu entry: the inbox then shows only the case types this officer may read.
      { section: 'plugins', subCategory: 'Inbox', displayName: 'Open the case inbox', uid: 'inbox.read', pluginName: 'complaint-workflow' },
      ...perTypeActions,
      { section: 'plugins', subCategory: 'Channels', displayName: 'See chat channels', uid: 'channels.read', pluginName: 'complaint-workflow' },
      { section: 'plugins', subCategory: 'Channels', displayName: 'Reword chat texts', uid: 'channels.manage', pluginName: 'complaint-workflow' },
    ]);
    await plugin.service('channels').loadTexts();
    const mail = plugin.service('mailer');
    plugin.service('outbox').registerSender('email', (n: any) => mail.send(n));
    plugin.service('outbox').start(Number(plugin.config('outboxIntervalSeconds')) * 1000);
    const check = () => plugin.service('engine').notifyOverdue().catch((e: Error) => strapi.log.error(`[complaint-workflow] overdue check: ${e.message}`));
    overdueTimer = setInterval(check, Number(plugin.config('overdueCheckMinutes')) * 60_000);
    overdueTimer.unref();
    setImmediate(check);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    if (overdueTimer) clearInterval(overdueTimer);
    const plugin = strapi.plugin('complaint-workflow');
    await plugin.service('outbox').stop();
    plugin.service('mailer').close();
  },
};
