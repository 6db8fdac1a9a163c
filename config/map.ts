import type { Core } from '@strapi/strapi';
import { DEFAULT_MAP_TILES, type MapTiles } from '../src/shared/map-tiles';

/**
 * The maps' background tiles and their credit, read as strapi.config.get('map'): the website (its
 * page shell and GET /api/map), the admin's maps and the content security policy
 * (config/middlewares.ts) all take them from here.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): MapTiles => ({
  tileUrl: env('MAP_TILE_URL', '').trim() || DEFAULT_MAP_TILES.tileUrl,
  attribution: env('MAP_ATTRIBUTION', DEFAULT_MAP_TILES.attribution),
});

export default config;
