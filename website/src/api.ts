/** The public content API, same origin. Answers are kept for the page's life: navigation stays instant. */
const cache = new Map<string, Promise<unknown>>();

/** `T` is the answer's shape as the caller knows it from the API's documentation (/api/openapi.json). */
export function api<T>(path: string, params: Record<string, string | number> = {}): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  const url = `/api/${path}${query ? `?${query}` : ''}`;
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url, { headers: { Accept: 'application/json' } }).then((res): Promise<unknown> | { data: null } => {
      if (!res.ok && res.status !== 404) throw new Error(`HTTP ${res.status}`);
      return res.status === 404 ? { data: null } : res.json();
    });
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending as Promise<T>;
}

/** Fresh each time, for what a citizen comes to check now (a case, a pole); null for a 404. */
export async function fresh<T>(path: string): Promise<T | null> {
  const res = await fetch(`/api/${path}`, { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { data: T }).data;
}

/** The error answer of the API: a message, and for a 400 the fields at fault. */
export interface ApiError {
  error?: {
    status?: number;
    message?: string;
    details?: { errors?: Array<{ path?: unknown; code?: unknown; message?: unknown }> };
  };
}

/** An answer's JSON as `T`, or null when it has none (a proxy's HTML error page, an empty 502). */
export async function readJson<T>(res: Response): Promise<T | null> {
  try {
    return (await res.json()) as T;
  } catch {
    return null;
  }
}

export interface Media {
  url: string;
  alternativeText?: string | null;
  width?: number;
  height?: number;
  formats?: Record<string, { url: string; width: number; height: number }> | null;
}

export interface Municipality {
  nameTh: string;
  nameEn: string;
  addressTh?: string;
  addressEn?: string;
  phone?: string;
  email?: string;
  lineOaId?: string;
  facebookPageUrl?: string;
  officeHoursTh?: string;
  officeHoursEn?: string;
  mapCenterLat?: number | null;
  mapCenterLng?: number | null;
  mapZoom?: number | null;
  logo?: Media | null;
}

export interface NewsItem {
  documentId: string;
  title: string;
  slug: string;
  summary?: string;
  body?: unknown;
  publishedDate: string;
  category: string;
  cover?: Media | null;
}

export interface Page {
  title: string;
  slug: string;
  body?: unknown;
  menuOrder?: number;
  showInMenu?: boolean;
}
