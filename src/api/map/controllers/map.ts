import type { Core } from '@strapi/strapi';
import type { MapTiles } from '../../../shared/map-tiles';

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    /** GET /api/map: the tile URL template and its attribution (MAP_TILE_URL, MAP_ATTRIBUTION). */
    settings(ctx) {
      const { tileUrl, attribution } = strapi.config.get<MapTiles>('map');
      // Changes only with a restart; public-cache adds the ETag.
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = { data: { tileUrl, attribution } satisfies MapTiles };
    },
  }) satisfies Core.Controller;
