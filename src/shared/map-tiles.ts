/**
 * Where the maps (website and admin) take their background tiles from, and the credit the tiles'
 * licence asks for. Shared by the server (configuration, content security policy) and the
 * website (its fallback), so it stays pure: no imports, no Node or browser APIs.
 */
export interface MapTiles {
  /** A Leaflet tile URL template: {z}/{x}/{y}, optionally {s} (subdomain) and {r} (retina). */
  tileUrl: string;
  /** HTML shown in the map's corner (a link to the tiles' licence), set by the operator. */
  attribution: string;
}

export const DEFAULT_MAP_TILES: MapTiles = {
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; ผู้ร่วมให้ข้อมูล <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
};

/**
 * The source a content security policy must allow for these tiles: the template's origin, with a
 * placeholder in the host (`{s}.tile.example.org`) widened to `*.tile.example.org`; null for tiles
 * served from this site (a path), which 'self' already allows.
 */
export function tileSource(tileUrl: string): string | null {
  const m = /^(https?:)\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!m) return null;
  const scheme = m[1].toLowerCase();
  const host = m[2].toLowerCase();
  if (!host.includes('{')) return `${scheme}//${host}`;
  const [first, ...rest] = host.split('.');
  // CSP allows a wildcard only as the whole left-most label; anything else: the scheme alone.
  if (first.includes('{') && rest.length && !rest.some((label) => label.includes('{'))) return `${scheme}//*.${rest.join('.')}`;
  return scheme;
}
