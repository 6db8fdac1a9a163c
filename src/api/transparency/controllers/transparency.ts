import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { inputOf } from '../../../http/contract';
import { getChecklist } from '../contracts';
import type { TransparencyService } from '../services/transparency';
import { toPublicChecklist } from '../domain/checklist';

/** Thin: the contract validated the query; the service resolves the checklist. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/transparency?fiscalYear=2570 */
  async checklist(ctx: Context) {
    const { query } = inputOf(ctx, getChecklist);
    const service = strapi.service('api::transparency.transparency') as TransparencyService;
    const [list, years] = await Promise.all([service.checklist(query.fiscalYear), service.years()]);
    ctx.body = { data: { ...toPublicChecklist(list), years } };
  },
});
