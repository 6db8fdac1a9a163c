import type { MapTiles } from '../../src/shared/map-tiles';

/** What the separately loaded map script (map.ts) offers the site script: types only, no code. */
export interface MapOptions {
  lat: number;
  lng: number;
  zoom: number;
  /** The background tiles and their credit, as the server configures them. */
  tiles: MapTiles;
  labels: { zoomIn: string; zoomOut: string };
  /** A point chosen by a click, a tap, or Enter on the focused map (its centre); none: a map to look at. */
  onPick?: (lat: number, lng: number) => void;
}

/** A point shown on a map with its state as a colour (the page lists the same points as text). */
export interface MapMarker {
  lat: number;
  lng: number;
  title: string;
  /** A CSS modifier: the marker gets the class map-dot--<tone>. */
  tone: string;
}

export interface MapHandle {
  /** Shows these markers instead of the previous ones, and fits the view to them when asked. */
  setMarkers: (markers: MapMarker[], fit?: boolean) => void;
  /**
   * Draws a GeoJSON object (points as dots of this tone, lines and areas in the site's green) and fits
   * the view to it; answers how many features it drew.
   */
  showGeoJson: (geojson: unknown, tone: string) => number;
  setPin: (point: { lat: number; lng: number } | null) => void;
  moveTo: (lat: number, lng: number, zoom?: number) => void;
  destroy: () => void;
}

export interface MapApi {
  create: (el: HTMLElement, options: MapOptions) => MapHandle;
}
