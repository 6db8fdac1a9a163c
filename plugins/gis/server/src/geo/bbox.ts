import type { Bbox, Geometry, Position } from '../public';

/**
 * Bounding boxes and the exact geometry-vs-rectangle test behind `?bbox=`: the database narrows the
 * candidates with the stored boxes, this module decides. Pure, planar in degrees (as RFC 7946 bbox
 * queries are); no antimeridian crossing (a Thai town never needs it).
 */

/** Every position of a geometry, collections included. */
export function* positions(g: Geometry): Generator<Position> {
  switch (g.type) {
    case 'Point':
      yield g.coordinates;
      return;
    case 'MultiPoint':
    case 'LineString':
      yield* g.coordinates;
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of g.coordinates) yield* line;
      return;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const ring of poly) yield* ring;
      return;
    case 'GeometryCollection':
      for (const child of g.geometries) yield* positions(child);
  }
}

/** The smallest box holding the geometry, or null for an empty one. */
export function bboxOf(g: Geometry): Bbox | null {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of positions(g)) {
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return minLon === Infinity ? null : [minLon, minLat, maxLon, maxLat];
}

/** The box holding both (either may be null). */
export const unionBbox = (a: Bbox | null, b: Bbox | null): Bbox | null =>
  !a ? b : !b ? a : [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/** True when the two boxes share at least one point (touching edges count). */
export const boxesIntersect = (a: Bbox, b: Bbox): boolean => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/** True when `inner` lies inside `outer` (edges included). */
export const boxContains = (outer: Bbox, inner: Bbox): boolean => inner[0] >= outer[0] && inner[2] <= outer[2] && inner[1] >= outer[1] && inner[3] <= outer[3];

const inBox = (p: Position, b: Bbox) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

/** Orientation of c relative to a→b: >0 left, <0 right, 0 collinear. */
const cross = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

const onSegment = (a: Position, b: Position, p: Position) =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** True when segments p1p2 and q1q2 share a point (touching and collinear overlap included). */
export function segmentsIntersect(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  if (d1 === 0 && onSegment(q1, q2, p1)) return true;
  if (d2 === 0 && onSegment(q1, q2, p2)) return true;
  if (d3 === 0 && onSegment(p1, p2, q1)) return true;
  if (d4 === 0 && onSegment(p1, p2, q2)) return true;
  return false;
}

const corners = (b: Bbox): Position[] => [
  [b[0], b[1]],
  [b[2], b[1]],
  [b[2], b[3]],
  [b[0], b[3]],
];

/** True when the segment touches the closed rectangle. */
export function segmentIntersectsBox(a: Position, b: Position, box: Bbox): boolean {
  if (inBox(a, box) || inBox(b, box)) return true;
  // Both ends outside: it must cross one of the rectangle's sides.
  const c = corners(box);
  for (let i = 0; i < 4; i++) if (segmentsIntersect(a, b, c[i], c[(i + 1) % 4])) return true;
  return false;
}

/** Even-odd point in ring (ring closed or not; a point on the boundary may go either way, callers test edges first). */
export function pointInRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const lineIntersectsBox = (line: Position[], box: Bbox): boolean => {
  if (line.length === 1) return inBox(line[0], box);
  for (let i = 1; i < line.length; i++) if (segmentIntersectsBox(line[i - 1], line[i], box)) return true;
  return false;
};

/** A polygon (outer ring then holes) touches the box when an edge does, or the box lies inside its area. */
function polygonIntersectsBox(rings: Position[][], box: Bbox): boolean {
  if (!rings.length || !rings[0].length) return false;
  for (const ring of rings) if (lineIntersectsBox(ring, box)) return true;
  // No edge touches the box: either the box is wholly inside the area (not in a hole) or wholly outside.
  const corner: Position = [box[0], box[1]];
  if (!pointInRing(corner, rings[0])) return false;
  for (const hole of rings.slice(1)) if (pointInRing(corner, hole)) return false;
  return true;
}

/** The exact test: true when the geometry shares at least one point with the closed rectangle. */
export function intersectsBbox(g: Geometry, box: Bbox): boolean {
  const own = bboxOf(g);
  if (!own || !boxesIntersect(own, box)) return false;
  if (boxContains(box, own)) return true;
  switch (g.type) {
    case 'Point':
      return inBox(g.coordinates, box);
    case 'MultiPoint':
      return g.coordinates.some((p) => inBox(p, box));
    case 'LineString':
      return lineIntersectsBox(g.coordinates, box);
    case 'MultiLineString':
      return g.coordinates.some((l) => lineIntersectsBox(l, box));
    case 'Polygon':
      return polygonIntersectsBox(g.coordinates, box);
    case 'MultiPolygon':
      return g.coordinates.some((p) => polygonIntersectsBox(p, box));
    case 'GeometryCollection':
      return g.geometries.some((c) => intersectsBbox(c, box));
  }
}

/** `minLon,minLat,maxLon,maxLat` → a box, or null when it is not four numbers in WGS84 range with min ≤ max. */
export function parseBbox(text: string): Bbox | null {
  const parts = text.split(',');
  if (parts.length !== 4 || parts.some((p) => p.trim() === '')) return null;
  const n = parts.map(Number) as Bbox;
  if (n.some((v) => !Number.isFinite(v))) return null;
  const [minLon, minLat, maxLon, maxLat] = n;
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > maxLon || minLat > maxLat) return null;
  return n;
}

/** The geometry kinds a layer kind accepts (mixed takes any). */
export function geometryFitsKind(g: Geometry, kind: string): boolean {
  if (kind === 'mixed') return true;
  const wanted = kind === 'point' ? ['Point', 'MultiPoint'] : kind === 'line' ? ['LineString', 'MultiLineString'] : ['Polygon', 'MultiPolygon'];
  if (g.type === 'GeometryCollection') return g.geometries.every((c) => geometryFitsKind(c, kind));
  return wanted.includes(g.type);
}
