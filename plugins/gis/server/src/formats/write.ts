import type { AttributeDef, GeoFeature, Geometry, Position } from '../public';

/** Exporting a layer: KML 2.2 for Google Earth / My Maps, CSV (with WKT) for spreadsheets. Pure. */

// XML 1.0 cannot carry most control characters even escaped: they are dropped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xml = (s: string) =>
  s.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

const text = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

const kmlCoordinates = (ps: Position[]) => `<coordinates>${ps.map((p) => p.join(',')).join(' ')}</coordinates>`;
const kmlRing = (ring: Position[]) => `<LinearRing>${kmlCoordinates(ring)}</LinearRing>`;
const kmlPolygon = (rings: Position[][]) =>
  `<Polygon><outerBoundaryIs>${kmlRing(rings[0])}</outerBoundaryIs>${rings
    .slice(1)
    .map((r) => `<innerBoundaryIs>${kmlRing(r)}</innerBoundaryIs>`)
    .join('')}</Polygon>`;

function kmlGeometry(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `<Point>${kmlCoordinates([g.coordinates])}</Point>`;
    case 'LineString':
      return `<LineString>${kmlCoordinates(g.coordinates)}</LineString>`;
    case 'Polygon':
      return kmlPolygon(g.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${g.coordinates.map((p) => kmlGeometry({ type: 'Point', coordinates: p })).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map((l) => kmlGeometry({ type: 'LineString', coordinates: l })).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(kmlPolygon).join('')}</MultiGeometry>`;
    case 'GeometryCollection':
      return `<MultiGeometry>${g.geometries.map(kmlGeometry).join('')}</MultiGeometry>`;
  }
}

const featureName = (f: GeoFeature) => {
  const p = f.properties ?? {};
  for (const key of ['name', 'nameTh', 'NAME', 'ชื่อ', 'title']) if (typeof p[key] === 'string' && p[key] !== '') return p[key];
  return String(f.id);
};

/** A layer as a KML 2.2 document: one Placemark per feature, its name, and every property as ExtendedData. */
export function toKml(layerName: string, features: GeoFeature[]): string {
  const placemarks = features.map((f) => {
    const data = Object.entries(f.properties ?? {})
      .map(([k, v]) => `<Data name="${xml(k)}"><value>${xml(text(v))}</value></Data>`)
      .join('');
    return `<Placemark id="${xml(`f${String(f.id)}`)}"><name>${xml(featureName(f))}</name>${data ? `<ExtendedData>${data}</ExtendedData>` : ''}${kmlGeometry(f.geometry)}</Placemark>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${xml(layerName)}</name>\n${placemarks.join('\n')}\n</Document></kml>\n`;
}

const wktPosition = (p: Position, z: boolean) => (z ? `${p[0]} ${p[1]} ${p[2]}` : `${p[0]} ${p[1]}`);
const wktList = (ps: Position[], z: boolean) => `(${ps.map((p) => wktPosition(p, z)).join(', ')})`;
const wktRings = (rings: Position[][], z: boolean) => `(${rings.map((r) => wktList(r, z)).join(', ')})`;

function allPositions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(allPositions);
  }
}

/** OGC Well-Known Text of a geometry; `Z` only when every position has an altitude. */
export function toWkt(g: Geometry): string {
  const z = allPositions(g).every((p) => p.length > 2);
  const tag = (name: string) => (z ? `${name} Z ` : `${name} `);
  switch (g.type) {
    case 'Point':
      return `${tag('POINT')}(${wktPosition(g.coordinates, z)})`;
    case 'MultiPoint':
      return `${tag('MULTIPOINT')}(${g.coordinates.map((p) => `(${wktPosition(p, z)})`).join(', ')})`;
    case 'LineString':
      return `${tag('LINESTRING')}${wktList(g.coordinates, z)}`;
    case 'MultiLineString':
      return `${tag('MULTILINESTRING')}${wktRings(g.coordinates, z)}`;
    case 'Polygon':
      return `${tag('POLYGON')}${wktRings(g.coordinates, z)}`;
    case 'MultiPolygon':
      return `${tag('MULTIPOLYGON')}(${g.coordinates.map((p) => wktRings(p, z)).join(', ')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION (${g.geometries.map(toWkt).join(', ')})`;
  }
}

/** Text a spreadsheet would run as a formula (= + - @, tab, return first) gets a leading apostrophe, as the open-data exports do; plain numbers are left alone. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const FORMULA = /^[=+\-@\t\r]/;

function csvCell(v: unknown): string {
  let s = text(v);
  if (typeof v === 'string' && FORMULA.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A layer as CSV that Thai Excel opens as UTF-8 (byte-order mark, CRLF, RFC 4180 quoting):
 * `id, geometry (WKT), lon, lat` (lon/lat for points only), then one column per attribute, headed
 * by the attribute's name, in the schema's order.
 */
export function toCsv(features: GeoFeature[], attributes: AttributeDef[]): string {
  const header = ['id', 'geometry', 'lon', 'lat', ...attributes.map((a) => a.name)];
  const rows = features.map((f) => {
    const point = f.geometry.type === 'Point' ? f.geometry.coordinates : undefined;
    return [f.id, toWkt(f.geometry), point?.[0], point?.[1], ...attributes.map((a) => f.properties?.[a.name])];
  });
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
