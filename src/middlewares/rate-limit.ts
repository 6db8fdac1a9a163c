import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { tooManyRequests } from '../http/windows';
import { counterOf } from '../state/counters';

/**
 * Per client address and route (or budget shared by routes), at most RATE_LIMIT_PER_MINUTE requests a minute (default 20;
 * config/server.ts) to a public write endpoint; past it, 429 in the caller's language with Retry-After.
 * A read budget (`reads: true`) allows READ_LIMIT_PER_MINUTE (default 60) instead.
 * The client address is ctx.request.ip as global::client-address set it: the real client behind a
 * trusted proxy, the socket's peer otherwise, never a header a client wrote. Counts live in this
 * process on the one-machine default, and in Redis when REDIS_URL is set (src/state/counters.ts), so
 * several instances behind one proxy share each budget.
 */
const requests = (strapi: Core.Strapi) => counterOf(strapi, 'requests', 60_000);

/**
 * The website renders /track?code=… on the server and reads the tracking API over loopback: it
 * counts the visitor's page against the tracking budget itself (by the visitor's address), and its
 * loopback read carries this header so the API does not count it again against the loopback
 * address, which every visitor would otherwise share. The value is random per process and never
 * leaves it, so no client can claim to be the website.
 */
export const WEBSITE_HEADER = 'x-nokok-website';
const websiteSecret = crypto.randomBytes(32).toString('base64url');
export const websiteHeaders = (): Record<string, string> => ({ [WEBSITE_HEADER]: websiteSecret });
const fromWebsite = (value: string) => {
  const have = Buffer.from(value);
  const want = Buffer.from(websiteSecret);
  return have.length === want.length && crypto.timingSafeEqual(have, want);
};

/** The tracking reads' shared budget: the API's route, Open311's reads and the website's page. */
export const TRACKING_BUCKET = 'tracking';

const readLimit = (strapi: Core.Strapi) => strapi.config.get<number>('server.readLimitPerMinute', 60);

/** Counts one tracking read for this address (the website's page); the seconds to wait when over the limit. */
export async function countTrackingRead(strapi: Core.Strapi, ip: string): Promise<{ limited: false } | { limited: true; retryAfter: number }> {
  const { count, retryAfter } = await requests(strapi).hit(`${ip}|${TRACKING_BUCKET}`);
  return count > readLimit(strapi) ? { limited: true, retryAfter } : { limited: false };
}

/**
 * `bucket` names a budget several routes share: every way of filing a complaint (the website,
 * Open311, a pole's QR code) counts against one `complaints` budget per address, so a second door
 * does not double the limit. Without it, each route has its own.
 */
export default (config: { limit?: number; bucket?: string; reads?: boolean } = {}, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const limit = config.limit ?? (config.reads ? readLimit(strapi) : strapi.config.get<number>('server.rateLimitPerMinute', 20));
  return async (ctx, next) => {
    // A budgeted route's answer is never kept by global::api-cache: every request must be counted.
    (ctx.state as { budgeted?: boolean }).budgeted = true;
    // Already counted by the website against its visitor's own address.
    if (config.reads && fromWebsite(ctx.get(WEBSITE_HEADER))) {
      await next();
      return;
    }
    const key = `${ctx.request.ip}|${config.bucket ?? `${ctx.method} ${ctx._matchedRoute ?? ctx.path}`}`;
    const { count, retryAfter } = await requests(strapi).hit(key);
    ctx.set('RateLimit-Limit', String(limit));
    ctx.set('RateLimit-Remaining', String(Math.max(0, limit - count)));
    if (count > limit) {
      tooManyRequests(ctx, 'rate_limited', retryAfter, { limitPerMinute: limit });
      return;
    }
    await next();
  };
};
