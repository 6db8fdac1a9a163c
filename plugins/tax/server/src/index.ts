import type { Core } from '@strapi/strapi';
import imports from './services/imports';
import tax from './controllers/tax';
import routes from './routes';

export default {
  services: { imports },
  controllers: { tax },
  routes,
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany([
      { section: 'plugins', displayName: 'Import tax bills', uid: 'bills.import', pluginName: 'tax' },
      { section: 'plugins', displayName: 'Reconcile bank payments', uid: 'payments.reconcile', pluginName: 'tax' },
    ]);
  },
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('tax').service('imports').idle();
  },
};
