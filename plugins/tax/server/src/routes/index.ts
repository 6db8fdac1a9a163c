const can = (action: string) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::tax.${action}`] } }];
const route = (method: string, path: string, handler: string, action: string) => ({ method, path, handler: `tax.${handler}`, config: { policies: can(action) } });

/** Staff only (admin JWT), under /tax. */
export default {
  admin: {
    type: 'admin',
    routes: [
      route('POST', '/imports', 'upload', 'bills.import'),
      route('POST', '/imports/:id/check', 'check', 'bills.import'),
      route('POST', '/imports/:id/run', 'run', 'bills.import'),
      route('GET', '/imports/:id', 'status', 'bills.import'),
      route('POST', '/payments', 'reconcile', 'payments.reconcile'),
      route('GET', '/payments/review', 'review', 'payments.reconcile'),
    ],
  },
};
