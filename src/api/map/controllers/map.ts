import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { AdminLayerSummary, GeoFeature, GisFeaturesService, GisLayersService, LayerSummary, ResolvedLayer } from '../../../../plugins/gis/server/src/public';
import { inputOf, notFound } from '../../../http/contract';
import type { MapTiles } from '../../../shared/map-tiles';
import { listMapLayerFeatures } from '../contracts';

/** A public layer, from an allow-list of fields (no id, no visibility flag, no order). */
export const toPublicLayer = (l: AdminLayerSummary): LayerSummary => ({
  slug: l.slug,
  nameTh: l.nameTh,
  nameEn: l.nameEn,
  description: l.description,
  kind: l.kind,
  style: l.style,
  featureCount: l.featureCount,
  bbox: l.bbox,
  attributes: l.attributes,
  editable: l.editable,
  updatedAt: l.updatedAt,
});

/** A stored feature's public properties: only the layer's current attributes (a removed attribute's old values stay out). */
const toPublicFeature = (layer: ResolvedLayer, f: GeoFeature): GeoFeature => {
  if (!layer.summary.editable) return f;
  const names = layer.summary.attributes.map((a) => a.name);
  return { type: 'Feature', id: f.id, geometry: f.geometry, properties: Object.fromEntries(names.filter((n) => n in f.properties).map((n) => [n, f.properties[n]])) };
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const gis = strapi.plugin('gis');
  const layers = () => gis.service<GisLayersService>('layers');
  const features = () => gis.service<GisFeaturesService>('features');

  return {
    /** GET /api/map: the tile URL template and its attribution (MAP_TILE_URL, MAP_ATTRIBUTION). */
    settings(ctx) {
      const { tileUrl, attribution } = strapi.config.get<MapTiles>('map');
      // Changes only with a restart; public-cache adds the ETag.
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = { data: { tileUrl, attribution } satisfies MapTiles };
    },

    /** GET /api/gis/layers: public layers and public providers; public-cache adds the ETag. */
    async layers(ctx) {
      const list = await layers().summaries({ publicOnly: true });
      ctx.set('Cache-Control', 'public, max-age=60');
      ctx.body = { data: list.map(toPublicLayer) };
    },

    /** GET /api/gis/layers/:slug/features: GeoJSON, with a validator from the layer's revision so unchanged layers answer 304. */
    async features(ctx) {
      const { params, query, language } = inputOf(ctx, listMapLayerFeatures);
      const layer = await layers().find(params.slug, { publicOnly: true, stats: false });
      if (!layer) throw notFound('layer_not_found', language);
      const asked = JSON.stringify([query.bbox ?? null, query.limit, query.offset]);
      const tag = crypto.createHash('sha1').update(`${layer.summary.slug}\n${layer.version}\n${asked}`).digest('base64url').slice(0, 27);
      ctx.status = 200;
      ctx.set('ETag', `W/"${tag}"`);
      ctx.set('Last-Modified', layer.modifiedAt.toUTCString());
      ctx.set('Cache-Control', 'public, max-age=60');
      if (ctx.fresh) {
        ctx.status = 304;
        return;
      }
      const page = await features().list(layer, { bbox: query.bbox, limit: query.limit, offset: query.offset });
      ctx.body = JSON.stringify({ type: 'FeatureCollection', features: page.features.map((f) => toPublicFeature(layer, f)), numberMatched: page.numberMatched, numberReturned: page.numberReturned });
      ctx.type = 'application/geo+json; charset=utf-8';
    },
  } satisfies Core.Controller;
};
