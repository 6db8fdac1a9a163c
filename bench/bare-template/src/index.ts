// The least a bare app needs to be comparable: public read and create access and the same six items.
export default {
  register() {},
  async bootstrap({ strapi }: { strapi: any }) {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    for (const action of ['api::article.article.find', 'api::article.article.findOne', 'api::article.article.create']) {
      const found = await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: role.id } });
      if (!found) await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
    if ((await strapi.db.query('api::article.article').count()) > 0) return;
    for (let i = 1; i <= 6; i++) {
      const body = [{ type: 'paragraph', children: [{ type: 'text', text: `ข่าวประชาสัมพันธ์ลำดับที่ ${i} ของเทศบาล `.repeat(4) }] }];
      await strapi.documents('api::article.article').create({
        data: { title: `ประกาศเทศบาลฉบับที่ ${i}`, slug: `article-${i}`, summary: 'สรุปข่าว '.repeat(10), body, publishedDate: `2026-11-0${i}`, category: 'announcement' },
        status: 'published',
      });
    }
  },
};
