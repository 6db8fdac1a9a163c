import type { Core } from '@strapi/strapi';
import { SHARING_MANAGE, SHARING_READ_LOG } from './staff-permissions';

const signedIn = 'admin::isAuthenticatedAdmin';
const allOf = (...actions: string[]) => ({ name: 'admin::hasPermissions', config: { actions } });
const anyOf = (...actions: string[]) => ({ name: 'api::dataset.has-any-permission', config: { actions } });
const info = { apiName: 'dataset' };

/**
 * Staff routes of data sharing (admin JWT), served under /data-sharing: the partner agencies and their
 * tokens (whoever manages sharing issues them; log readers see their state), and the access log
 * with its exports. Added from the app's register() with `strapi.server.routes(sharingAdminRoutes)`.
 */
export const sharingAdminRoutes: Core.Router = {
  type: 'admin',
  prefix: '/data-sharing',
  routes: [
    {
      method: 'GET',
      path: '/agencies',
      handler: 'sharing.agencies',
      info,
      config: { policies: [signedIn, anyOf(SHARING_MANAGE, SHARING_READ_LOG)] },
    },
    {
      method: 'POST',
      path: '/agencies/:id/token',
      handler: 'sharing.issueToken',
      info,
      config: { policies: [signedIn, allOf(SHARING_MANAGE)] },
    },
    {
      method: 'GET',
      path: '/accesses',
      handler: 'sharing.accesses',
      info,
      config: { policies: [signedIn, allOf(SHARING_READ_LOG)] },
    },
    {
      method: 'GET',
      path: '/accesses/export.csv',
      handler: 'sharing.exportCsv',
      info,
      config: { policies: [signedIn, allOf(SHARING_READ_LOG)] },
    },
    {
      method: 'GET',
      path: '/accesses/export.xlsx',
      handler: 'sharing.exportXlsx',
      info,
      config: { policies: [signedIn, allOf(SHARING_READ_LOG)] },
    },
  ],
};
