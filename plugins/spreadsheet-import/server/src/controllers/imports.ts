import fs from 'fs';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { cleanMapping, missingFields } from '../columns';
import { jobsOf, targetsOf } from '../plugin';
import { readSpreadsheet } from '../spreadsheet';
import type { ImportTarget, Text } from '../types';
import { uploadedFiles } from '../uploads';

/** What the admin's authentication leaves in ctx.state (untyped in Strapi). */
interface AdminState {
  user: { id: number };
  userAbility: { can: (action: string) => boolean };
}

const MAX_BYTES = 20 * 1024 * 1024;

/** A 400 naming the field, with a stable code and its text in both languages as data; `message` is Thai. */
const invalid = (code: string, text: Text, path: Array<string | number>, more: Array<{ path: Array<string | number>; code?: string }> = []) =>
  new errors.ValidationError(text.th, {
    code,
    th: text.th,
    en: text.en,
    messages: text,
    errors: (more.length ? more : [{ path, code }]).map((e) => ({ path: e.path, code: e.code ?? code, message: text.th, messages: text, name: 'ValidationError' })),
  });

const MESSAGES = {
  noFile: { th: 'กรุณาเลือกไฟล์ CSV หรือ XLSX', en: 'Choose a CSV or XLSX file (multipart field "file")' },
  tooLarge: { th: 'ไฟล์ใหญ่เกิน 20 MB', en: 'The file is larger than 20 MB' },
  unreadable: {
    th: 'อ่านไฟล์ไม่ได้ หรือไม่มีข้อมูลใต้แถวหัวตาราง (ใช้ไฟล์ CSV แบบ UTF-8 หรือ XLSX)',
    en: 'The file could not be read, or has no rows under its header (use UTF-8 CSV or XLSX)',
  },
  noJob: { th: 'ไม่พบการนำเข้านี้ กรุณาอัปโหลดไฟล์อีกครั้ง', en: 'No such import: upload the file again' },
  unmapped: { th: 'ยังไม่ได้เลือกคอลัมน์ที่จำเป็น', en: 'Required columns are not mapped' },
} satisfies Record<string, Text>;

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
    if (!file) throw invalid('file.missing', MESSAGES.noFile, ['file']);
    if (file.size > MAX_BYTES) throw invalid('file.too_large', MESSAGES.tooLarge, ['file']);
    const name = String(file.originalFilename ?? file.name ?? 'file');
    let rows: string[][];
    try {
      const filePath = file.filepath ?? file.path;
      rows = filePath ? await readSpreadsheet(fs.readFileSync(filePath), name) : [];
    } catch {
      rows = [];
    }
    if (rows.length < 1) throw invalid('file.unreadable', MESSAGES.unreadable, ['file']);
    return { name, rows };
  }

  const jobOf = (ctx: Context) => {
    const job = jobs().get(String(params(ctx).target), String(params(ctx).id), stateOf(ctx).user.id);
    if (!job) throw new errors.NotFoundError(MESSAGES.noJob.th, { code: 'import.not_found', ...MESSAGES.noJob, messages: MESSAGES.noJob });
    return job;
  };
  const mappingOf = (ctx: Context): unknown => {
    const body = (ctx.request as { body?: unknown }).body;
    return body && typeof body === 'object' ? (body as { mapping?: unknown }).mapping : undefined;
  };

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
      if (!answer) throw invalid('file.unreadable', MESSAGES.unreadable, ['file']);
      ctx.status = 201;
      ctx.body = answer;
    },

    /** POST /targets/:target/imports/:id/check { mapping }: every row checked, nothing stored. */
    check(ctx: Context) {
      ctx.body = jobs().check(targetOf(ctx), jobOf(ctx), mappingOf(ctx));
    },

    /** POST /targets/:target/imports/:id/run { mapping }: 202, the run goes on in the background. */
    run(ctx: Context) {
      const target = targetOf(ctx);
      const job = jobOf(ctx);
      const missing = missingFields(target.fields, cleanMapping(target.fields, job.headers.length, mappingOf(ctx)));
      if (missing.length) {
        throw invalid(
          'mapping.required',
          MESSAGES.unmapped,
          ['mapping'],
          missing.map((key) => ({ path: ['mapping', key] }))
        );
      }
      jobs().run(target, job, mappingOf(ctx), stateOf(ctx).user.id);
      ctx.status = 202;
      ctx.body = jobs().status(job);
    },

    /** GET /targets/:target/imports/:id: state and progress, then the report. */
    status(ctx: Context) {
      ctx.body = jobs().status(jobOf(ctx));
    },
  };
};
