import crypto from 'crypto';
import { Stream } from 'stream';
import type { Core } from '@strapi/strapi';

/**
 * Anonymous GETs of the public API are the same for everyone: give them an ETag and a short
 * shared cache lifetime, and answer a matching If-None-Match with 304 (no body over the network).
 */
export default (config: { maxAge?: number } = {}): Core.MiddlewareHandler => {
  const cacheControl = `public, max-age=${config.maxAge ?? 30}`;
  return async (ctx, next) => {
    await next();
    if (ctx.method !== 'GET' || !ctx.path.startsWith('/api/') || ctx.status !== 200) return;
    const body: unknown = ctx.body;
    if (ctx.get('Authorization') || ctx.response.get('ETag') || body == null || body instanceof Stream) return;
    const isJson = typeof body === 'object' && !Buffer.isBuffer(body);
    const bytes = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const etag = `W/"${crypto.createHash('sha1').update(bytes).digest('base64url')}"`;
    ctx.set('ETag', etag);
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
