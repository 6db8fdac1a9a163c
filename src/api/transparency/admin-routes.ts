import type { Core } from '@strapi/strapi';
import { GOVERNANCE_READ, TRANSPARENCY_READ } from './staff-permissions';

interface AdminPermissionService {
  actionProvider: { registerMany: (actions: Array<Record<string, string>>) => Promise<unknown> };
}

const guarded = (action: string) => ({ policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }] });

/**
 * Staff routes (admin JWT) under /ita (the website owns /transparency): the ITA/OIT page's checklist
 * with each item's record id, and the good-governance dashboard's figures. Strapi mounts every
 * router of src/api as content API, so these are added from the app's register().
 */
export const transparencyAdminRoutes: Core.Router = {
  type: 'admin',
  prefix: '/ita',
  routes: [
    { method: 'GET', path: '/checklist', handler: 'ita-admin.checklist', info: { apiName: 'transparency' }, config: guarded(TRANSPARENCY_READ) },
    { method: 'GET', path: '/governance', handler: 'ita-admin.governance', info: { apiName: 'transparency' }, config: guarded(GOVERNANCE_READ) },
  ],
};

/**
 * The transparency part of the app's register(): both pages' admin permissions (Settings → Roles,
 * under Settings), registered before the admin's bootstrap gives the super admin every permission,
 * and their routes.
 */
export async function registerTransparencyAdmin(strapi: Core.Strapi): Promise<void> {
  await (strapi.service('admin::permission') as unknown as AdminPermissionService).actionProvider.registerMany([
    { section: 'settings', category: 'ita', subCategory: 'checklist', displayName: 'Read the ITA/OIT checklist page', uid: TRANSPARENCY_READ.replace(/^api::/, '') },
    { section: 'settings', category: 'ita', subCategory: 'governance', displayName: 'Read the good-governance dashboard', uid: GOVERNANCE_READ.replace(/^api::/, '') },
  ]);
  strapi.server.routes(transparencyAdminRoutes);
}
