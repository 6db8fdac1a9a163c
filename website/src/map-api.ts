/** What the separately loaded map script (map.ts) offers the site script: types only, no code. */
export interface MapOptions {
  lat: number;
  lng: number;
  zoom: number;
  labels: { zoomIn: string; zoomOut: string };
  /** A point chosen by a click, a tap, or Enter on the focused map (its centre). */
  onPick: (lat: number, lng: number) => void;
}

export interface MapHandle {
  setPin: (point: { lat: number; lng: number } | null) => void;
  moveTo: (lat: number, lng: number, zoom?: number) => void;
  destroy: () => void;
}

export interface MapApi {
  create: (el: HTMLElement, options: MapOptions) => MapHandle;
}
