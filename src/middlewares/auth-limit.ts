import type { Core } from '@strapi/strapi';
import { tooManyRequests } from '../http/windows';
import { counterOf } from '../state/counters';

/**
 * One budget per client address over every door that signs in, signs up or sends a sign-in e-mail,
 * staff's and citizens' alike: AUTH_LIMIT_PER_MINUTE attempts a minute (default 10). Strapi's admin
 * limit and users-permissions' limit key on the e-mail too, so an attacker trying many e-mails (or
 * sending reset mails to many people) from one address gets past them; this one does not. A
 * successful sign-in gives its attempt back, so staff signing in many times from one office address
 * are never held up; sign-ups and reset mails count whatever the answer. Shared through Redis when
 * REDIS_URL is set (src/state/counters.ts).
 */
const SIGN_IN = new Set(['/admin/login', '/api/auth/local', '/admin/reset-password', '/api/auth/reset-password']);
const SENDS_MAIL = new Set(['/admin/register-admin', '/admin/forgot-password', '/api/auth/local/register', '/api/auth/forgot-password', '/api/auth/send-email-confirmation']);

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const limit = strapi.config.get<number>('server.authLimitPerMinute', 10);
  const attempts = () => counterOf(strapi, 'sign-in', 60_000);
  return async (ctx, next) => {
    const path = ctx.path.length > 1 ? ctx.path.replace(/\/+$/, '') : ctx.path;
    const signIn = SIGN_IN.has(path);
    if (ctx.method !== 'POST' || (!signIn && !SENDS_MAIL.has(path))) {
      await next();
      return;
    }
    const key = ctx.request.ip;
    const { count, retryAfter } = await attempts().hit(key);
    if (count > limit) {
      tooManyRequests(ctx, 'auth_rate_limited', retryAfter, { limitPerMinute: limit });
      return;
    }
    await next();
    if (signIn && ctx.status >= 200 && ctx.status < 300) await attempts().hit(key, -1);
  };
};
