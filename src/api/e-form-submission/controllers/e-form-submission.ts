import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { inputOf, notFound } from '../../../http/contract';

import { createSubmission, trackSubmission } from '../contracts';
import { toPublicSubmission } from '../domain/public-view';
import { signedInUser } from '../../account/identity';
import type { SubmissionService } from '../services/e-form-submission';

const UID = 'api::e-form-submission.e-form-submission';

/** Thin: the route's contract validated the input; call the service, shape the public answer. */
export default factories.createCoreController(UID, ({ strapi }) => {
  const submissions = () => strapi.service(UID) as SubmissionService;
  return {
    /** POST /api/e-form-submissions: a citizen files a request and gets its tracking code. */
    async create(ctx: Context) {
      const { body, language } = inputOf(ctx, createSubmission);
      // A valid Bearer ties the request to that account; filing never needs one.
      const owner = await signedInUser(strapi, ctx);
      const created = await submissions().createFromCitizen(body.data, language, owner?.id);
      const record = await submissions().findByTrackingCode(created.trackingCode);
      if (!record) throw new Error(`request ${created.trackingCode} vanished after it was filed`);
      ctx.status = 201;
      ctx.body = { data: toPublicSubmission(record) };
    },

    /** GET /api/e-form-submissions/track/:trackingCode: where the request stands, or 404. */
    async track(ctx: Context) {
      const { params, language } = inputOf(ctx, trackSubmission);
      const found = await submissions().findByTrackingCode(params.trackingCode);
      if (!found) throw notFound('not_found', language);
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = { data: toPublicSubmission(found) };
    },
  };
});
