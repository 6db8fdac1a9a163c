import { assignBody, caseParams, messageBody, photoQuery, textsBody, transitionBody, validate } from '../engine/inputs';

const can = (action: string) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::complaint-workflow.${action}`] } }];
// Case routes check the permission of the case type named by ?type= in the controller: each type has its own.
const signedIn = ['admin::isAuthenticatedAdmin'];

/** A staff route; with `input`, its params and body are validated by their schemas before the controller runs. */
const route = (method: string, path: string, handler: string, policies: unknown[], input?: Parameters<typeof validate>[0]) => ({
  method,
  path,
  handler: `cases.${handler}`,
  config: { policies, ...(input ? { middlewares: [validate(input)] } : {}) },
});

/** Staff routes only (under /complaint-workflow, admin JWT); the public side of each case type lives in the app. */
export default {
  admin: {
    type: 'admin',
    routes: [
      route('GET', '/types', 'types', signedIn),
      route('GET', '/meta', 'meta', signedIn),
      route('GET', '/channels', 'channels', can('channels.read')),
      route('PUT', '/channels/texts', 'saveTexts', can('channels.manage'), { body: textsBody }),
      route('POST', '/cases/:id/deliveries/:messageId/retry', 'retryDelivery', signedIn, { params: caseParams }),
      route('GET', '/cases', 'find', signedIn),
      route('GET', '/cases/:id', 'findOne', signedIn, { params: caseParams }),
      // A case's photo, streamed to staff who may read the case (?size=thumb for its thumbnail).
      route('GET', '/cases/:id/photos/:photoId', 'photo', signedIn, { params: caseParams, query: photoQuery }),
      // A case's document (a form's attachment), downloaded by staff who may read the case.
      route('GET', '/cases/:id/files/:fileKey', 'file', signedIn, { params: caseParams, query: photoQuery }),
      // Staff attach photos to a case (multipart field "files"), e.g. the proof of a fix.
      route('POST', '/cases/:id/photos', 'addPhotos', signedIn, { params: caseParams }),
      route('POST', '/cases/:id/transition', 'transition', signedIn, { params: caseParams, body: transitionBody }),
      route('POST', '/cases/:id/reply', 'reply', signedIn, { params: caseParams, body: messageBody }),
      route('POST', '/cases/:id/note', 'note', signedIn, { params: caseParams, body: messageBody }),
      route('POST', '/cases/:id/assign', 'assign', signedIn, { params: caseParams, body: assignBody }),
    ],
  },
};
