import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import type { DashboardService } from '../services/dashboard';

/** The e-service dashboard's staff route (admin-routes.ts): thin, the figures come from the dashboard service. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /e-service-requests/dashboard: the figures as of now. */
  async figures(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await (strapi.service('api::e-form-submission.dashboard') as DashboardService).figures() };
  },
});
