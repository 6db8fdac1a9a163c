import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { inputOf, notFound } from '../../../http/contract';

import { fieldMessage } from '../../../http/messages';
import { publicUrl } from '../../../public-url';
import { signedInUser } from '../../account/identity';
import { createComplaint, notFixedComplaint, trackComplaint, trackComplaintPhoto, uploadComplaintPhotos } from '../contracts';
import { toPublicComplaint } from '../domain/public-view';
import { openComplaintPhoto, photoUploadToken, storeComplaintPhotos, type IncomingFile } from '../photos';
import type { ComplaintService } from '../services/complaint';

/** Thin: the route's contract validated the input; call the service, shape the public answer. */
export default factories.createCoreController('api::complaint.complaint', ({ strapi }) => {
  const complaints = () => strapi.service('api::complaint.complaint') as ComplaintService;
  return {
    /** POST /api/complaints: a citizen files a complaint; the server sets state, channel, code and dates. */
    async create(ctx: Context) {
      const { body, language } = inputOf(ctx, createComplaint);
      // Filing stays open to everyone: a valid Bearer only ties the complaint to that account.
      const owner = await signedInUser(strapi, ctx);
      const { trackingCode, record } = await complaints().createFromCitizen(body.data, 'web', { language: body.data.language ?? language, owner: owner?.id });
      ctx.status = 201;
      // A confidential complaint is never shown publicly; its author still gets the code to quote.
      ctx.body = { data: record ? toPublicComplaint(record, new Date(), publicUrl(strapi)) : { trackingCode, confidential: true as const } };
    },

    /** POST /api/complaints/photos (multipart, field "files"): up to 3 images, answered with their ids and upload tokens. */
    async uploadPhotos(ctx: Context) {
      const { language } = inputOf(ctx, uploadComplaintPhotos);
      const raw = (ctx.request as { files?: Record<string, IncomingFile | IncomingFile[] | undefined> }).files?.files;
      const files = raw ? (Array.isArray(raw) ? raw : [raw]) : [];
      const stored = await storeComplaintPhotos(strapi, files, language);
      ctx.status = 201;
      // The token goes only to this client: POST /api/complaints asks it back with each id.
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: stored.map((p) => ({ id: p.id, token: photoUploadToken(strapi, p.id) })) };
    },

    /** GET /api/complaints/track/:trackingCode: the public view, or 404. */
    async track(ctx: Context) {
      const { params, language } = inputOf(ctx, trackComplaint);
      const found = await complaints().findByTrackingCode(params.trackingCode);
      if (!found) throw notFound('not_found', language);
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = { data: toPublicComplaint(found, new Date(), publicUrl(strapi)) };
    },

    /** GET /api/complaints/track/:trackingCode/photos/:id: the JPEG, only when that photo is that public complaint's. */
    async trackPhoto(ctx: Context) {
      const { params, query, language } = inputOf(ctx, trackComplaintPhoto);
      const found = await complaints().findByTrackingCode(params.trackingCode);
      const file = found?.id ? await openComplaintPhoto(strapi, found.id, params.id, query.size ?? 'full') : null;
      if (!file) throw notFound('not_found', language);
      // Anyone with the code may see it, but no shared cache keeps it: retention may erase it.
      ctx.set('Cache-Control', 'private, max-age=3600');
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.type = file.contentType;
      ctx.length = file.size;
      ctx.body = file.body;
    },

    /** POST /api/complaints/track/:trackingCode/not-fixed: the citizen reopens it, once, within 14 days. */
    async notFixed(ctx: Context) {
      const { params, body, language } = inputOf(ctx, notFixedComplaint);
      const outcome = await complaints().notFixed(params.trackingCode, body.data.reason);
      if (!outcome) throw notFound('not_found', language);
      if ('refusal' in outcome) ctx.throw(409, fieldMessage(outcome.refusal, language), { details: { code: outcome.refusal } });
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: toPublicComplaint(outcome.record, new Date(), publicUrl(strapi)) };
    },
  };
});
