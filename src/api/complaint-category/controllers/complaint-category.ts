import { factories } from '@strapi/strapi';

// The public list shows active, non-confidential categories only: see the `find` route's middleware.
export default factories.createCoreController('api::complaint-category.complaint-category');
