import type { Core } from '@strapi/strapi';

/**
 * Staff route of the data store (admin JWT): each tabular file of a dataset's draft with its table's
 * state and first rows, for the edit view's panel, so staff check how a file was read before they
 * publish. Added from the app's register() like the tax feature's admin routes.
 */
export const dataStoreAdminRoutes: Core.Router = {
  type: 'admin',
  prefix: '/open-data',
  routes: [
    {
      method: 'GET',
      path: '/datasets/:documentId/data-store',
      handler: 'data-store-admin.tables',
      info: { apiName: 'dataset' },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
