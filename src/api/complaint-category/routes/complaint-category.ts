import { factories, type Core } from '@strapi/strapi';

const PUBLIC_FIELDS = ['code', 'nameTh', 'nameEn', 'descriptionTh', 'descriptionEn', 'department', 'deadlineDays', 'sortOrder'];

/**
 * Public list of categories: active and not confidential (a confidential one never shows publicly),
 * whatever filters the caller adds. Set on the query before the core `find` reads it.
 */
const publicCategoriesOnly: Core.MiddlewareHandler = async (ctx, next) => {
  const asked: unknown = ctx.query.filters;
  const filters = { ...(asked && typeof asked === 'object' ? asked : {}), active: true, confidential: false };
  ctx.query = { ...ctx.query, filters, fields: PUBLIC_FIELDS };
  await next();
};

export default factories.createCoreRouter('api::complaint-category.complaint-category', {
  only: ['find', 'findOne'],
  config: { find: { middlewares: [publicCategoriesOnly] } },
});
