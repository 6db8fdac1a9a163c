import type { Core } from '@strapi/strapi';
import { inputOf, notFound } from '../../../http/contract';
import { getStatistics, getStatisticsArea } from '../contracts';
import { isArea } from '../domain/areas';
import type { StatisticsService } from '../services/statistics';

/** Figures change with every case: a cache keeps them only after asking again (the ETag). */
const NO_CACHE = 'no-cache';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const statistics = () => strapi.service('api::statistics.statistics') as StatisticsService;
  return {
    async all(ctx) {
      const { query } = inputOf(ctx, getStatistics);
      ctx.set('Cache-Control', NO_CACHE);
      ctx.body = { data: await statistics().all({ fiscalYear: query.fiscalYear }) };
    },
    async area(ctx) {
      const { params, query, language } = inputOf(ctx, getStatisticsArea);
      if (!isArea(params.area)) throw notFound('unknown_area', language);
      ctx.set('Cache-Control', NO_CACHE);
      ctx.body = { data: await statistics().area(params.area, { fiscalYear: query.fiscalYear }) };
    },
  } satisfies Core.Controller;
};
