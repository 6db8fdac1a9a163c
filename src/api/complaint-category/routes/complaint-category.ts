import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::complaint-category.complaint-category', { only: ['find', 'findOne'] });
