import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { AttributeDef, Geometry, GeoFeature, LayerKind } from '../../plugins/gis/server/src/public';

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
 * The parts of the gis plugin's services the seed uses: `features.create` checks the properties
 * against the layer's schema, normalizes the geometry (RFC 7946) and stores its bbox.
 */
interface LayersService {
  find(slug: string, options: { publicOnly: boolean }): Promise<object | null>;
}
interface FeaturesService {
  create(layer: object, input: { geometry: unknown; properties: Record<string, unknown> }): Promise<GeoFeature>;
}

const LAYER = 'plugin::gis.layer';
const FEATURE = 'plugin::gis.feature';

function positions(g: Geometry): number[][] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

/** Without the plugin's service (an older plugin), the feature is stored as it is, with its bbox. */
async function storeDirectly(strapi: Core.Strapi, layerId: number, geometry: Geometry, properties: Record<string, unknown>) {
  const pts = positions(geometry);
  const lons = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  await strapi.db.query(FEATURE).create({
    data: { layerId, geometry, properties, minLon: Math.min(...lons), minLat: Math.min(...lats), maxLon: Math.max(...lons), maxLat: Math.max(...lats) },
  });
}

export async function seedGisLayers(strapi: Core.Strapi, seedDir: string): Promise<number> {
  const { layers } = JSON.parse(fs.readFileSync(path.join(seedDir, 'gis', 'layers.json'), 'utf8')) as { layers: LayerSeed[] };
  const plugin = strapi.plugin('gis');
  const features = plugin?.service('features') as Partial<FeaturesService> | undefined;
  const lookup = plugin?.service('layers') as Partial<LayersService> | undefined;
  const viaPlugin = typeof features?.create === 'function' && typeof lookup?.find === 'function';
  let created = 0;
  for (const { file, ...fields } of layers) {
    if (await strapi.db.query(LAYER).findOne({ where: { slug: fields.slug }, select: ['id'] })) continue;
    const layer = (await strapi.db.query(LAYER).create({ data: fields })) as { id: number; slug: string };
    const collection = JSON.parse(fs.readFileSync(path.join(seedDir, file), 'utf8')) as { features: Array<{ geometry: Geometry; properties?: Record<string, unknown> | null }> };
    const resolved = viaPlugin ? await lookup.find!(layer.slug, { publicOnly: false }) : null;
    for (const f of collection.features) {
      const properties = f.properties ?? {};
      if (resolved) await features!.create!(resolved, { geometry: f.geometry, properties });
      else await storeDirectly(strapi, layer.id, f.geometry, properties);
    }
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
