import fs from 'fs';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import layer from './content-types/layer';
import feature from './content-types/feature';
import services from './services';
import layersController from './controllers/layers';
import routes from './routes';
import { registerLocationSync } from './location';
import { featureColumns } from './services/columns';

import type { GisConfig } from './config';

export type { GisConfig };

/** The admin's permission service (untyped in Strapi): what bootstrap uses of it. */
interface AdminPermissionService {
  actionProvider: { registerMany: (actions: Array<Record<string, string>>) => Promise<void> };
}

export const PLUGIN_ID = 'gis';
export const INDEX_NAME = 'gis_features_layer_bbox_idx';

interface UploadedFile {
  filepath?: string;
  path?: string;
}

/** Imports are read into memory: drop the temporary files whatever the answer (a refusal included). */
const removeUploads = async (ctx: Context, next: () => Promise<void>) => {
  try {
    await next();
  } finally {
    if (ctx.path.startsWith(`/${PLUGIN_ID}/`)) {
      const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[] | undefined> }).files ?? {};
      for (const f of Object.values(files).flat()) {
        const file = f?.filepath ?? f?.path;
        if (file) fs.rm(file, { force: true }, () => undefined);
      }
    }
  }
};

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
  services,
  controllers: { layers: layersController },
  routes,

  register({ strapi }: { strapi: Core.Strapi }) {
    // A point chosen on a small map, stored as a GeoJSON Point (poles, complaints, tax bills, forms).
    strapi.customFields.register({ name: 'location', plugin: 'gis', type: 'json' });
    // A layer's attribute schema, edited as rows of a form in the Content Manager.
    strapi.customFields.register({ name: 'attribute-schema', plugin: 'gis', type: 'json' });
    registerLocationSync(strapi);
    strapi.server.use(removeUploads);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Area queries read the stored boxes of one layer: one composite index (Strapi declares none for us).
    const c = featureColumns(strapi);
    await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ${INDEX_NAME} ON ?? (??, ??, ??, ??, ??)`, [c.table, c.layerId, c.minLon, c.maxLon, c.minLat, c.maxLat]);
    await (strapi.service('admin::permission') as AdminPermissionService).actionProvider.registerMany([
      { section: 'plugins', displayName: 'Open the map editor and read every layer', uid: 'read', pluginName: PLUGIN_ID },
      { section: 'plugins', displayName: 'Draw, edit and import map features', uid: 'edit', pluginName: PLUGIN_ID },
    ]);
  },
};
