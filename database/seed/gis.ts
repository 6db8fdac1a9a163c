import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { AttributeDef, GeoFeature, GisFeaturesService, GisLayersService, LayerKind, ResolvedLayer } from '../../plugins/gis/server/src/public';

/**
 * The demo town's map layers (database/seed/gis/layers.json and one GeoJSON file each): roads,
 * village boundaries, flood-prone areas and public facilities, editable by staff in the map editor.
 * Looked up by slug: created once with their features, never overwritten.
 */
interface LayerSeed {
  slug: string;
  nameTh: string;
  nameEn: string;
  description: string;
  kind: LayerKind;
  color: string;
  lineWidth: number;
  fillColor: string;
  fillOpacity: number;
  icon: string;
  isPublic: boolean;
  displayOrder: number;
  attributes: AttributeDef[];
  /** A GeoJSON FeatureCollection, relative to database/seed. */
  file: string;
}

/**
 * The gis plugin's features service with its write: `create` checks the properties against the
 * layer's schema, normalizes the geometry (RFC 7946) and stores its bbox.
 */
interface FeaturesService extends GisFeaturesService {
  create(layer: ResolvedLayer, input: { geometry: unknown; properties: Record<string, unknown> }): Promise<GeoFeature>;
}

const LAYER = 'plugin::gis.layer';

export async function seedGisLayers(strapi: Core.Strapi, seedDir: string): Promise<number> {
  const { layers } = JSON.parse(fs.readFileSync(path.join(seedDir, 'gis', 'layers.json'), 'utf8')) as { layers: LayerSeed[] };
  const features = strapi.plugin('gis').service<FeaturesService>('features');
  const lookup = strapi.plugin('gis').service<GisLayersService>('layers');
  let created = 0;
  for (const { file, ...fields } of layers) {
    if (await strapi.db.query(LAYER).findOne({ where: { slug: fields.slug }, select: ['id'] })) continue;
    const layer = (await strapi.db.query(LAYER).create({ data: fields })) as { id: number; slug: string };
    const collection = JSON.parse(fs.readFileSync(path.join(seedDir, file), 'utf8')) as { features: Array<{ geometry: unknown; properties?: Record<string, unknown> | null }> };
    const resolved = await lookup.find(layer.slug, { publicOnly: false });
    if (!resolved) throw new Error(`demo map layer ${layer.slug} was not stored`);
    for (const f of collection.features) await features.create(resolved, { geometry: f.geometry, properties: f.properties ?? {} });
    created += 1;
  }
  return created;
}

/**
 * Records with lat/lng but no `location` (written before the field existed, or by a bulk import that
 * bypasses the document service, as the tax import does): the point is filled in from them.
 */
export async function fillLocations(strapi: Core.Strapi): Promise<number> {
  let filled = 0;
  for (const uid of ['api::pole.pole', 'api::complaint.complaint', 'api::tax-bill.tax-bill'] as const) {
    if (!strapi.contentTypes[uid]?.attributes?.location) continue;
    const rows = (await strapi.db.query(uid).findMany({
      where: { location: { $null: true }, lat: { $notNull: true }, lng: { $notNull: true } },
      select: ['id', 'lat', 'lng'],
    })) as Array<{ id: number; lat: number; lng: number }>;
    for (const r of rows) {
      await strapi.db.query(uid).update({ where: { id: r.id }, data: { location: { type: 'Point', coordinates: [Number(r.lng), Number(r.lat)] } } });
      filled += 1;
    }
  }
  return filled;
}
