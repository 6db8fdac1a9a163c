import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { isoDate as isoDateTime } from '../../http/schemas';

export const getMapTiles = {
  method: 'GET',
  path: '/map',
  operationId: 'getMapTiles',
  summary: "Where the site's maps take their background tiles from, and the credit to show with them",
  tags: ['Meta'],
  responses: {
    200: {
      description: 'The tile source (MAP_TILE_URL and MAP_ATTRIBUTION; OpenStreetMap by default)',
      schema: z.object({
        data: z.object({
          tileUrl: z.string().meta({ description: 'Leaflet URL template with {z}, {x}, {y} (and optionally {s})', examples: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'] }),
          attribution: z.string().meta({ description: 'HTML to show in the corner of the map (a link to the licence)' }),
        }),
      }),
    },
  },
} satisfies RouteContract;

/* ------------------------------------------------------------------------------------------------
 * The public map layers (the gis plugin's layers and the app's providers), as GeoJSON
 * ---------------------------------------------------------------------------------------------- */

const GIS = ['Map'];
const position = z.array(z.number()).min(2).max(3).meta({ description: 'WGS84 [longitude, latitude]' });
const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]).meta({ description: 'minLon, minLat, maxLon, maxLat (WGS84)' });

/** RFC 7946 geometries (documented shape; the plugin normalizes what it stores). */
const Geometry = z
  .object({
    type: z.enum(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']),
    coordinates: z.union([position, z.array(position), z.array(z.array(position)), z.array(z.array(z.array(position)))]).optional(),
    geometries: z.array(z.looseObject({ type: z.string() })).optional(),
  })
  .meta({ description: 'An RFC 7946 geometry in WGS84 longitude-latitude order; polygons follow the right-hand rule' });

export const PublicGeoFeature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.int(), z.string()]).meta({ description: "The feature's numeric id in a stored layer; a provider's own id otherwise" }),
  geometry: Geometry,
  properties: z.record(z.string(), z.unknown()).meta({ description: "The layer's attributes, by attribute name" }),
});

const LayerStyle = z.object({
  color: z.string().meta({ examples: ['#0b5d3b'] }),
  lineWidth: z.int(),
  fillColor: z.string(),
  fillOpacity: z.number(),
  icon: z.string().meta({ examples: ['dot', 'school', 'health', 'temple', 'water'] }),
});

const AttributeDef = z.object({
  name: z.string(),
  labelTh: z.string(),
  labelEn: z.string(),
  type: z.enum(['text', 'number', 'date', 'boolean', 'choice']),
  options: z.array(z.string()).optional(),
  required: z.boolean().optional(),
});

export const PublicLayerSummary = z.object({
  slug: z.string().meta({ examples: ['roads'] }),
  nameTh: z.string(),
  nameEn: z.string(),
  description: z.string().nullable(),
  kind: z.enum(['point', 'line', 'polygon', 'mixed']),
  style: LayerStyle,
  featureCount: z.int(),
  bbox: bbox.nullable().meta({ description: 'The box around every feature; null when the layer is empty' }),
  attributes: z.array(AttributeDef).meta({ description: 'What each feature carries (popup rows, legend)' }),
  editable: z.boolean().meta({ description: "False for layers other parts of the system offer (poles, complaints, datasets)" }),
  updatedAt: isoDateTime,
});

const GEOJSON = ['application/geo+json'];
const layerParams = z.object({ slug: z.string().max(60).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).meta({ description: "The layer's slug", examples: ['roads'] }) });

/** `minLon,minLat,maxLon,maxLat` as four numbers in WGS84 range with min ≤ max. */
const bboxParam = z
  .string()
  .max(200)
  .transform((text, ctx) => {
    const parts = text.split(',');
    const n = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
    const ok = n.length === 4 && n.every(Number.isFinite) && n[0] >= -180 && n[2] <= 180 && n[1] >= -90 && n[3] <= 90 && n[0] <= n[2] && n[1] <= n[3];
    if (!ok) {
      ctx.addIssue({ code: 'custom', params: { code: 'invalid_bbox' }, input: text });
      return z.NEVER;
    }
    return n as [number, number, number, number];
  })
  .optional()
  .meta({ description: 'Only features whose geometry intersects this box: minLon,minLat,maxLon,maxLat (WGS84 degrees)', examples: ['102.05,14.65,102.15,14.75'] });

export const listMapLayers = {
  method: 'GET',
  path: '/gis/layers',
  operationId: 'listMapLayers',
  summary: "The town map's public layers: names, kind, style, feature count, bounding box and attributes",
  description: 'Sorted by display order, then Thai name. Internal layers never appear. ETag and `Cache-Control: public, max-age=60`.',
  tags: GIS,
  responses: { 200: { description: 'The public layers', schema: z.object({ data: z.array(PublicLayerSummary) }) } },
} satisfies RouteContract;

export const listMapLayerFeatures = {
  method: 'GET',
  path: '/gis/layers/:slug/features',
  operationId: 'listMapLayerFeatures',
  summary: "A public layer's features as an RFC 7946 GeoJSON FeatureCollection, optionally those in a box, a page at a time",
  description:
    'Ordered by id. `numberMatched` counts every feature matching the box, `numberReturned` those in this page. A weak `ETag` and `Last-Modified` let a client ask again with `If-None-Match` / `If-Modified-Since` and get 304 while the layer is unchanged.',
  tags: GIS,
  request: {
    params: layerParams,
    query: z.object({
      bbox: bboxParam,
      limit: z.coerce.number().int().min(1).max(5000).default(1000).meta({ description: 'Features per page: 1 to 5000 (default 1000)' }),
      offset: z.coerce.number().int().min(0).max(10_000_000).default(0).meta({ description: 'Features to skip (default 0)' }),
      locale: z.string().max(35).optional().meta({ description: 'Language of error messages: th or en; otherwise Accept-Language, then Thai' }),
    }),
  },
  responses: {
    200: {
      description: 'The features',
      media: GEOJSON,
      schema: z.object({
        type: z.literal('FeatureCollection'),
        features: z.array(PublicGeoFeature),
        numberMatched: z.int().meta({ description: 'Features matching the query (all pages)' }),
        numberReturned: z.int().meta({ description: 'Features in this answer' }),
      }),
    },
    304: { description: 'Unchanged since the ETag or date the client sent', media: [] },
    400: { description: 'A bad bbox, limit or offset' },
    404: { description: 'No public layer has this slug' },
  },
  codes: ['invalid_bbox'],
} satisfies RouteContract;
