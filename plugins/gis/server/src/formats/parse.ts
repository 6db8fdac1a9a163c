import { DOMParser } from '@xmldom/xmldom';
import { gpx, kml } from '@tmcw/togeojson';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import type { Geometry } from '../public';
import { crsFromGeoJsonMember, crsFromWkt, guessUtmZone, isKnownCrs, looksLikeDegrees, toWgs84, type KnownCrs, type SourceCrs } from './crs';
import { FormatError } from './errors';
import { normalizeGeometry } from './geometry';
import { encodingOfCpg, readDbf, readShp, ShapefileError } from './shapefile';

/** A feature the import leaves out: its 0-based position in the file, its name when it has one, and why. */
export interface Rejected {
  index: number;
  name?: string;
  code: string;
}
export interface ParsedFile {
  format: 'geojson' | 'kml' | 'gpx' | 'shapefile';
  /** The system the coordinates were read in, e.g. `EPSG:32647`; `EPSG:32647 (guessed)` when undeclared metres were placed by their values. */
  crs: string;
  features: Array<{ geometry: Geometry; properties: Record<string, unknown> }>;
  rejected: Rejected[];
}

/** More features than an editor map or one import transaction should take. */
export const MAX_FEATURES = 50_000;
/** The most a zip (Shapefile, KMZ) may expand to: a zip bomb is refused before it is inflated. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

interface RawFeature {
  geometry: unknown;
  properties: Record<string, unknown>;
}
interface RawFile {
  format: ParsedFile['format'];
  features: RawFeature[];
  /** The system the file declares (.prj, GeoJSON crs); KML and GPX are WGS84 by definition. */
  declared?: KnownCrs;
  /** KML and GPX: coordinates are longitude/latitude whatever the caller says. */
  fixedWgs84?: boolean;
}

type Kind = ParsedFile['format'] | 'kmz';

function kindOf(file: Buffer, fileName: string): Kind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  if (ext === 'kmz') return 'kmz';
  if (ext === 'gpx') return 'gpx';
  if (ext === 'zip') return 'shapefile';
  // No telling extension: look at the first bytes.
  if (file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04) return 'shapefile';
  const head = file.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (/<kml[\s>]/.test(head)) return 'kml';
  if (/<gpx[\s>]/.test(head)) return 'gpx';
  throw new FormatError('unsupported_format', `file name ${fileName}`);
}

/** The entries of a zip whose names `want` accepts, refusing archives that would expand past MAX_UNZIPPED_BYTES. */
function unzip(file: Buffer, want: (name: string) => boolean): Record<string, Uint8Array> {
  try {
    let declared = 0;
    const files = unzipSync(file, {
      filter: (f) => {
        if (f.name.endsWith('/') || /(^|\/)__MACOSX\//.test(f.name) || !want(f.name)) return false;
        declared += f.originalSize;
        // fflate inflates into a buffer of the declared size, so the declared sizes bound the memory used.
        if (declared > MAX_UNZIPPED_BYTES) throw new FormatError('too_large', `zip expands past ${MAX_UNZIPPED_BYTES} bytes`);
        return true;
      },
    });
    return files;
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError('unreadable_file', `zip: ${(e as Error).message}`);
  }
}

const plainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readGeoJson(file: Buffer): RawFile {
  let doc: unknown;
  try {
    doc = JSON.parse(file.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FormatError('unreadable_file', `JSON: ${(e as Error).message}`);
  }
  if (!plainObject(doc)) throw new FormatError('unreadable_file', 'JSON is not an object');
  const declared = crsFromGeoJsonMember(doc.crs);
  const feature = (f: unknown): RawFeature =>
    plainObject(f) ? { geometry: f.geometry, properties: plainObject(f.properties) ? f.properties : {} } : { geometry: undefined, properties: {} };
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) throw new FormatError('unreadable_file', 'FeatureCollection without a features array');
    return { format: 'geojson', declared, features: doc.features.map(feature) };
  }
  if (doc.type === 'Feature') return { format: 'geojson', declared, features: [feature(doc)] };
  if (typeof doc.type === 'string' && /^(Multi)?(Point|LineString|Polygon)$|^GeometryCollection$/.test(doc.type)) {
    return { format: 'geojson', declared, features: [{ geometry: doc, properties: {} }] };
  }
  throw new FormatError('unsupported_format', `GeoJSON type ${String(doc.type)}`);
}

function xmlText(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const encoding = declared && iconv.encodingExists(declared) ? declared : 'utf8';
  return iconv.decode(Buffer.from(bytes), encoding).replace(/^\uFEFF/, '');
}

function parseXml(bytes: Uint8Array, root: 'kml' | 'gpx') {
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xmlText(bytes), 'text/xml');
  } catch (e) {
    throw new FormatError('unreadable_file', `XML: ${(e as Error).message}`);
  }
  const name = doc.documentElement?.localName ?? doc.documentElement?.nodeName;
  if (name !== root) throw new FormatError('unreadable_file', `XML root <${String(name)}> is not <${root}>`);
  return doc;
}

/** togeojson's styling members, which are presentation, not attributes. */
const STYLE_KEY = /^(style(Url|Hash|MapHash)|stroke|fill|icon|label|visibility$|@geometry-type$|_gpxType$|coordinateProperties$)/;

function cleanProperties(p: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p ?? {})) {
    if (STYLE_KEY.test(k)) continue;
    // A KML description in CDATA comes as { '@type': 'html', value }.
    out[k] = plainObject(v) && typeof v.value === 'string' ? v.value : v;
  }
  return out;
}

/** A KML MultiGeometry of one kind of member is the matching Multi* geometry (what a layer's kind expects). */
function simplifyCollection(g: unknown): unknown {
  if (!plainObject(g) || g.type !== 'GeometryCollection' || !Array.isArray(g.geometries) || g.geometries.length === 0) return g;
  const members = g.geometries as Array<{ type?: unknown; coordinates?: unknown }>;
  const type = members[0]?.type;
  if (!members.every((m) => plainObject(m) && m.type === type)) return g;
  if (type === 'Point' || type === 'LineString' || type === 'Polygon') return { type: `Multi${type}`, coordinates: members.map((m) => m.coordinates) };
  return g;
}

/** KML writes `lon,lat,0` for ground-clamped shapes: an altitude of 0 everywhere is no altitude. */
function dropZeroAltitude(g: unknown): unknown {
  const zeros = positionsOf(g).every((p) => p.length < 3 || p[2] === 0);
  return zeros ? mapPositions(g, (p) => p.slice(0, 2)) : g;
}

function readKml(bytes: Uint8Array): RawFile {
  const fc = kml(parseXml(bytes, 'kml'));
  return {
    format: 'kml',
    fixedWgs84: true,
    features: fc.features.map((f) => ({ geometry: dropZeroAltitude(simplifyCollection(f.geometry)), properties: cleanProperties(f.properties) })),
  };
}

function readKmz(file: Buffer): RawFile {
  const files = unzip(file, (n) => /\.kml$/i.test(n));
  const names = Object.keys(files).sort((a, b) => Number(!/(^|\/)doc\.kml$/i.test(a)) - Number(!/(^|\/)doc\.kml$/i.test(b)) || a.localeCompare(b));
  if (names.length === 0) throw new FormatError('missing_part', 'KMZ without a .kml');
  return readKml(files[names[0]]);
}

function readGpx(bytes: Uint8Array): RawFile {
  const fc = gpx(parseXml(bytes, 'gpx'));
  return { format: 'gpx', fixedWgs84: true, features: fc.features.map((f) => ({ geometry: f.geometry, properties: cleanProperties(f.properties) })) };
}

function readShapefile(file: Buffer, crs: SourceCrs): RawFile {
  const files = unzip(file, (n) => /\.(shp|shx|dbf|prj|cpg)$/i.test(n));
  const byBase = new Map<string, Record<string, Uint8Array>>();
  for (const [name, data] of Object.entries(files)) {
    const m = /^(.*)\.([a-z]+)$/i.exec(name);
    if (!m) continue;
    const parts = byBase.get(m[1]) ?? {};
    parts[m[2].toLowerCase()] = data;
    byBase.set(m[1], parts);
  }
  const layers = [...byBase.entries()].filter(([, p]) => p.shp || p.dbf).sort(([a], [b]) => a.localeCompare(b));
  if (layers.length === 0) throw new FormatError('unsupported_format', 'zip without a Shapefile');
  const features: RawFeature[] = [];
  const declaredAll = new Set<KnownCrs>();
  let undeclared = false;
  for (const [base, parts] of layers) {
    if (!parts.shp) throw new FormatError('missing_part', `${base}.shp`);
    if (!parts.dbf) throw new FormatError('missing_part', `${base}.dbf`);
    if (parts.prj && crs === 'auto') declaredAll.add(crsFromWkt(Buffer.from(parts.prj).toString('latin1')));
    else undeclared = true;
    try {
      const shapes = readShp(parts.shp, MAX_FEATURES - features.length);
      const table = readDbf(parts.dbf, encodingOfCpg(parts.cpg ? Buffer.from(parts.cpg).toString('latin1') : undefined));
      shapes.forEach((shape, i) => {
        const row = table.rows[i];
        if (row === null) return; // deleted in the .dbf: not a feature any more
        const properties = row ?? {};
        if (shape !== null && 'unsupported' in shape) features.push({ geometry: { type: `shape type ${shape.unsupported}` }, properties });
        else features.push({ geometry: shape, properties });
      });
    } catch (e) {
      if (e instanceof ShapefileError) throw new FormatError(e.code === 'too_many_records' ? 'too_large' : 'unreadable_file', `${base}: ${e.message}`);
      throw e;
    }
  }
  // Several layers in one zip must agree on their system (or all lack a .prj) for one answer.
  if (declaredAll.size > 1 || (declaredAll.size === 1 && undeclared && crs === 'auto')) throw new FormatError('unknown_crs', 'the zip mixes coordinate systems');
  return { format: 'shapefile', declared: [...declaredAll][0], features };
}

/** Every position of a raw geometry (whatever its structure), for guessing and reprojecting. */
function mapPositions(g: unknown, fn: (p: number[]) => number[]): unknown {
  if (!plainObject(g)) return g;
  if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) return { ...g, geometries: g.geometries.map((m) => mapPositions(m, fn)) };
  const walk = (c: unknown): unknown => {
    if (!Array.isArray(c)) return c;
    if (c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number') return fn(c as number[]);
    return c.map(walk);
  };
  return { ...g, coordinates: walk(g.coordinates) };
}

function positionsOf(g: unknown): number[][] {
  const out: number[][] = [];
  mapPositions(g, (p) => {
    out.push(p);
    return p;
  });
  return out;
}

const nameOf = (p: Record<string, unknown>): string | undefined => {
  for (const key of ['name', 'NAME', 'Name', 'ชื่อ']) {
    const v = p[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return undefined;
};

/**
 * Which system undeclared coordinates are in, feature by feature: degrees, or UTM metres that land
 * in Thailand under 47N or 48N (see guessUtmZone). The file is read in whatever most features say;
 * a feature that disagrees is rejected as unknown_crs rather than misplaced.
 */
function guessCrs(features: RawFeature[]): { crs: KnownCrs; guessed: boolean; misfits: Set<number> } {
  const votes = features.map((f) => {
    const ps = positionsOf(f.geometry).filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
    if (ps.length === 0) return undefined;
    // Small numbers are degrees, even wrong ones (latitude 95 is out of range, not an unknown grid).
    if (ps.every(looksLikeDegrees) || ps.every((p) => Math.abs(p[0]) <= 360 && Math.abs(p[1]) <= 180)) return 'EPSG:4326';
    return guessUtmZone(ps[0]) ?? 'unknown';
  });
  const count = (v: string) => votes.filter((x) => x === v).length;
  const [deg, z47, z48, unknown] = [count('EPSG:4326'), count('EPSG:32647'), count('EPSG:32648'), count('unknown')];
  let crs: KnownCrs = 'EPSG:4326';
  if (z47 + z48 > deg) crs = z47 >= z48 ? 'EPSG:32647' : 'EPSG:32648';
  else if (deg === 0 && unknown > 0) throw new FormatError('unknown_crs', 'coordinates are neither degrees nor UTM metres in Thailand');
  // Under degrees every metric feature is a misfit; under a zone, degrees and unplaceable metres are
  // (a feature voting for the other zone is read in the file's zone: one file has one grid).
  const misfits = new Set<number>();
  votes.forEach((v, i) => {
    if (v === undefined) return;
    if (crs === 'EPSG:4326' ? v !== 'EPSG:4326' : v === 'EPSG:4326' || v === 'unknown') misfits.add(i);
  });
  return { crs, guessed: crs !== 'EPSG:4326', misfits };
}

/**
 * Reads a GeoJSON (.geojson/.json), KML (.kml/.kmz), GPX (.gpx) or zipped Shapefile (.zip) file into
 * WGS84 features, every geometry normalised (normalizeGeometry). `crs` other than `auto` says what the
 * coordinates are in, overriding a .prj or GeoJSON crs member (KML and GPX are always WGS84); `auto`
 * takes the declaration, or guesses undeclared metres (see guessCrs). Features that cannot be kept
 * are listed in `rejected`, never thrown. Throws FormatError for a file that cannot be used at all:
 * unsupported_format, unreadable_file, missing_part (a Shapefile without .shp or .dbf, a KMZ without
 * KML), unknown_crs, too_large (more than MAX_FEATURES features or a zip past MAX_UNZIPPED_BYTES).
 */
export function parseGeoFile(file: Buffer, fileName: string, crs: SourceCrs = 'auto'): ParsedFile {
  if (crs !== 'auto' && !isKnownCrs(crs)) throw new FormatError('unknown_crs', `crs ${String(crs)}`);
  const kind = kindOf(file, fileName);
  const raw =
    kind === 'geojson' ? readGeoJson(file) : kind === 'kml' ? readKml(file) : kind === 'kmz' ? readKmz(file) : kind === 'gpx' ? readGpx(file) : readShapefile(file, crs);
  if (raw.features.length > MAX_FEATURES) throw new FormatError('too_large', `${raw.features.length} features`);

  let source: KnownCrs;
  let label: string;
  let misfits = new Set<number>();
  if (raw.fixedWgs84) [source, label] = ['EPSG:4326', 'EPSG:4326'];
  else if (crs !== 'auto') [source, label] = [crs, crs];
  else if (raw.declared) [source, label] = [raw.declared, raw.declared];
  else {
    const guess = guessCrs(raw.features);
    source = guess.crs;
    label = guess.guessed ? `${guess.crs} (guessed)` : guess.crs;
    misfits = guess.misfits;
  }

  const result: ParsedFile = { format: raw.format, crs: label, features: [], rejected: [] };
  raw.features.forEach((f, index) => {
    const reject = (code: string) => {
      const name = nameOf(f.properties);
      result.rejected.push(name === undefined ? { index, code } : { index, name, code });
    };
    if (misfits.has(index)) return reject('unknown_crs');
    const projected = source === 'EPSG:4326' ? f.geometry : mapPositions(f.geometry, (p) => toWgs84(p, source));
    const geometry = normalizeGeometry(projected);
    if ('error' in geometry) return reject(geometry.error);
    result.features.push({ geometry, properties: f.properties });
  });
  return result;
}
