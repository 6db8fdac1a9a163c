import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readSpreadsheet } from '../../../../../src/api/tax-bill/domain/spreadsheet';

const MAX_BYTES = 20 * 1024 * 1024;

/** Thin: read the upload, call the services, shape the answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const imports = () => strapi.plugin('tax').service('imports');

  async function uploadedRows(ctx: any): Promise<{ name: string; rows: string[][] }> {
    const raw = ctx.request.files?.file;
    const file = Array.isArray(raw) ? raw[0] : raw;
    const fail = (th: string, en: string) => new errors.ValidationError(`${th} / ${en}`, { errors: [{ path: ['file'], message: `${th} / ${en}`, name: 'ValidationError' }] });
    if (!file) throw fail('กรุณาเลือกไฟล์ CSV หรือ XLSX', 'Choose a CSV or XLSX file (multipart field "file")');
    if (file.size > MAX_BYTES) throw fail('ไฟล์ใหญ่เกิน 20 MB', 'The file is larger than 20 MB');
    const name = String(file.originalFilename ?? file.name ?? 'file');
    try {
      const rows = await readSpreadsheet(fs.readFileSync(file.filepath ?? file.path), name);
      if (rows.length < 2) throw new Error('empty');
      return { name, rows };
    } catch {
      throw fail('อ่านไฟล์ไม่ได้ หรือไม่มีข้อมูลใต้แถวหัวตาราง (ใช้ไฟล์ CSV แบบ UTF-8 หรือ XLSX)', 'The file could not be read, or has no rows under its header (use UTF-8 CSV or XLSX)');
    }
  }

  const jobOf = (ctx: any) => {
    const job = imports().get(String(ctx.params.id), ctx.state.user.id);
    if (!job) throw new errors.NotFoundError('ไม่พบการนำเข้านี้ กรุณาอัปโหลดไฟล์อีกครั้ง / No such import: upload the file again');
    return job;
  };
  const body = (ctx: any) => (ctx.request.body && typeof ctx.request.body === 'object' ? ctx.request.body : {});

  return {
    async upload(ctx: any) {
      const { name, rows } = await uploadedRows(ctx);
      ctx.status = 201;
      ctx.body = imports().create(ctx.state.user.id, name, rows);
    },
    async check(ctx: any) {
      ctx.body = imports().check(jobOf(ctx), body(ctx).mapping);
    },
    async run(ctx: any) {
      const job = jobOf(ctx);
      const checked = imports().check(job, body(ctx).mapping);
      if (checked.missing.length) {
        throw new errors.ValidationError('ยังไม่ได้เลือกคอลัมน์ที่จำเป็น / Required columns are not mapped', {
          errors: checked.missing.map((key: string) => ({ path: ['mapping', key], message: 'required', name: 'ValidationError' })),
        });
      }
      imports().run(job, body(ctx).mapping);
      ctx.status = 202;
      ctx.body = imports().status(job);
    },
    async status(ctx: any) {
      ctx.body = imports().status(jobOf(ctx));
    },
    /** The bank's bill-payment report (CSV: date, reference 1, reference 2, amount, bank reference). */
    async reconcile(ctx: any) {
      const { rows } = await uploadedRows(ctx);
      // A header row is recognised by its amount column not being a number.
      const body = /^\d/.test(String(rows[0]?.[3] ?? '').trim()) ? rows : rows.slice(1);
      ctx.body = await strapi.service('api::tax-bill.tax-bill').reconcile(body);
    },
    /** Payments waiting for a person: partial, over-paid, unmatched, or for a bill already paid. */
    async review(ctx: any) {
      ctx.body = {
        results: await strapi.db.query('api::tax-payment.tax-payment').findMany({
          where: { needsReview: true },
          populate: { bill: { select: ['billNumber', 'taxYear'] } },
          orderBy: [{ paidAt: 'desc' }],
          limit: 200,
        }),
      };
    },
  };
};
