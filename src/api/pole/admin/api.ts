import type { MapTiles } from '../../../shared/map-tiles';

/** The public pole API, read by the admin pages too (staff see what citizens see, plus the labels). */
export interface Pole {
  code: string;
  name: string;
  village: number | null;
  location: { lat: number; lng: number } | null;
  status: 'working' | 'reported' | 'under_repair' | 'out_of_service';
}

export interface Town {
  nameTh?: string;
  phone?: string;
}

/** Uploads and the API may be on another origin than the admin (backendURL). */
export const backend = (path: string) => `${(window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? ''}${path}`;

export async function fetchPoles(): Promise<Pole[]> {
  const res = await fetch(backend('/api/poles'), { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { data: Pole[] }).data;
}

/** The maps' tile source, as the website gets it (MAP_TILE_URL, MAP_ATTRIBUTION). */
export async function fetchMapTiles(): Promise<MapTiles> {
  const res = await fetch(backend('/api/map'));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { data: MapTiles }).data;
}

export async function fetchTown(): Promise<Town> {
  const res = await fetch(backend('/api/municipality'));
  return res.ok ? (((await res.json()) as { data?: Town | null }).data ?? {}) : {};
}

export const TONES: Record<Pole['status'], string> = {
  working: '#1b7f4b',
  reported: '#d9480f',
  under_repair: '#1c5fb8',
  out_of_service: '#5f6360',
};
