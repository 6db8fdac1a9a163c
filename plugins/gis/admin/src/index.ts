import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'gis', name: 'gis' });
  },
};
