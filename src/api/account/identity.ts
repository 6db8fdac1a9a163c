import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

/**
 * TEMPORARY (records branch): the auth helper's identity.ts replaces this on merge. The signed-in
 * person of a request on an `auth: false` route, from its Bearer token; null when absent or invalid.
 */
export async function signedInUser(strapi: Core.Strapi, ctx: Context): Promise<{ id: number } | null> {
  if (!/^Bearer\s+\S/i.test(ctx.get('authorization'))) return null;
  try {
    const token = (await strapi.plugin('users-permissions').service('jwt').getToken(ctx)) as { id?: number } | null;
    return token && typeof token.id === 'number' ? { id: token.id } : null;
  } catch {
    return null;
  }
}
