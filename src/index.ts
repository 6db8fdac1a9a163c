import type { Core } from '@strapi/strapi';
import { applyRolePermissions } from './bootstrap/permissions';
import { closeRedis, redisOf } from './state/redis';
import { ensureIdempotencyTable } from './middlewares/idempotency';
import { ensureLocales } from './bootstrap/locales';
import { ensureFirstAdmin } from './bootstrap/admin-user';
import { applyAdminRoles, readOnlyWorkflowRecords } from './bootstrap/admin-roles';
import { applyContentManagerViews } from './bootstrap/content-manager-views';
import { answerAiOff } from './bootstrap/ai-off';
import { seedDemo } from '../database/seed';
import { seedDemoStaff } from '../database/seed/staff';
import { registerImportTargets } from './api/tax-bill/import-targets';
import { taxAdminRoutes } from './api/tax-bill/admin-routes';
import { backfillTaxBillReferences } from './api/tax-bill/backfill';
import { complaintCaseType } from './api/complaint/case-type';
import { preparePhotoDir } from './api/complaint/photo-files';
import { moveUploadedComplaintPhotos } from './api/complaint/photo-migration';
import { eServiceCaseType } from './api/e-form-submission/case-type';
import { prepareFileDir } from './api/e-form-submission/files';
import { registerFieldNames } from './api/e-form/field-names';
import { followComplaints } from './api/pole/follow-complaints';
import { registerChatChannels, registerChatSenders, startChatInbox, stopChatInbox } from './api/channel/register';
import type { ComplaintService } from './api/complaint/services/complaint';
import type { OpenApiService } from './api/openapi/services/openapi';
import { caseEngine } from '../plugins/complaint-workflow/server/src/public';
import { extendUidGenerator, registerSlugs } from './api/news/slugs';
import { registerDatasets } from './api/dataset/register';
import type { CatalogueService } from './api/dataset/services/catalogue';
import { dataStoreAdminRoutes } from './api/dataset/data-store-admin';
import { sharingAdminRoutes } from './api/dataset/admin-routes';
import { registerSharing } from './api/dataset/sharing';
import type { GisLayersService } from '../plugins/gis/server/src/public';
import { poleLayer } from './api/pole/map-layer';
import { complaintLayer } from './api/complaint/map-layer';
import { registerDatasetLayers } from './api/dataset/map-layers';
import { registerEServiceAdmin } from './api/e-form-submission/admin-routes';
import { registerTransparencyAdmin } from './api/transparency/admin-routes';
import { registerQuestionNames } from './api/survey/question-names';
import { registerNoticeData, registerNotices, noticesIdle } from './api/announcement/register';
import { registerRecordSources } from './api/account/record-sources';
import { applyAccountSettings } from './api/account/settings';

let photoSweep: NodeJS.Timeout | undefined;
let datasetLayers: { refresh(): Promise<number> } | undefined;
let retentionSweep: NodeJS.Timeout | undefined;

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    // Workflow records are read-only in the Content Manager, even for the super admin.
    readOnlyWorkflowRecords(strapi);
    answerAiOff(strapi);
    // Tax bills and the bank's payment report are spreadsheet-import targets; the staff list of
    // payments to review is an admin route of the tax feature.
    registerImportTargets(strapi);
    strapi.server.routes(taxAdminRoutes);
    strapi.server.routes(dataStoreAdminRoutes);
    const engine = caseEngine(strapi);
    engine.register(complaintCaseType(strapi));
    engine.register(eServiceCaseType(strapi));
    // Announcements delivered on publish; owners of cases told by the channel they chose.
    registerNotices(strapi);
    followComplaints(strapi);
    registerChatChannels(strapi);
    // News and page slugs from their titles, Thai kept; old slugs remembered for redirects.
    registerSlugs(strapi);
    // E-service form fields get their answer keys on save, whoever saves.
    registerFieldNames(strapi);
    // Survey questions too, by the same rule.
    registerQuestionNames(strapi);
    // Open data: resource ids, CKAN names, the data store loaded after saves, a version per publish.
    registerDatasets(strapi);
    // Data sharing: partner agencies' tokens and the access log, staff routes and permissions.
    strapi.server.routes(sharingAdminRoutes);
    await registerSharing(strapi);
    await registerEServiceAdmin(strapi);
    // The ITA/OIT checklist page and the good-governance dashboard: their permissions and staff routes.
    await registerTransparencyAdmin(strapi);
    // The town map: poles, complaints (without who made them) and public GeoJSON datasets as
    // read-only layers beside the ones staff draw.
    const gis = strapi.plugin('gis').service<GisLayersService>('layers');
    gis.registerProvider(poleLayer(strapi));
    gis.registerProvider(complaintLayer(strapi));
    datasetLayers = registerDatasetLayers(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    if (photoSweep) clearInterval(photoSweep);
    if (retentionSweep) clearInterval(retentionSweep);
    await stopChatInbox(strapi);
    await noticesIdle(strapi);
    await (strapi.service('api::dataset.catalogue') as CatalogueService).idle();
    await closeRedis(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // With REDIS_URL: connected before the first request, so no count starts in memory needlessly.
    await redisOf(strapi)
      ?.ping()
      .catch((err: Error) => strapi.log.error(`[redis] ${err.message}: rate limits and caches are kept in this process until Redis answers`));
    await ensureIdempotencyTable(strapi);
    (strapi.service('api::openapi.openapi') as OpenApiService).reset();
    registerChatSenders(strapi);
    registerNoticeData(strapi);
    extendUidGenerator(strapi);
    // Complaint photos are private files: their folder first, then the old Media Library ones moved
    // into it, before anything (a request, a sweep, the chat inbox) reads photos.
    preparePhotoDir(strapi);
    prepareFileDir(strapi);
    await moveUploadedComplaintPhotos(strapi);
    await ensureLocales(strapi);
    await applyRolePermissions(strapi);
    // Citizen accounts: sign-up with e-mail confirmation, the Thai e-mails, links into the website.
    await applyAccountSettings(strapi);
    await applyAdminRoles(strapi);
    await applyContentManagerViews(strapi);
    await ensureFirstAdmin(strapi);
    await backfillTaxBillReferences(strapi);
    if (strapi.config.get<boolean>('setup.seedDemo', true)) {
      const summary = await seedDemo(strapi);
      if (summary.created > 0) strapi.log.info(`Demo town seeded: ${summary.created} records`);
      await seedDemoStaff(strapi);
    }
    await datasetLayers?.refresh();
    // My records (complaints, requests, ratings, tax bills) in an account's export and erasure.
    registerRecordSources(strapi);
    const complaints = () => strapi.service('api::complaint.complaint') as ComplaintService;
    // Photos uploaded for a complaint never filed: at start, then every hour.
    const sweep = () => {
      const maxAgeMs = strapi.config.get<number>('server.unattachedPhotoHours', 24) * 3600_000;
      complaints()
        .sweepUnattachedPhotos(maxAgeMs)
        .then((n) => {
          if (n) strapi.log.info(`Removed ${n} complaint photo(s) no complaint names`);
        })
        .catch((e: Error) => strapi.log.error(`complaint photo sweep: ${e.message}`));
    };
    photoSweep = setInterval(sweep, 3600_000);
    photoSweep.unref();
    setImmediate(sweep);
    // Photos and personal data of complaints finished longer ago than COMPLAINT_RETENTION_DAYS: at start, then daily.
    const retain = () => {
      complaints()
        .eraseExpiredPersonalData()
        .then((n) => {
          if (n) strapi.log.info(`Erased the photos and personal data of ${n} complaint(s) at the end of retention`);
        })
        .catch((e: Error) => strapi.log.error(`complaint retention sweep: ${e.message}`));
    };
    retentionSweep = setInterval(retain, 24 * 3600_000);
    retentionSweep.unref();
    setImmediate(retain);
    startChatInbox(strapi);
  },
};
