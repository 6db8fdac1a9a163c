import { exportQuery, featureBody, featurePatch, importBody, layerParams, listQuery, validate } from '../inputs';

const can = (action: 'read' | 'edit') => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::gis.${action}`] } }];

const route = (method: string, path: string, handler: string, policies: unknown[], input?: Parameters<typeof validate>[0]) => ({
  method,
  path,
  handler: `layers.${handler}`,
  config: { policies, ...(input ? { middlewares: [validate(input)] } : {}) },
});

/** Staff routes (under /gis, admin JWT); the public reads are declared by the app with its contracts. */
export default {
  admin: {
    type: 'admin',
    routes: [
      route('GET', '/layers', 'layers', can('read')),
      route('GET', '/layers/:slug/features', 'features', can('read'), { params: layerParams, query: listQuery }),
      route('POST', '/layers/:slug/features', 'create', can('edit'), { params: layerParams, body: featureBody }),
      route('PUT', '/layers/:slug/features/:id', 'update', can('edit'), { params: layerParams, body: featurePatch }),
      route('DELETE', '/layers/:slug/features/:id', 'remove', can('edit'), { params: layerParams }),
      route('POST', '/layers/:slug/import', 'import', can('edit'), { params: layerParams, body: importBody }),
      route('GET', '/layers/:slug/export', 'export', can('read'), { params: layerParams, query: exportQuery }),
      route('GET', '/settings', 'settings', ['admin::isAuthenticatedAdmin']),
    ],
  },
};
