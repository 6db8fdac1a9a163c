import type { Core } from '@strapi/strapi';
import layers from './layers';
import features from './features';

export type LayersService = ReturnType<typeof layers>;
export type FeaturesService = ReturnType<typeof features>;

/** The plugin's services, typed, for its own controllers and bootstrap. */
export const gis = (strapi: Core.Strapi) => ({
  layers: () => strapi.plugin('gis').service<LayersService>('layers'),
  features: () => strapi.plugin('gis').service<FeaturesService>('features'),
});

export default { layers, features };
