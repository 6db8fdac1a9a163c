import fs from 'fs';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import targets from './services/targets';
import jobs from './services/jobs';
import imports from './controllers/imports';
import canUseTarget from './policies/can-use-target';
import routes from './routes';
import { jobsOf, targetsOf } from './plugin';
import { MENU_PERMISSION_UID, PLUGIN_ID } from './types';
import { uploadedFiles } from './uploads';

/** The admin's permission service (untyped in Strapi): what bootstrap uses of it. */
interface AdminPermissionService {
  actionProvider: { registerMany: (actions: Array<Record<string, string>>) => Promise<void> };
}

/** Uploads of our routes are read into memory: drop the temporary files whatever the answer (a 403 included). */
const removeUploads = async (ctx: Context, next: () => Promise<void>) => {
  try {
    await next();
  } finally {
    if (ctx.path.startsWith(`/${PLUGIN_ID}/`)) {
      for (const f of Object.values(uploadedFiles(ctx)).flat()) {
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
    const registry = targetsOf(strapi);
    registry.seal();
    const list = registry.list();
    if (list.length) {
      await (strapi.service('admin::permission') as AdminPermissionService).actionProvider.registerMany([
        // The menu entry, so only staff who import see it; each target still needs its own permission.
        { section: 'plugins', displayName: 'Open the import page', uid: MENU_PERMISSION_UID, pluginName: PLUGIN_ID },
        ...list.map((t) => ({ section: 'plugins', displayName: t.permissionName ?? `Import: ${t.label.en}`, uid: t.id, pluginName: PLUGIN_ID })),
      ]);
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await jobsOf(strapi).idle();
  },
};
