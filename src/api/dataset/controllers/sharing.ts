import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { check } from '../../../shared/field-rules';
import { invalid } from '../../../http/contract';
import { fieldMessage, languageOf, type Language } from '../../../http/messages';
import { writeXlsx } from '../../../../plugins/spreadsheet-import/server/src/public';
import { accessLogQuery, accessRows, exportName, issueTokenBody, toCsv } from '../domain/sharing';
import type { PartnersService } from '../services/partners';
import type { AccessLogService } from '../services/access-log';

/** The schema's output, or a 400 naming every wrong field in the caller's language. */
function parse<T extends z.core.$ZodType>(schema: T, value: unknown, lang: Language): z.output<T> {
  const result = check(schema, value);
  if (result.issues) throw invalid(result.issues.map((i) => ({ ...i, message: fieldMessage(i.code, lang) })), lang);
  return result.data;
}

const agencyId = z.object({ id: z.coerce.number().int().positive() });

/** Staff routes of data sharing (admin-routes.ts): thin, the work is in the partners and access-log services. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const partners = () => strapi.service('api::dataset.partners') as PartnersService;
  const log = () => strapi.service('api::dataset.access-log') as AccessLogService;
  const exportQuery = (ctx: Context) => parse(accessLogQuery, ctx.query, languageOf(ctx));

  return {
    /** GET /data-sharing/agencies: every partner agency, its token's state and the datasets shared with it. */
    async agencies(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { results: await partners().agencies() };
    },

    /** POST /data-sharing/agencies/:id/token { days }: a new token for the agency, its key shown this once. */
    async issueToken(ctx: Context) {
      const lang = languageOf(ctx);
      const { id } = parse(agencyId, ctx.params, lang);
      const { days } = parse(issueTokenBody, ctx.request.body ?? {}, lang);
      const issued = await partners().issueToken(id, days, lang);
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 201;
      ctx.body = { data: issued };
    },

    /** GET /data-sharing/accesses?agency=&from=&to=&page=&pageSize=: the access log, newest first. */
    async accesses(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await log().find(exportQuery(ctx));
    },

    /** GET /data-sharing/accesses/export.csv: the filtered log as CSV (UTF-8 with a byte order mark, for Excel). */
    async exportCsv(ctx: Context) {
      const q = exportQuery(ctx);
      const rows = accessRows(await log().all(q), q.locale);
      ctx.set('Cache-Control', 'no-store');
      ctx.attachment(exportName(q, 'csv'));
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = toCsv(rows);
    },

    /** GET /data-sharing/accesses/export.xlsx: the filtered log as an Excel workbook. */
    async exportXlsx(ctx: Context) {
      const q = exportQuery(ctx);
      const rows = accessRows(await log().all(q), q.locale);
      ctx.set('Cache-Control', 'no-store');
      ctx.attachment(exportName(q, 'xlsx'));
      ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      ctx.body = await writeXlsx(rows);
    },
  };
};
