import type { Core } from '@strapi/strapi';
import { applyRolePermissions } from './bootstrap/permissions';
import { ensureLocales } from './bootstrap/locales';
import { ensureFirstAdmin } from './bootstrap/admin-user';
import { seedDemo } from '../database/seed';
import { complaintOperations } from './api/complaint/openapi';
import { open311Operations } from './api/open311/openapi';
import { complaintCaseType } from './api/complaint/case-type';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('complaint-workflow').service('engine').register('complaint', complaintCaseType(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    for (const op of complaintOperations) strapi.service('api::openapi.openapi').register(op);
    for (const op of open311Operations) strapi.service('api::openapi.openapi').register(op);
    await ensureLocales(strapi);
    await applyRolePermissions(strapi);
    await ensureFirstAdmin(strapi);
    if (process.env.SEED_DEMO !== 'false') {
      const summary = await seedDemo(strapi);
      if (summary.created > 0) strapi.log.info(`Demo town seeded: ${summary.created} records`);
    }
  },
};
