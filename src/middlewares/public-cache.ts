import crypto from 'crypto';

/**
 * Anonymous GETs of the public API are the same for everyone: give them an ETag and a short
 * shared cache lifetime, and answer a matching If-None-Match with 304 (no body over the network).
 */
export default (config: { maxAge?: number } = {}) => {
  const cacheControl = `public, max-age=${config.maxAge ?? 30}`;
  return async (ctx: any, next: () => Promise<void>) => {
    await next();
    if (ctx.method !== 'GET' || !ctx.path.startsWith('/api/') || ctx.status !== 200) return;
    if (ctx.get('Authorization') || ctx.response.get('ETag') || ctx.body == null || typeof ctx.body.pipe === 'function') return;
    const body = typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body) ? JSON.stringify(ctx.body) : ctx.body;
    const etag = `W/"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
    ctx.set('ETag', etag);
    if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', cacheControl);
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    if (typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body)) {
      ctx.body = body;
      ctx.type = 'application/json; charset=utf-8';
    }
  };
};
