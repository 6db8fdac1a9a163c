import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isTabularFile, type DatasetRecord } from '../services/catalogue';
import type { DatastoreService } from '../services/datastore';

const UID = 'api::dataset.dataset';
const PREVIEW_ROWS = 20;

/** The data store as staff see it in the dataset's edit view: state, fields, remarks and the first rows. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async tables(ctx: Context) {
    const ability = (ctx.state as { userAbility?: { can(action: string, subject: string): boolean } }).userAbility;
    if (!ability?.can('plugin::content-manager.explorer.read', UID)) throw new errors.ForbiddenError();
    const { documentId } = ctx.params as { documentId: string };
    const datastore = strapi.service('api::dataset.datastore') as DatastoreService;
    const draft = (await strapi.documents(UID).findOne({ documentId, status: 'draft', populate: { resources: { populate: { file: true } } } })) as unknown as DatasetRecord | null;
    if (!draft) throw new errors.NotFoundError();
    const results = [];
    for (const r of draft.resources ?? []) {
      if (r.source !== 'file' || !r.file || !isTabularFile(r.file) || !r.key) continue;
      const table = await datastore.table(r.key, r.file.hash);
      const preview = table?.state === 'ready' ? await datastore.search(table, { limit: PREVIEW_ROWS, offset: 0 }) : null;
      results.push({
        key: r.key,
        name: r.name,
        fileName: r.file.name,
        state: table?.state ?? 'waiting',
        rowCount: table?.rowCount ?? 0,
        done: table?.done ?? 0,
        fields: table?.fields ?? [],
        issues: table?.issues ?? [],
        error: table?.error ?? null,
        records: preview?.records ?? [],
      });
    }
    ctx.body = { results };
  },
});
