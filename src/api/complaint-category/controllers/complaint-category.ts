import { factories } from '@strapi/strapi';

/** Public list of categories: active and not confidential (a confidential one never shows publicly). */
export default factories.createCoreController('api::complaint-category.complaint-category', () => ({
  async find(ctx) {
    const filters = { ...((ctx.query.filters as object) ?? {}), active: true, confidential: false };
    ctx.query = { ...ctx.query, filters, fields: ['code', 'nameTh', 'nameEn', 'descriptionTh', 'descriptionEn', 'department', 'deadlineDays', 'sortOrder'] };
    return super.find(ctx);
  },
}));
