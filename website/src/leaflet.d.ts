/** The small part of Leaflet 1.9 that map.ts uses (the package ships no types). */
declare module 'leaflet' {
  export interface LatLng {
    lat: number;
    lng: number;
    wrap(): LatLng;
  }
  export type Point = [number, number];
  export interface LeafletMouseEvent {
    latlng: LatLng;
  }
  export interface Layer {
    addTo(map: LeafletMap | LayerGroup): this;
    remove(): this;
    bindPopup(content: HTMLElement | (() => HTMLElement), options?: Record<string, unknown>): this;
    openPopup(): this;
    feature?: { id?: string | number; properties?: Record<string, unknown> | null };
    getBounds?(): LatLngBounds;
    getLatLng?(): LatLng;
  }
  export interface Path extends Layer {
    setLatLng(point: Point): this;
    setRadius(r: number): this;
  }
  export interface Marker extends Layer {
    setLatLng(point: Point): this;
  }
  export interface LayerGroup extends Layer {
    clearLayers(): this;
    eachLayer(fn: (layer: Layer) => void): this;
    hasLayer(layer: Layer): boolean;
    removeLayer(layer: Layer): this;
    addLayer(layer: Layer): this;
  }
  export interface LatLngBounds {
    isValid(): boolean;
    extend(other: LatLngBounds | LatLng): this;
  }
  export interface GeoJSON extends LayerGroup {
    getBounds(): LatLngBounds;
    getLayers(): Layer[];
  }
  export interface LeafletMap {
    setView(center: Point, zoom?: number): this;
    fitBounds(bounds: LatLngBounds, options?: Record<string, unknown>): this;
    getCenter(): LatLng;
    getZoom(): number;
    hasLayer(layer: Layer): boolean;
    addLayer(layer: Layer): this;
    removeLayer(layer: Layer): this;
    on(type: 'click', fn: (e: LeafletMouseEvent) => void): this;
    remove(): this;
  }
  export interface Icon {
    readonly options: object;
  }
  const L: {
    map(el: HTMLElement, options?: Record<string, unknown>): LeafletMap;
    tileLayer(url: string, options?: Record<string, unknown>): Layer;
    marker(point: Point | LatLng, options?: Record<string, unknown>): Marker;
    layerGroup(): LayerGroup;
    latLngBounds(points: Point[]): LatLngBounds;
    geoJSON(
      data: object,
      options?: { pointToLayer?: (feature: unknown, at: LatLng) => Layer; style?: (feature?: { geometry?: { type?: string } | null }) => Record<string, unknown>; interactive?: boolean; onEachFeature?: (feature: { id?: string | number; properties?: Record<string, unknown> | null }, layer: Layer) => void }
    ): GeoJSON;
    circleMarker(point: Point | LatLng, options?: Record<string, unknown>): Path;
    circle(point: Point | LatLng, options?: Record<string, unknown>): Path;
    divIcon(options?: Record<string, unknown>): Icon;
    control: { zoom(options?: Record<string, unknown>): Layer };
  };
  export default L;
}
