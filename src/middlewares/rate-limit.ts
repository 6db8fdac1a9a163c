import type { Core } from '@strapi/strapi';
import { fieldMessage, languageOf } from '../http/messages';

/**
 * Per client address and route (or budget shared by routes), at most RATE_LIMIT_PER_MINUTE requests a minute (default 20;
 * config/server.ts) to a public write endpoint; past it, 429 in the caller's language with Retry-After.
 * The client address is ctx.request.ip as global::client-address set it: the real client behind a
 * trusted proxy, the socket's peer otherwise, never a header a client wrote. Counts live in this
 * process: right for the one-process deployment a town runs.
 */
type Window = { start: number; count: number };
const WINDOW_MS = 60_000;
const windows = new Map<string, Window>();
let lastSweep = Date.now();

export const resetRateLimits = () => windows.clear();

/**
 * `bucket` names a budget several routes share: every way of filing a complaint (the website,
 * Open311, a pole's QR code) counts against one `complaints` budget per address, so a second door
 * does not double the limit. Without it, each route has its own.
 */
export default (config: { limit?: number; bucket?: string } = {}, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const limit = config.limit ?? strapi.config.get<number>('server.rateLimitPerMinute', 20);
  return async (ctx, next) => {
    const now = Date.now();
    if (now - lastSweep > WINDOW_MS) {
      // Forget finished windows so memory stays bounded by the clients of the last minute.
      for (const [k, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(k);
      lastSweep = now;
    }
    const key = `${ctx.request.ip}|${config.bucket ?? `${ctx.method} ${ctx._matchedRoute ?? ctx.path}`}`;
    let w = windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count += 1;
    ctx.set('RateLimit-Limit', String(limit));
    ctx.set('RateLimit-Remaining', String(Math.max(0, limit - w.count)));
    if (w.count > limit) {
      const retryAfter = Math.ceil((w.start + WINDOW_MS - now) / 1000);
      ctx.set('Retry-After', String(retryAfter));
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: {
          status: 429,
          name: 'RateLimitError',
          message: fieldMessage('rate_limited', languageOf(ctx), { seconds: retryAfter }),
          details: { code: 'rate_limited', limitPerMinute: limit, retryAfterSeconds: retryAfter },
        },
      };
      return;
    }
    await next();
  };
};
