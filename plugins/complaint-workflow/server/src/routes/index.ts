const can = (action: 'read' | 'manage') => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [`plugin::complaint-workflow.cases.${action}`] } },
];

const route = (method: string, path: string, handler: string, action: 'read' | 'manage') => ({
  method,
  path,
  handler: `cases.${handler}`,
  config: { policies: can(action) },
});

/** Staff routes only (under /complaint-workflow, admin JWT); the public side lives in src/api/complaint. */
export default {
  admin: {
    type: 'admin',
    routes: [
      route('GET', '/meta', 'meta', 'read'),
      route('GET', '/channels', 'channels', 'read'),
      route('PUT', '/channels/texts', 'saveTexts', 'manage'),
      route('POST', '/cases/:id/deliveries/:messageId/retry', 'retryDelivery', 'manage'),
      route('GET', '/cases', 'find', 'read'),
      route('GET', '/cases/:id', 'findOne', 'read'),
      route('POST', '/cases/:id/transition', 'transition', 'manage'),
      route('POST', '/cases/:id/reply', 'reply', 'manage'),
      route('POST', '/cases/:id/note', 'note', 'manage'),
      route('POST', '/cases/:id/assign', 'assign', 'manage'),
    ],
  },
};
