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

/** How a GIS layer is drawn (the layer's style as GET /api/gis/layers answers it). */
export interface GeoLayerStyle {
  color: string;
  lineWidth: number;
  fillColor: string;
  fillOpacity: number;
}

/** A GeoJSON layer of the town map: drawn in its style, each feature with its own popup. */
export interface GeoLayerSpec {
  geojson: unknown;
  style: GeoLayerStyle;
  /** The popup of a feature, built as DOM by the caller (text nodes: escaped by construction). */
  popup: (feature: { id?: string | number; properties?: Record<string, unknown> | null }) => HTMLElement;
}

export interface GeoLayerHandle {
  /** How many features it drew. */
  count: number;
  setVisible: (visible: boolean) => void;
  /** Shows the layer, zooms to a feature and opens its popup; false when the layer has no such feature. */
  focus: (featureId: string | number) => boolean;
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
  /** Adds a GeoJSON layer in its own style, shown; `fitAll` brings every visible one into view. */
  addGeoLayer: (spec: GeoLayerSpec) => GeoLayerHandle;
  fitAll: () => void;
  /** Marks where the reader is (a dot and its accuracy circle) and centres the map there. */
  showLocation: (lat: number, lng: number, accuracyMetres: number, title: string) => void;
  destroy: () => void;
}

export interface MapApi {
  create: (el: HTMLElement, options: MapOptions) => MapHandle;
}
