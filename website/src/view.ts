import type { Municipality } from './api';
import type { MapTiles } from '../../src/shared/map-tiles';

/** A page is HTML, and optionally the code that brings it to life once it is in the document. */
export type Rendered = string | { html: string; mount: (root: HTMLElement) => (() => void) | void };

/**
 * An event listener whose work is asynchronous: the work handles its own errors (it shows them on
 * the page), so nothing is left to wait for.
 */
export const listener =
  <E>(work: (event: E) => Promise<void>) =>
  (event: E): void => {
    void work(event);
  };

export interface PageContext {
  /** Same-page navigation: updates the address and renders the new page. */
  navigate: (url: string, replace?: boolean) => void;
  municipality: () => Municipality | null;
  /** Where the maps take their tiles from (MAP_TILE_URL on the server, sent with the page). */
  mapTiles: () => MapTiles;
}
