import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { inputOf } from '../../../http/contract';
import { createDatasetRequest } from '../contracts-requests';
import type { RequestsService } from '../services/requests';

/** Thin: the contract validated the input; the service stores it; the answer is the reference alone. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/open-data/requests */
  async create(ctx: Context) {
    const { body } = inputOf(ctx, createDatasetRequest);
    const { referenceCode } = await (strapi.service('api::dataset.requests') as RequestsService).create(body.data);
    ctx.status = 201;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: { referenceCode } };
  },
});
