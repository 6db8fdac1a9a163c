import type { Core } from '@strapi/strapi';

export const FEATURE_UID = 'plugin::gis.feature';

/** The real table and column names Strapi gave the feature's attributes (snake_case), for knex queries. */
export function featureColumns(strapi: Core.Strapi) {
  const meta = strapi.db.metadata.get(FEATURE_UID) as { tableName: string; attributes: Record<string, { columnName?: string }> };
  const col = (name: string) => meta.attributes[name]?.columnName ?? name;
  return {
    table: meta.tableName,
    id: 'id',
    layerId: col('layerId'),
    geometry: col('geometry'),
    properties: col('properties'),
    minLon: col('minLon'),
    minLat: col('minLat'),
    maxLon: col('maxLon'),
    maxLat: col('maxLat'),
  };
}
