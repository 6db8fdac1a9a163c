import type { Core } from '@strapi/strapi';
import layer from './content-types/layer';
import feature from './content-types/feature';

export interface GisConfig {
  map: { tileUrl: string; attribution: string };
}

export default {
  config: {
    default: {
      map: {
        tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        attribution: '&copy; ผู้ร่วมให้ข้อมูล <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
      },
    } satisfies GisConfig,
    validator() {},
  },
  contentTypes: { layer, feature },
  services: {},
  controllers: {},
  routes: {},

  register({ strapi }: { strapi: Core.Strapi }) {
    // A point chosen on a small map, stored as a GeoJSON Point (poles, complaints, tax bills, forms).
    strapi.customFields.register({ name: 'location', plugin: 'gis', type: 'json' });
  },
};
