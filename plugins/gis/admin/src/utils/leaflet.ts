import Leaflet from 'leaflet';
import 'leaflet/dist/leaflet.css';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import type { GeoFeature, Geometry } from '../types/api';

/** [lat, lng], as Leaflet takes them (GeoJSON is [lng, lat]). */
export type LatLngTuple = [number, number];
export interface LatLng {
  lat: number;
  lng: number;
}
export interface Bounds {
  isValid(): boolean;
  extend(other: Bounds | LatLngTuple): Bounds;
}

export interface LeafletEvent {
  latlng?: LatLng;
  layer?: GisLayer;
  shape?: string;
  target?: unknown;
  originalEvent?: Event;
}
type Handler = (e: LeafletEvent) => void;

/** The few methods of a Leaflet layer (marker, path, group) the editor calls; optional where only some kinds have them. */
export interface GisLayer {
  addTo(map: GisMap): GisLayer;
  remove(): GisLayer;
  on(event: string, fn: Handler): GisLayer;
  off(event: string, fn?: Handler): GisLayer;
  toGeoJSON(precision?: number): { type: 'Feature'; geometry: Geometry; properties: Record<string, unknown> };
  options: Record<string, unknown>;
  feature?: GeoFeature;
  setStyle?(style: Record<string, unknown>): GisLayer;
  getBounds?(): Bounds;
  getLatLng?(): LatLng;
  setLatLng?(at: LatLngTuple | LatLng): GisLayer;
  bringToFront?(): GisLayer;
  getElement?(): HTMLElement | undefined;
  eachLayer?(fn: (layer: GisLayer) => void): void;
  clearLayers?(): void;
  dragging?: { enable(): void; disable(): void };
  bindTooltip?(text: string, options?: Record<string, unknown>): GisLayer;
}

export interface GeomanMap {
  addControls(options: Record<string, unknown>): void;
  removeControls(): void;
  controlsVisible(): boolean;
  setGlobalOptions(options: Record<string, unknown>): void;
  setLang(lang: string, translations?: Record<string, unknown>, fallback?: string): void;
  disableDraw(shape?: string): void;
  disableGlobalEditMode(): void;
  disableGlobalDragMode(): void;
  disableGlobalRemovalMode(): void;
  globalEditModeEnabled(): boolean;
  globalDragModeEnabled(): boolean;
  Toolbar: { changeControlOrder?(order: string[]): void };
}

export interface GisMap {
  setView(center: LatLngTuple, zoom: number): GisMap;
  fitBounds(bounds: Bounds, options?: Record<string, unknown>): GisMap;
  remove(): void;
  on(event: string, fn: Handler): GisMap;
  off(event: string, fn?: Handler): GisMap;
  invalidateSize(): GisMap;
  getZoom(): number;
  getContainer(): HTMLElement;
  pm: GeomanMap;
}

export interface GeoJSONOptions {
  style?: (feature?: GeoFeature) => Record<string, unknown>;
  pointToLayer?: (feature: GeoFeature, at: LatLng) => GisLayer;
  onEachFeature?: (feature: GeoFeature, layer: GisLayer) => void;
  pmIgnore?: boolean;
  snapIgnore?: boolean;
  interactive?: boolean;
}

export interface GisLeaflet {
  map(element: HTMLElement, options?: Record<string, unknown>): GisMap;
  tileLayer(url: string, options?: Record<string, unknown>): GisLayer;
  marker(at: LatLngTuple | LatLng, options?: Record<string, unknown>): GisLayer;
  geoJSON(data: unknown, options?: GeoJSONOptions): GisLayer;
  divIcon(options: { className?: string; html?: string; iconSize?: [number, number]; iconAnchor?: [number, number] }): unknown;
  latLngBounds(points: LatLngTuple[]): Bounds;
  PM?: { setOptIn(value: boolean): void };
}

export const L = Leaflet as unknown as GisLeaflet;

// Geoman patches the global `L` when its script runs: set it before loading geoman, once.
let geoman: Promise<void> | undefined;
export function loadGeoman(): Promise<void> {
  if (!geoman) {
    (window as unknown as { L: unknown }).L = Leaflet;
    geoman = import('@geoman-io/leaflet-geoman-free').then(() => undefined);
  }
  return geoman;
}

/** A CSS pin instead of Leaflet's marker PNGs: nothing to resolve at build time, nothing to fetch. */
export const pinIcon = (color: string, className = 'gis-pin') =>
  L.divIcon({
    className,
    html: `<span style="display:block;width:20px;height:20px;border-radius:50% 50% 50% 0;background:${color};border:3px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.5);transform:rotate(-45deg)"></span>`,
    iconSize: [20, 20],
    iconAnchor: [10, 20],
  });

/** The town's centre (Nok Ok), where an empty map opens. */
export const TOWN_CENTRE: LatLngTuple = [14.72, 102.02];
