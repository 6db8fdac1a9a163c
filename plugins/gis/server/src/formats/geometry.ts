import type { Geometry, Position } from '../public';

/**
 * RFC 7946 geometry checking and normalising, shared by the import and by every feature write:
 * a stored geometry is valid structure, WGS84 [lon, lat(, alt)], rounded to 7 decimals (about
 * 1 cm), with polygons wound by the right-hand rule (outer rings counter-clockwise, holes clockwise).
 */

export type GeometryErrorCode = 'invalid_geometry' | 'unsupported_geometry' | 'out_of_range' | 'empty_geometry';
export interface GeometryError {
  error: GeometryErrorCode;
}

/** 7 decimals of a degree is about 1 cm: finer digits are noise from reprojection or the browser. */
const FACTOR = 1e7;
const round = (v: number) => {
  const r = Math.round(v * FACTOR) / FACTOR;
  return r === 0 ? 0 : r; // no -0 in the stored JSON
};

class Refusal extends Error {
  constructor(readonly code: GeometryErrorCode) {
    super(code);
  }
}

const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

function position(p: unknown): Position {
  if (!isArray(p)) throw new Refusal('invalid_geometry');
  if (p.length === 0) throw new Refusal('empty_geometry');
  if (p.length < 2) throw new Refusal('invalid_geometry');
  // Altitude is kept; anything after it (a measure, a timestamp) is not part of RFC 7946's position.
  const values = p.slice(0, 3);
  if (!values.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) throw new Refusal('invalid_geometry');
  const [lon, lat] = values;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) throw new Refusal('out_of_range');
  return values.map(round);
}

function positions(list: unknown, min: number): Position[] {
  if (!isArray(list)) throw new Refusal('invalid_geometry');
  if (list.length === 0) throw new Refusal('empty_geometry');
  const out = list.map(position);
  if (out.length < min) throw new Refusal('invalid_geometry');
  return out;
}

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Twice the signed planar area in degrees²: positive when counter-clockwise. */
export function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i += 1) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/**
 * A linear ring. An unclosed ring (the last position not repeating the first, as some KML and
 * hand-written GeoJSON has) is closed rather than refused: closing does not change the shape drawn.
 * After closing it needs 4 positions and an area (3 distinct corners).
 */
function ring(list: unknown, outer: boolean): Position[] {
  const out = positions(list, 1);
  // RFC 7946 wants the closing position identical to the first (altitude included).
  if (samePosition(out[0], out[out.length - 1])) out[out.length - 1] = [...out[0]];
  else out.push([...out[0]]);
  if (out.length < 4) throw new Refusal('invalid_geometry');
  const area = ringArea(out);
  if (area === 0) throw new Refusal('invalid_geometry');
  // Right-hand rule (RFC 7946 §3.1.6): outer counter-clockwise (positive area), holes clockwise.
  if (outer !== area > 0) out.reverse();
  return out;
}

function polygon(rings: unknown): Position[][] {
  if (!isArray(rings)) throw new Refusal('invalid_geometry');
  if (rings.length === 0) throw new Refusal('empty_geometry');
  return rings.map((r, i) => ring(r, i === 0));
}

function list<T>(items: unknown, each: (v: unknown) => T): T[] {
  if (!isArray(items)) throw new Refusal('invalid_geometry');
  if (items.length === 0) throw new Refusal('empty_geometry');
  return items.map(each);
}

function normalize(g: unknown, nested: boolean): Geometry {
  if (g === null || g === undefined) throw new Refusal('empty_geometry');
  if (typeof g !== 'object' || isArray(g)) throw new Refusal('invalid_geometry');
  const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  switch (type) {
    case 'Point':
      return { type, coordinates: position(coordinates) };
    case 'MultiPoint':
      return { type, coordinates: list(coordinates, position) };
    case 'LineString':
      return { type, coordinates: positions(coordinates, 2) };
    case 'MultiLineString':
      return { type, coordinates: list(coordinates, (l) => positions(l, 2)) };
    case 'Polygon':
      return { type, coordinates: polygon(coordinates) };
    case 'MultiPolygon':
      return { type, coordinates: list(coordinates, polygon) };
    case 'GeometryCollection':
      // RFC 7946 §3.1.8: nested collections SHOULD be avoided; they are refused here.
      if (nested) throw new Refusal('unsupported_geometry');
      return { type, geometries: list(geometries, (m) => normalize(m, true)) };
    default:
      throw new Refusal(typeof type === 'string' ? 'unsupported_geometry' : 'invalid_geometry');
  }
}

/**
 * The geometry checked and normalised, or the reason it is refused:
 * `empty_geometry` (null, no coordinates), `invalid_geometry` (bad structure, non-finite numbers,
 * a line of one position, a ring of fewer than 3 corners or no area), `out_of_range` (longitude
 * outside ±180 or latitude outside ±90, e.g. metres in a file said to be degrees),
 * `unsupported_geometry` (an unknown type or a GeometryCollection inside a GeometryCollection).
 * Never throws.
 */
export function normalizeGeometry(g: unknown): Geometry | GeometryError {
  try {
    return normalize(g, false);
  } catch (e) {
    if (e instanceof Refusal) return { error: e.code };
    return { error: 'invalid_geometry' };
  }
}

export const isGeometryError = (v: Geometry | GeometryError): v is GeometryError => 'error' in v;
