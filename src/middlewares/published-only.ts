import type { Core, UID } from '@strapi/strapi';

/**
 * The public reads published content only: `?status=draft` on the content API would hand anonymous
 * callers draft-only items and unpublished edits. One rule for every content type with draft and
 * publish, now and later: on its routes, without credentials, the status asked for is dropped
 * (published is the default). Other routes keep their own `status` (Open311's is a filter). Staff
 * read drafts in the admin, and API tokens keep Strapi's own rules.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  let prefixes: string[] | undefined;
  const draftPaths = () =>
    (prefixes ??= (Object.keys(strapi.contentTypes) as UID.ContentType[])
      .filter((uid) => uid.startsWith('api::'))
      .map((uid) => strapi.contentType(uid))
      .filter((ct) => ct.options?.draftAndPublish)
      .flatMap((ct) => [`/api/${ct.info.pluralName}`, `/api/${ct.info.singularName}`]));
  return async (ctx, next) => {
    if (ctx.query && 'status' in ctx.query && !ctx.get('Authorization') && draftPaths().some((p) => ctx.path === p || ctx.path.startsWith(`${p}/`))) {
      const { status: _asked, ...rest } = ctx.query;
      ctx.query = rest;
    }
    await next();
  };
};
