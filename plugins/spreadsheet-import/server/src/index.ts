import fs from 'fs';
import type { Core } from '@strapi/strapi';
import targets from './services/targets';
import jobs from './services/jobs';
import imports from './controllers/imports';
import canUseTarget from './policies/can-use-target';
import routes from './routes';
import { PLUGIN_ID, type ImportTarget } from './types';

/** Uploads of our routes are read into memory: drop the temporary files whatever the answer (a 403 included). */
const removeUploads = async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } finally {
    if (ctx.path.startsWith(`/${PLUGIN_ID}/`)) {
      for (const f of Object.values(ctx.request?.files ?? {}).flat() as Array<{ filepath?: string; path?: string }>) {
        const file = f?.filepath ?? f?.path;
        if (file) fs.rm(file, { force: true }, () => undefined);
      }
    }
  }
};

export default {
  services: { targets, jobs },
  controllers: { imports },
  policies: { 'can-use-target': canUseTarget },
  routes,

  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.server.use(removeUploads);
  },

  /** One admin permission per target registered by the app (in its register phase). */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const registry = strapi.plugin(PLUGIN_ID).service('targets');
    registry.seal();
    const list: ImportTarget[] = registry.list();
    if (list.length) {
      await strapi.service('admin::permission').actionProvider.registerMany(
        list.map((t) => ({ section: 'plugins', displayName: t.permissionName ?? `Import: ${t.label.en}`, uid: t.id, pluginName: PLUGIN_ID }))
      );
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin(PLUGIN_ID).service('jobs').idle();
  },
};
