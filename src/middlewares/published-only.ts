import type { Core } from '@strapi/strapi';

/**
 * The public reads published content only: `?status=draft` on the content API would hand anonymous
 * callers draft-only items and unpublished edits. One rule for every content type with draft and
 * publish, now and later: without credentials, the status asked for is dropped (published is the
 * default). Staff read drafts in the admin, and API tokens keep Strapi's own rules.
 */
export default (): Core.MiddlewareHandler => async (ctx, next) => {
  if (ctx.path.startsWith('/api/') && !ctx.get('Authorization') && ctx.query && 'status' in ctx.query) {
    const { status: _asked, ...rest } = ctx.query;
    ctx.query = rest;
  }
  await next();
};
