import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { cleanMapping, missingFields } from '../columns';
import { readSpreadsheet } from '../spreadsheet';
import { PLUGIN_ID, type ImportTarget, type Text } from '../types';

const MAX_BYTES = 20 * 1024 * 1024;

/** A 400 naming the field, with a stable code and both languages beside the joined message. */
const invalid = (code: string, text: Text, path: Array<string | number>, more: Array<{ path: Array<string | number>; code?: string }> = []) =>
  new errors.ValidationError(`${text.th} / ${text.en}`, {
    code,
    th: text.th,
    en: text.en,
    errors: (more.length ? more : [{ path, code }]).map((e) => ({ path: e.path, code: e.code ?? code, message: `${text.th} / ${text.en}`, name: 'ValidationError' })),
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
  const plugin = () => strapi.plugin(PLUGIN_ID);
  const jobs = () => plugin().service('jobs');
  const targetOf = (ctx: any): ImportTarget => plugin().service('targets').get(String(ctx.params.target));

  async function uploadedRows(ctx: any): Promise<{ name: string; rows: string[][] }> {
    const raw = ctx.request.files?.file;
    const file = Array.isArray(raw) ? raw[0] : raw;
    if (!file) throw invalid('file.missing', MESSAGES.noFile, ['file']);
    if (file.size > MAX_BYTES) throw invalid('file.too_large', MESSAGES.tooLarge, ['file']);
    const name = String(file.originalFilename ?? file.name ?? 'file');
    let rows: string[][];
    try {
      rows = await readSpreadsheet(fs.readFileSync(file.filepath ?? file.path), name);
    } catch {
      rows = [];
    }
    if (rows.length < 1) throw invalid('file.unreadable', MESSAGES.unreadable, ['file']);
    return { name, rows };
  }

  const jobOf = (ctx: any) => {
    const job = jobs().get(String(ctx.params.target), String(ctx.params.id), ctx.state.user.id);
    if (!job) throw new errors.NotFoundError(`${MESSAGES.noJob.th} / ${MESSAGES.noJob.en}`, { code: 'import.not_found', ...MESSAGES.noJob });
    return job;
  };
  const mappingOf = (ctx: any) => (ctx.request.body && typeof ctx.request.body === 'object' ? ctx.request.body.mapping : undefined);

  return {
    /** GET /targets: the targets this user may import into, as the admin page draws them. */
    async targets(ctx: any) {
      const targets = plugin().service('targets');
      ctx.body = { data: targets.permitted(ctx.state.userAbility).map((t: ImportTarget) => targets.describe(t)) };
    },

    /** POST /targets/:target/imports (multipart `file`): reads the file, suggests a mapping. */
    async upload(ctx: any) {
      const target = targetOf(ctx);
      const { name, rows } = await uploadedRows(ctx);
      const answer = jobs().create(target, ctx.state.user.id, name, rows);
      if (!answer) throw invalid('file.unreadable', MESSAGES.unreadable, ['file']);
      ctx.status = 201;
      ctx.body = answer;
    },

    /** POST /targets/:target/imports/:id/check { mapping }: every row checked, nothing stored. */
    async check(ctx: any) {
      ctx.body = jobs().check(targetOf(ctx), jobOf(ctx), mappingOf(ctx));
    },

    /** POST /targets/:target/imports/:id/run { mapping }: 202, the run goes on in the background. */
    async run(ctx: any) {
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
      jobs().run(target, job, mappingOf(ctx), ctx.state.user.id);
      ctx.status = 202;
      ctx.body = jobs().status(job);
    },

    /** GET /targets/:target/imports/:id: state and progress, then the report. */
    async status(ctx: any) {
      ctx.body = jobs().status(jobOf(ctx));
    },
  };
};
