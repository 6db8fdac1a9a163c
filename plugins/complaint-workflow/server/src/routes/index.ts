const can = (action: string) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::complaint-workflow.${action}`] } }];
// Case routes check the permission of the case type named by ?type= in the controller: each type has its own.
const signedIn = ['admin::isAuthenticatedAdmin'];

const route = (method: string, path: string, handler: string, policies: unknown[]) => ({ method, path, handler: `cases.${handler}`, config: { policies } });

/** Staff routes only (under /complaint-workflow, admin JWT); the public side of each case type lives in the app. */
export default {
  admin: {
    type: 'admin',
    routes: [
      route('GET', '/types', 'types', signedIn),
      route('GET', '/meta', 'meta', signedIn),
      route('GET', '/channels', 'channels', can('channels.read')),
      route('PUT', '/channels/texts', 'saveTexts', can('channels.manage')),
      route('POST', '/cases/:id/deliveries/:messageId/retry', 'retryDelivery', signedIn),
      route('GET', '/cases', 'find', signedIn),
      route('GET', '/cases/:id', 'findOne', signedIn),
      route('POST', '/cases/:id/transition', 'transition', signedIn),
      route('POST', '/cases/:id/reply', 'reply', signedIn),
      route('POST', '/cases/:id/note', 'note', signedIn),
      route('POST', '/cases/:id/assign', 'assign', signedIn),
    ],
  },
};
