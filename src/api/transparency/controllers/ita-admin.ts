import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import type { TransparencyService } from '../services/transparency';
import type { GovernanceService } from '../services/governance';
import { fieldRefusal } from '../../../http/contract';
import { languageOf } from '../../../http/messages';

/** A fiscal year from the query (Buddhist era), or undefined for the current one; 400 otherwise. */
function yearOf(ctx: Context): number | undefined {
  const raw = ctx.query.fiscalYear;
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw) || Number(raw) < 2500 || Number(raw) > 2700) {
    throw fieldRefusal(['query', 'fiscalYear'], 'invalid_fiscal_year', languageOf(ctx));
  }
  return Number(raw);
}

/** The ITA/OIT page and the good-governance dashboard (admin-routes.ts): thin, the services compute. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /ita/checklist: the year's checklist with each item's record id (for the edit link). */
  async checklist(ctx: Context) {
    const service = strapi.service('api::transparency.transparency') as TransparencyService;
    const year = yearOf(ctx);
    const [list, years] = await Promise.all([service.checklist(year), service.years()]);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: { ...list, years } };
  },

  /** GET /ita/governance: the six principles' indicators for the year. */
  async governance(ctx: Context) {
    const year = yearOf(ctx);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await (strapi.service('api::transparency.governance') as GovernanceService).figures(year) };
  },
});
