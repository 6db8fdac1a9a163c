import type { Core } from '@strapi/strapi';
import { dashboardFigures, type DashboardFigures, type DashboardForm, type DashboardRequest } from '../dashboard';
import { E_SERVICE_WORKFLOW } from '../workflow';

const SUBMISSION = 'api::e-form-submission.e-form-submission';
const FORM = 'api::e-form.e-form';

export interface DashboardService {
  figures(now?: Date): Promise<DashboardFigures>;
}

/**
 * The dashboard's figures, from every request's few fields (a municipality files thousands a year,
 * not millions) and the published forms. Reads only; nothing personal leaves the database.
 */
export default ({ strapi }: { strapi: Core.Strapi }): DashboardService => ({
  async figures(now = new Date()) {
    const [requests, forms] = await Promise.all([
      strapi.db.query(SUBMISSION).findMany({ select: ['formSlug', 'title', 'state', 'receivedAt', 'dueAt', 'resolvedAt', 'paperPages'] }) as Promise<DashboardRequest[]>,
      // Published forms only: a draft is nobody's service yet.
      strapi.db.query(FORM).findMany({ where: { publishedAt: { $notNull: true } }, select: ['slug', 'titleTh', 'titleEn'] }) as Promise<DashboardForm[]>,
    ]);
    return dashboardFigures(requests, forms, E_SERVICE_WORKFLOW, now);
  },
});
