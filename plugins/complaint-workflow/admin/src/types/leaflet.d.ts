// The few Leaflet calls the admin's maps make (case map, pole map); the package ships no types and @types/leaflet is not installed.
declare module 'leaflet' {
  type LatLng = [number, number];
  interface Layer {
    addTo(map: LeafletMap): this;
  }
  interface LeafletMap {
    setView(center: LatLng, zoom: number): LeafletMap;
    fitBounds(bounds: unknown, options?: Record<string, unknown>): LeafletMap;
    remove(): void;
  }
  interface Leaflet {
    map(element: HTMLElement, options?: Record<string, unknown>): LeafletMap;
    tileLayer(url: string, options?: Record<string, unknown>): Layer;
    marker(at: LatLng, options?: Record<string, unknown>): Layer;
    latLngBounds(points: LatLng[]): unknown;
    divIcon(options: { className?: string; html?: string; iconSize?: [number, number]; iconAnchor?: [number, number] }): unknown;
  }
  const L: Leaflet;
  export default L;
}
