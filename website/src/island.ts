import type { Municipality } from './api';
import { DEFAULT_MAP_TILES, type MapTiles } from '../../src/shared/map-tiles';

/**
 * What an island (a script in website/src/islands/, loaded only by the pages that name it in
 * routes.ts) reads from the page the server rendered: the page's data (`<script id="page-data">`,
 * what the route's loader answered) and the site's (`<script id="initial-data">`: the municipality
 * record and the maps' tile source). Nothing is fetched again to start.
 */
export interface IslandContext {
  municipality: () => Municipality | null;
  /** Where the maps take their tiles from (MAP_TILE_URL on the server, sent with the page). */
  mapTiles: () => MapTiles;
}

const readJson = (id: string): unknown => {
  try {
    const text = document.getElementById(id)?.textContent;
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
};

let site: { municipality: Municipality | null; map: MapTiles } | undefined;
const siteData = () => {
  if (site) return site;
  const data = (readJson('initial-data') ?? {}) as { municipality?: Municipality | null; map?: Partial<MapTiles> | null };
  const map = typeof data.map?.tileUrl === 'string' && typeof data.map.attribution === 'string' ? { tileUrl: data.map.tileUrl, attribution: data.map.attribution } : DEFAULT_MAP_TILES;
  return (site = { municipality: data.municipality ?? null, map });
};

export const islandContext: IslandContext = { municipality: () => siteData().municipality, mapTiles: () => siteData().map };

/** The data the page was rendered from (as its route's loader answered it), or null. */
export function pageData<T>(): T | null {
  const page = readJson('page-data') as { data?: T } | null;
  return page?.data ?? null;
}

/**
 * An event listener whose work is asynchronous: the work handles its own errors (it shows them on
 * the page), so nothing is left to wait for.
 */
export const listener =
  <E>(work: (event: E) => Promise<void>) =>
  (event: E): void => {
    void work(event);
  };
