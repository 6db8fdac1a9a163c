import type { Geometry, Position } from '../public';

/**
 * A stand-in for formats' `normalizeGeometry` until it lands: RFC 7946 structure, WGS84 range,
 * 7 decimals, closed rings, right-hand winding (outer counter-clockwise, holes clockwise).
 */
const round = (v: number) => Math.round(v * 1e7) / 1e7;

type Result<T> = T | { error: string };
const isErr = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v && !Array.isArray(v);

function position(p: unknown): Result<Position> {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || p.some((v) => typeof v !== 'number' || !Number.isFinite(v))) return { error: 'invalid_geometry' };
  const [lon, lat] = p as number[];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return { error: 'out_of_range' };
  return [round(lon), round(lat)];
}

function list(ps: unknown, min: number): Result<Position[]> {
  if (!Array.isArray(ps)) return { error: 'invalid_geometry' };
  const out: Position[] = [];
  for (const p of ps) {
    const r = position(p);
    if (isErr(r)) return r;
    out.push(r);
  }
  if (out.length === 0) return { error: 'empty_geometry' };
  if (out.length < min) return { error: 'invalid_geometry' };
  return out;
}

/** Twice the signed area: positive when counter-clockwise. */
const signedArea = (ring: Position[]) => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s;
};

function polygon(rings: unknown): Result<Position[][]> {
  if (!Array.isArray(rings) || rings.length === 0) return { error: rings && Array.isArray(rings) ? 'empty_geometry' : 'invalid_geometry' };
  const out: Position[][] = [];
  for (const [i, raw] of rings.entries()) {
    const r = list(raw, 3);
    if (isErr(r)) return r;
    const first = r[0];
    const last = r[r.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) r.push([...first]);
    if (r.length < 4) return { error: 'invalid_geometry' };
    const ccw = signedArea(r) > 0;
    // Outer rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6).
    out.push((i === 0) !== ccw ? r.reverse() : r);
  }
  return out;
}

function many<T>(items: unknown, one: (v: unknown) => Result<T>): Result<T[]> {
  if (!Array.isArray(items)) return { error: 'invalid_geometry' };
  if (items.length === 0) return { error: 'empty_geometry' };
  const out: T[] = [];
  for (const it of items) {
    const r = one(it);
    if (isErr(r)) return r;
    out.push(r);
  }
  return out;
}

export function normalizeGeometry(g: unknown): Geometry | { error: string } {
  if (!g || typeof g !== 'object') return { error: 'invalid_geometry' };
  const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  const wrap = <T>(r: Result<T>, make: (v: T) => Geometry): Geometry | { error: string } => (isErr(r) ? r : make(r));
  switch (type) {
    case 'Point':
      return wrap(position(coordinates), (c) => ({ type, coordinates: c }));
    case 'MultiPoint':
      return wrap(list(coordinates, 1), (c) => ({ type, coordinates: c }));
    case 'LineString':
      return wrap(list(coordinates, 2), (c) => ({ type, coordinates: c }));
    case 'MultiLineString':
      return wrap(
        many(coordinates, (l) => list(l, 2)),
        (c) => ({ type, coordinates: c })
      );
    case 'Polygon':
      return wrap(polygon(coordinates), (c) => ({ type, coordinates: c }));
    case 'MultiPolygon':
      return wrap(many(coordinates, polygon), (c) => ({ type, coordinates: c }));
    case 'GeometryCollection':
      return wrap(many(geometries, normalizeGeometry), (c) => ({ type, geometries: c }));
    default:
      return { error: typeof type === 'string' ? 'unsupported_geometry' : 'invalid_geometry' };
  }
}
