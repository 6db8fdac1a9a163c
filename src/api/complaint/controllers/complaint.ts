import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validateComplaintInput } from '../domain/validate';
import { toPublicComplaint } from '../domain/public-view';
import { TRACKING_CODE_PATTERN } from '../domain/tracking-code';
import { storeComplaintPhotos, type IncomingFile } from '../photos';
import type { ComplaintService } from '../services/complaint';

export default factories.createCoreController('api::complaint.complaint', ({ strapi }) => {
  const complaints = () => strapi.service('api::complaint.complaint') as ComplaintService;
  return {
  /** POST /api/complaints: a citizen files a complaint; the server sets state, channel, code and dates. */
  async create(ctx: Context) {
    const { value, issues } = validateComplaintInput((ctx.request as { body?: unknown }).body);
    if (!value) {
      const first = issues[0];
      throw new errors.ValidationError(`${first.th} / ${first.en}`, {
        errors: issues.map((i) => ({ path: i.path, message: `${i.th} / ${i.en}`, name: 'ValidationError' })),
      });
    }
    const { trackingCode, record } = await complaints().createFromCitizen(value, 'web');
    ctx.status = 201;
    // A confidential complaint is never shown publicly; its author still gets the code to quote.
    ctx.body = { data: record ? toPublicComplaint(record) : { trackingCode, confidential: true } };
  },

  /** POST /api/complaints/photos (multipart, field "files"): up to 3 images, answered with their ids. */
  async uploadPhotos(ctx: Context) {
    const raw = (ctx.request as { files?: Record<string, IncomingFile | IncomingFile[] | undefined> }).files?.files;
    const files = raw ? (Array.isArray(raw) ? raw : [raw]) : [];
    ctx.status = 201;
    ctx.body = { data: await storeComplaintPhotos(strapi, files) };
  },

  /** GET /api/complaints/track/:trackingCode: the public view, or 404. */
  async track(ctx: Context) {
    const code = String((ctx.params as Record<string, string>).trackingCode || '').toUpperCase();
    const found = TRACKING_CODE_PATTERN.test(code) ? await complaints().findByTrackingCode(code) : null;
    if (!found) throw new errors.NotFoundError('ไม่พบเรื่องตามรหัสติดตามนี้ / No complaint has this tracking code');
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = { data: toPublicComplaint(found) };
  },
};
});
