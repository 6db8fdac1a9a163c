import crypto from 'crypto';
import { Stream } from 'stream';
import type { Core } from '@strapi/strapi';

/**
 * Anonymous GETs of the public API are the same for everyone: give them an ETag and a short
 * shared cache lifetime, and answer a matching If-None-Match with 304 (no body over the network).
 * Answers to a request with credentials are never cached.
 */
export default (config: { maxAge?: number } = {}): Core.MiddlewareHandler => {
  const cacheControl = `public, max-age=${config.maxAge ?? 30}`;
  return async (ctx, next) => {
    await next();
    if (ctx.method !== 'GET' || !ctx.path.startsWith('/api/') || ctx.status !== 200) return;
    // An answer to a caller who proved who they are (a partner agency's token, a user's JWT) may hold
    // what only they may read: no cache between them and us keeps it, whatever the route set.
    if (ctx.get('Authorization')) {
      ctx.set('Cache-Control', 'private, no-store');
      return;
    }
    // The same URL answers more to a partner's token: a cache must not serve one for the other.
    ctx.vary('Authorization');
    const body: unknown = ctx.body;
    if (body == null || body instanceof Stream) return;
    const isJson = typeof body === 'object' && !Buffer.isBuffer(body);
    const bytes = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    // The route's own (a map layer's revision), or global::api-cache's, or the body's hash.
    if (!ctx.response.get('ETag')) ctx.set('ETag', `W/"${crypto.createHash('sha1').update(bytes).digest('base64url')}"`);
    if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', cacheControl);
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    if (isJson) {
      ctx.body = bytes;
      ctx.type = 'application/json; charset=utf-8';
    }
  };
};
