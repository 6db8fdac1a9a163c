import type { Core } from '@strapi/strapi';
import { RECONCILE_PERMISSION } from './staff-permissions';

/**
 * Staff routes of the tax feature (admin JWT), served under /tax-bills beside the plugins' admin
 * routes. Strapi mounts every router of src/api as content API, so these are added from the app's
 * register() with `strapi.server.routes(taxAdminRoutes)`.
 */
export const taxAdminRoutes: Core.Router = {
  type: 'admin',
  prefix: '/tax-bills',
  routes: [
    {
      method: 'GET',
      path: '/payments/review',
      handler: 'tax-bill.paymentsToReview',
      info: { apiName: 'tax-bill' },
      config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [RECONCILE_PERMISSION] } }] },
    },
  ],
};
