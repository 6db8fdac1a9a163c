import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { signInRequired } from '../http/contract';

/** Strapi's policy context copies the Koa context's own fields; its request still knows the context. */
type PolicyContext = { request: { ctx: Context }; state: { user?: { id: number }; session?: { id: string } } };

/**
 * An access token stays valid for its 10 minutes even after its session is ended; this makes
 * "sign out everywhere" (and deleting the account) take effect at once: the token's session must
 * still exist. A token without a session (legacy JWT) is refused: refresh mode issues none.
 */
export default async (policyContext: PolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const sessionId = policyContext.state.session?.id;
  const active = Boolean(policyContext.state.user && sessionId && (await strapi.sessionManager('users-permissions').isSessionActive(sessionId)));
  if (!active) signInRequired(policyContext.request.ctx);
  return true;
};
