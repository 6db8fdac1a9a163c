import type { Core } from '@strapi/strapi';
import engine from './services/engine';
import outbox from './services/outbox';
import mailer from './services/mailer';
import channels from './services/channels';
import cases from './controllers/cases';
import routes from './routes';
import outboxMessage from './content-types/outbox-message';
import { registerGuard } from './guard';
import { PLUGIN, caseEngine, channelsOf, mailerOf, outboxOf } from './plugin';
import type { MapTiles } from './types';

/** The part of the admin's permission service used here (it is typed `any` by Strapi). */
interface AdminPermissionService {
  actionProvider: { registerMany: (actions: Array<Record<string, string>>) => Promise<void> };
}

export interface WorkflowConfig {
  publicUrl: string;
  /** False when the app has no mail server: e-mail messages are then marked skipped. */
  emailEnabled: boolean;
  /** Sender of the case e-mails; empty: the email plugin's `defaultFrom`. */
  emailFrom: string;
  outboxIntervalSeconds: number;
  overdueCheckMinutes: number;
  staffEmail: string;
  map: MapTiles;
}

let overdueTimer: NodeJS.Timeout | undefined;

export default {
  config: {
    default: {
      publicUrl: 'http://localhost:1337',
      emailEnabled: true,
      emailFrom: '',
      outboxIntervalSeconds: 30,
      overdueCheckMinutes: 60,
      staffEmail: '',
      map: {
        tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        attribution: '&copy; ผู้ร่วมให้ข้อมูล <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
      },
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
    const plugin = strapi.plugin(PLUGIN);
    // Each registered case type brings its own pair of permissions (read its inbox, act on its cases).
    const perTypeActions = caseEngine(strapi)
      .types()
      .flatMap((t) => [
        { section: 'plugins', subCategory: t.label.en, displayName: `Read ${t.label.en.toLowerCase()}`, uid: t.permissions.read, pluginName: PLUGIN },
        { section: 'plugins', subCategory: t.label.en, displayName: `Manage ${t.label.en.toLowerCase()}`, uid: t.permissions.manage, pluginName: PLUGIN },
      ]);
    await (strapi.service('admin::permission') as AdminPermissionService).actionProvider.registerMany([
      // The menu entry: the inbox then shows only the case types this officer may read.
      { section: 'plugins', subCategory: 'Inbox', displayName: 'Open the case inbox', uid: 'inbox.read', pluginName: PLUGIN },
      ...perTypeActions,
      { section: 'plugins', subCategory: 'Channels', displayName: 'See chat channels', uid: 'channels.read', pluginName: PLUGIN },
      { section: 'plugins', subCategory: 'Channels', displayName: 'Reword chat texts', uid: 'channels.manage', pluginName: PLUGIN },
    ]);
    await channelsOf(strapi).loadTexts();
    const mail = mailerOf(strapi);
    outboxOf(strapi).registerSender('email', (n) => mail.send(n));
    if (plugin.config('emailEnabled') === false) strapi.log.info('[complaint-workflow] no mail server configured: e-mail messages are marked skipped');
    outboxOf(strapi).start(Number(plugin.config('outboxIntervalSeconds')) * 1000);
    const check = () => {
      caseEngine(strapi)
        .notifyOverdue()
        .catch((e: Error) => strapi.log.error(`[complaint-workflow] overdue check: ${e.message}`));
    };
    overdueTimer = setInterval(check, Number(plugin.config('overdueCheckMinutes')) * 60_000);
    overdueTimer.unref();
    setImmediate(check);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    if (overdueTimer) clearInterval(overdueTimer);
    await outboxOf(strapi).stop();
  },
};
