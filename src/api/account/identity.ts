import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { UpJwtService } from '../../http/contract';

/**
 * Who files, on a route open to everyone (a complaint, an e-service request): the signed-in citizen
 * when the request carries a valid access token of a live session, else null. Never an error: a
 * missing, expired or foreign token files anonymously, as if none was sent.
 */
export async function signedInUser(strapi: Core.Strapi, ctx: Context): Promise<{ id: number } | null> {
  if (!/^bearer\s+\S+$/i.test(ctx.get('authorization'))) return null;
  try {
    const token = await strapi.plugin('users-permissions').service<UpJwtService>('jwt').getToken(ctx);
    if (!token || token.id === undefined) return null;
    if (token.sessionId && !(await strapi.sessionManager('users-permissions').isSessionActive(token.sessionId))) return null;
    const user = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: token.id }, select: ['id', 'confirmed', 'blocked'] })) as { id: number; confirmed?: boolean; blocked?: boolean } | null;
    return user && user.confirmed && !user.blocked ? { id: user.id } : null;
  } catch {
    return null;
  }
}
