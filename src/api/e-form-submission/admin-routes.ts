import type { Core } from '@strapi/strapi';
import { E_SERVICE_DASHBOARD } from './staff-permissions';

interface AdminPermissionService {
  actionProvider: { registerMany: (actions: Array<Record<string, string>>) => Promise<unknown> };
}

/**
 * Staff routes of e-service requests (admin JWT), served under /e-service-requests (the website owns /e-service/*): the dashboard's figures,
 * for executives, auditors and the officers who answer requests. Strapi mounts every router of
 * src/api as content API, so these are added from the app's register().
 */
export const eServiceAdminRoutes: Core.Router = {
  type: 'admin',
  prefix: '/e-service-requests',
  routes: [
    {
      method: 'GET',
      path: '/dashboard',
      handler: 'dashboard.figures',
      info: { apiName: 'e-form-submission' },
      config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [E_SERVICE_DASHBOARD] } }] },
    },
  ],
};

/**
 * The e-service part of the app's register(): the dashboard's admin permission (Settings → Roles,
 * under Settings), registered before the admin's bootstrap gives the super admin every permission,
 * and its route.
 */
export async function registerEServiceAdmin(strapi: Core.Strapi): Promise<void> {
  await (strapi.service('admin::permission') as unknown as AdminPermissionService).actionProvider.registerMany([
    { section: 'settings', category: 'e-service', subCategory: 'dashboard', displayName: 'Read the e-service dashboard', uid: E_SERVICE_DASHBOARD.replace(/^api::/, '') },
  ]);
  strapi.server.routes(eServiceAdminRoutes);
}
