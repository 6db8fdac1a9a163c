import type { Core } from '@strapi/strapi';
import { applyRolePermissions } from './bootstrap/permissions';
import { ensureLocales } from './bootstrap/locales';
import { ensureFirstAdmin } from './bootstrap/admin-user';
import { seedDemo } from '../database/seed';
import { registerImportTargets } from './api/tax-bill/import-targets';
import { taxAdminRoutes } from './api/tax-bill/admin-routes';
import { backfillTaxBillReferences } from './api/tax-bill/backfill';
import { complaintCaseType } from './api/complaint/case-type';
import { eServiceCaseType } from './api/e-form-submission/case-type';
import { followComplaints } from './api/pole/follow-complaints';
import { registerChatChannels, registerChatSenders, startChatInbox, stopChatInbox } from './api/channel/register';
import type { OpenApiService } from './api/openapi/services/openapi';
import { caseEngine } from '../plugins/complaint-workflow/server/src/public';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Tax bills and the bank's payment report are spreadsheet-import targets; the staff list of
    // payments to review is an admin route of the tax feature.
    registerImportTargets(strapi);
    strapi.server.routes(taxAdminRoutes);
    const engine = caseEngine(strapi);
    engine.register(complaintCaseType(strapi));
    engine.register(eServiceCaseType(strapi));
    followComplaints(strapi);
    registerChatChannels(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await stopChatInbox(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    (strapi.service('api::openapi.openapi') as OpenApiService).reset();
    registerChatSenders(strapi);
    await ensureLocales(strapi);
    await applyRolePermissions(strapi);
    await ensureFirstAdmin(strapi);
    await backfillTaxBillReferences(strapi);
    if (strapi.config.get<boolean>('setup.seedDemo', true)) {
      const summary = await seedDemo(strapi);
      if (summary.created > 0) strapi.log.info(`Demo town seeded: ${summary.created} records`);
    }
    startChatInbox(strapi);
  },
};
