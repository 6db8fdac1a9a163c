import type { Core } from '@strapi/strapi';
import type { CaseEngine } from './services/engine';
import type { ChannelsService } from './services/channels';
import type { MailerService } from './services/mailer';
import type { OutboxService } from './services/outbox';

import { PLUGIN } from './plugin-id';

export { PLUGIN };

/** The plugin's services, typed: how its own code, and the app through public.ts, reach them. */
export const caseEngine = (strapi: Core.Strapi) => strapi.plugin(PLUGIN).service<CaseEngine>('engine');
export const outboxOf = (strapi: Core.Strapi) => strapi.plugin(PLUGIN).service<OutboxService>('outbox');
export const channelsOf = (strapi: Core.Strapi) => strapi.plugin(PLUGIN).service<ChannelsService>('channels');
export const mailerOf = (strapi: Core.Strapi) => strapi.plugin(PLUGIN).service<MailerService>('mailer');
export const pluginConfig = (strapi: Core.Strapi, key: string): string => String(strapi.plugin(PLUGIN).config(key) ?? '');
