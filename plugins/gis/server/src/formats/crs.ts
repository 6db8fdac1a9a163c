import proj4 from 'proj4';
import { FormatError } from './errors';

/**
 * The coordinate systems Thai map data comes in, and turning them into WGS84 longitude/latitude.
 *
 * Indian 1975 (EPSG:4240, UTM EPSG:24047/24048) sits on the Everest 1830 (1937 adjustment)
 * ellipsoid (a 6377276.345, 1/f 300.8017, proj4's `evrst30`). Its shift to WGS84 is the 3-parameter
 * set the Royal Thai Survey Department publishes and Thai agencies use (dX 204.4798, dY 837.8940,
 * dZ 294.7765 m, added to Indian 1975 geocentric coordinates). It is not one of the EPSG dataset's
 * transformations (EPSG:1304, "Indian 1975 to WGS 84 (2)", is 210/814/289 at ±5 m; EPSG:1812 is a
 * 7-parameter cadastral set), but it reproduces the Royal Irrigation Department's GNSS benchmark
 * 610279 to a few millimetres (see the unit test), so it is used for both the geographic and UTM forms.
 */
export type SourceCrs = 'auto' | 'EPSG:4326' | 'EPSG:32647' | 'EPSG:32648' | 'EPSG:24047' | 'EPSG:24048' | 'EPSG:4240';
export type KnownCrs = Exclude<SourceCrs, 'auto'>;

const INDIAN_1975 = '+ellps=evrst30 +towgs84=204.4798,837.8940,294.7765,0,0,0,0';
const DEFINITIONS: Record<KnownCrs, string> = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:32647': '+proj=utm +zone=47 +datum=WGS84 +units=m +no_defs',
  'EPSG:32648': '+proj=utm +zone=48 +datum=WGS84 +units=m +no_defs',
  'EPSG:4240': `+proj=longlat ${INDIAN_1975} +no_defs`,
  'EPSG:24047': `+proj=utm +zone=47 ${INDIAN_1975} +units=m +no_defs`,
  'EPSG:24048': `+proj=utm +zone=48 ${INDIAN_1975} +units=m +no_defs`,
};
export const KNOWN_CRS = Object.keys(DEFINITIONS) as KnownCrs[];
export const isKnownCrs = (v: unknown): v is KnownCrs => typeof v === 'string' && v in DEFINITIONS;

/** Thailand's extent (with a little margin), for guessing which UTM zone undeclared metres are in. */
export const THAILAND_BBOX = [97.3, 5.6, 105.7, 20.5] as const;
export const inThailand = ([lon, lat]: number[]) =>
  lon >= THAILAND_BBOX[0] && lon <= THAILAND_BBOX[2] && lat >= THAILAND_BBOX[1] && lat <= THAILAND_BBOX[3];

// Definitions are passed as strings (not registered in proj4's global table, which the app may share).
const converters = new Map<KnownCrs, proj4.Converter>();
function converter(crs: KnownCrs): proj4.Converter {
  let c = converters.get(crs);
  if (!c) {
    c = proj4(DEFINITIONS[crs], DEFINITIONS['EPSG:4326']);
    converters.set(crs, c);
  }
  return c;
}

/** A position [x, y(, z)] in `crs` as WGS84 [lon, lat(, z)]; altitude passes through unchanged. */
export function toWgs84(p: number[], crs: KnownCrs): number[] {
  if (crs === 'EPSG:4326') return p;
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return p;
  const [lon, lat] = converter(crs).forward([p[0], p[1]]);
  return [lon, lat, ...p.slice(2)];
}

/** The other way (for tests and exports in a Thai grid). */
export function fromWgs84(p: number[], crs: KnownCrs): number[] {
  if (crs === 'EPSG:4326') return p;
  const [x, y] = converter(crs).inverse([p[0], p[1]]);
  return [x, y, ...p.slice(2)];
}

const CODES: Record<string, KnownCrs> = {
  '4326': 'EPSG:4326',
  CRS84: 'EPSG:4326',
  '32647': 'EPSG:32647',
  '32648': 'EPSG:32648',
  '4240': 'EPSG:4240',
  '24047': 'EPSG:24047',
  '24048': 'EPSG:24048',
};

/**
 * A GeoJSON `crs` member (GeoJSON 2008; RFC 7946 dropped it but old Thai files carry it):
 * `{ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32647' | 'EPSG:32647' | 'urn:ogc:def:crs:OGC:1.3:CRS84' } }`
 * or `{ type: 'EPSG', properties: { code: 32647 } }`. Undefined when there is none; throws unknown_crs for others.
 */
export function crsFromGeoJsonMember(member: unknown): KnownCrs | undefined {
  if (member === undefined || member === null) return undefined;
  const props = (member as { properties?: { name?: unknown; code?: unknown } }).properties ?? {};
  const raw = props.name ?? props.code;
  const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  const m = /(CRS84|\d{4,5})\s*$/i.exec(text.trim());
  const code = m ? CODES[m[1].toUpperCase()] : undefined;
  if (!code) throw new FormatError('unknown_crs', `GeoJSON crs ${JSON.stringify(member)}`);
  return code;
}

/**
 * A Shapefile's .prj (WKT 1 in ESRI or OGC flavour, or WKT 2): an EPSG authority code of the whole
 * system when present, otherwise the datum (WGS 84 / Indian 1975) and, for a projected system, the
 * UTM zone from its name or central meridian (99° → 47N, 105° → 48N). Throws unknown_crs otherwise.
 */
export function crsFromWkt(wkt: string): KnownCrs {
  const text = wkt.trim();
  const projected = /^(PROJCS|PROJCRS|PROJECTEDCRS)\[/i.test(text);
  const geographic = /^(GEOGCS|GEOGCRS|GEODCRS|GEOGRAPHICCRS)\[/i.test(text);
  if (!projected && !geographic) throw new FormatError('unknown_crs', `.prj ${text.slice(0, 80)}`);
  // The system's own authority is the last one at the top level, i.e. the last in the text.
  const authorities = [...text.matchAll(/(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const last = authorities[authorities.length - 1]?.[1];
  if (last && CODES[last] && (projected ? !['4326', '4240'].includes(last) : ['4326', '4240'].includes(last))) return CODES[last];
  const indian = /indian[\s_]*1975/i.test(text);
  const wgs84 = /WGS[\s_]*(19)?84/i.test(text) && !/WGS[\s_]*(19)?72/i.test(text);
  if (!indian && !wgs84) throw new FormatError('unknown_crs', `.prj datum ${text.slice(0, 80)}`);
  if (geographic) return indian ? 'EPSG:4240' : 'EPSG:4326';
  let zone: number | undefined;
  const named = /zone[\s_]*(\d{1,2})\s*N?\b/i.exec(text);
  if (named) zone = Number(named[1]);
  else {
    const cm = /PARAMETER\[\s*"(?:central_meridian|Longitude of natural origin)"\s*,\s*(-?[\d.]+)/i.exec(text);
    if (cm) zone = Math.floor((Number(cm[1]) + 180) / 6) + 1;
  }
  if (zone !== 47 && zone !== 48) throw new FormatError('unknown_crs', `.prj zone ${String(zone)}`);
  return `EPSG:${indian ? 240 : 326}${zone}` as KnownCrs;
}

/** Easting/northing that can only be UTM metres (a false easting of 500 km, the northern hemisphere). */
export const looksLikeUtm = ([x, y]: number[]) => x >= 100000 && x <= 900000 && y >= 0 && y <= 10000000;
export const looksLikeDegrees = ([x, y]: number[]) => Math.abs(x) <= 180 && Math.abs(y) <= 90;

/**
 * The UTM zone of undeclared metres: the one (47N or 48N, WGS84) that puts the point inside
 * Thailand's bounding box; when both do (eastings near the zone edges) 47N, which covers most of
 * the country and is what provincial offices use even a little east of 102°E. Undefined when neither does.
 */
export function guessUtmZone(p: number[]): 'EPSG:32647' | 'EPSG:32648' | undefined {
  if (!looksLikeUtm(p)) return undefined;
  if (inThailand(toWgs84(p, 'EPSG:32647'))) return 'EPSG:32647';
  if (inThailand(toWgs84(p, 'EPSG:32648'))) return 'EPSG:32648';
  return undefined;
}
