const ADMIN = 'admin::isAuthenticatedAdmin';
const TARGET = 'plugin::spreadsheet-import.can-use-target';

const route = (method: string, path: string, handler: string, policies: string[]) => ({ method, path, handler: `imports.${handler}`, config: { policies } });

/** Staff only (admin JWT), under /spreadsheet-import; every route of a target checks that target's permission. */
export default {
  admin: {
    type: 'admin',
    routes: [
      route('GET', '/targets', 'targets', [ADMIN]),
      route('POST', '/targets/:target/imports', 'upload', [ADMIN, TARGET]),
      route('POST', '/targets/:target/imports/:id/check', 'check', [ADMIN, TARGET]),
      route('POST', '/targets/:target/imports/:id/run', 'run', [ADMIN, TARGET]),
      route('GET', '/targets/:target/imports/:id', 'status', [ADMIN, TARGET]),
    ],
  },
};
