import fs from 'fs';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { cleanMapping, missingFields } from '../columns';
import { invalid, notFound } from '../errors';
import type { MessageCode } from '../messages';
import { jobsOf, targetsOf } from '../plugin';
import { readSpreadsheet, SpreadsheetError } from '../spreadsheet';
import type { ImportTarget } from '../types';
import { uploadedFiles } from '../uploads';

/** What the admin's authentication leaves in ctx.state (untyped in Strapi). */
interface AdminState {
  user: { id: number };
  userAbility: { can: (action: string) => boolean };
}

const MAX_BYTES = 20 * 1024 * 1024;

/** Why the reader refused a file, as the message staff read. */
const REFUSALS: Record<SpreadsheetError['code'], MessageCode> = {
  encoding: 'file.encoding',
  xls: 'file.xls',
  csv: 'file.malformed_csv',
  xlsx: 'file.not_xlsx',
};

/** Thin: read the request, call the services, shape the answer. The route's policy checked the target. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => jobsOf(strapi);
  const params = (ctx: Context) => ctx.params as Record<string, string | undefined>;
  const stateOf = (ctx: Context) => ctx.state as AdminState;
  // The route's policy (can-use-target) answered 404 for an unknown target, so it is there.
  const targetOf = (ctx: Context) => targetsOf(strapi).get(String(params(ctx).target)) as ImportTarget;

  async function uploadedRows(ctx: Context): Promise<{ name: string; rows: string[][] }> {
    const raw = uploadedFiles(ctx).file;
    const file = Array.isArray(raw) ? raw[0] : raw;
    if (!file) throw invalid(ctx, 'file.missing', ['file']);
    if (file.size > MAX_BYTES) throw invalid(ctx, 'file.too_large', ['file']);
    const name = String(file.originalFilename ?? file.name ?? 'file');
    let rows: string[][];
    try {
      const filePath = file.filepath ?? file.path;
      rows = filePath ? await readSpreadsheet(fs.readFileSync(filePath), name) : [];
    } catch (err) {
      // A file the reader refuses is the uploader's to fix: a 400 saying why, never a 500.
      if (err instanceof SpreadsheetError) throw invalid(ctx, REFUSALS[err.code], ['file'], { values: { line: err.line ?? '?' } });
      strapi.log.warn(`[spreadsheet-import] ${name}: ${(err as Error).message}`);
      rows = [];
    }
    if (rows.length < 1) throw invalid(ctx, 'file.unreadable', ['file']);
    return { name, rows };
  }

  const jobOf = (ctx: Context) => {
    const job = jobs().get(String(params(ctx).target), String(params(ctx).id), stateOf(ctx).user.id);
    if (!job) throw notFound(ctx, 'import.not_found');
    return job;
  };
  const bodyOf = (ctx: Context) => {
    const body = (ctx.request as { body?: unknown }).body;
    return (body && typeof body === 'object' ? body : {}) as { mapping?: unknown; confirmFarDates?: unknown };
  };
  const mappingOf = (ctx: Context): unknown => bodyOf(ctx).mapping;

  return {
    /** GET /targets: the targets this user may import into, as the admin page draws them. */
    targets(ctx: Context) {
      const targets = targetsOf(strapi);
      ctx.body = { data: targets.permitted(stateOf(ctx).userAbility).map((t) => targets.describe(t)) };
    },

    /** POST /targets/:target/imports (multipart `file`): reads the file, suggests a mapping. */
    async upload(ctx: Context) {
      const target = targetOf(ctx);
      const { name, rows } = await uploadedRows(ctx);
      const answer = jobs().create(target, stateOf(ctx).user.id, name, rows);
      if (!answer) throw invalid(ctx, 'file.unreadable', ['file']);
      ctx.status = 201;
      ctx.body = answer;
    },

    /** POST /targets/:target/imports/:id/check { mapping }: every row checked, nothing stored. */
    check(ctx: Context) {
      ctx.body = jobs().check(targetOf(ctx), jobOf(ctx), mappingOf(ctx));
    },

    /**
     * POST /targets/:target/imports/:id/run { mapping, confirmFarDates? }: 202, the run goes on in the
     * background. Rows with far dates go in only with `confirmFarDates: true` itself, never a truthy lookalike.
     */
    run(ctx: Context) {
      const target = targetOf(ctx);
      const job = jobOf(ctx);
      const missing = missingFields(target.fields, cleanMapping(target.fields, job.headers.length, mappingOf(ctx)));
      if (missing.length) {
        throw invalid(ctx, 'mapping.required', ['mapping'], { paths: missing.map((key) => ['mapping', key]) });
      }
      jobs().run(target, job, mappingOf(ctx), stateOf(ctx).user.id, bodyOf(ctx).confirmFarDates === true);
      ctx.status = 202;
      ctx.body = jobs().status(job);
    },

    /** GET /targets/:target/imports/:id: state and progress, then the report. */
    status(ctx: Context) {
      ctx.body = jobs().status(jobOf(ctx));
    },
  };
};
