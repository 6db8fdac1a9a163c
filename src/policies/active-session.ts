import type { Core } from '@strapi/strapi';
import { signInRequired } from '../http/contract';
import { languageOf } from '../http/messages';

type PolicyContext = Parameters<typeof languageOf>[0] & { state: { user?: { id: number }; session?: { id: string } } };

/**
 * An access token stays valid for its 10 minutes even after its session is ended; this makes
 * "sign out everywhere" (and deleting the account) take effect at once: the token's session must
 * still exist. A token without a session (legacy JWT) is refused: refresh mode issues none.
 */
export default async (policyContext: PolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const sessionId = policyContext.state.session?.id;
  const active = Boolean(policyContext.state.user && sessionId && (await strapi.sessionManager('users-permissions').isSessionActive(sessionId)));
  if (!active) throw signInRequired(languageOf(policyContext));
  return true;
};
