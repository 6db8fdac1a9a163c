import { isUtf8 } from 'buffer';
import iconv from 'iconv-lite';

/**
 * Reading the two binary parts of an ESRI Shapefile (the July 1998 technical description):
 * `.shp` geometries and `.dbf` (dBASE III/IV) attributes. Small on purpose: the shape types a GIS
 * export writes, typed errors for anything else. Coordinates stay in the file's system.
 */

export class ShapefileError extends Error {
  constructor(
    readonly code: 'unreadable_file' | 'too_many_records',
    detail: string,
  ) {
    super(detail);
    this.name = 'ShapefileError';
  }
}

/** One .shp record: a GeoJSON-like geometry in the file's coordinates, null for a null shape, or why not. */
export type ShapeGeometry =
  | { type: 'Point'; coordinates: number[] }
  | { type: 'MultiPoint'; coordinates: number[][] }
  | { type: 'LineString'; coordinates: number[][] }
  | { type: 'MultiLineString'; coordinates: number[][][] }
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };
export type ShapeRecord = ShapeGeometry | null | { unsupported: number };

const NULL = 0;
const POINT = [1, 11, 21];
const POLYLINE = [3, 13, 23];
const POLYGON = [5, 15, 25];
const MULTIPOINT = [8, 18, 28];
const HAS_Z = [11, 13, 15, 18];

/** Every record of a .shp file in order (record i goes with .dbf row i). */
export function readShp(buf: Uint8Array, maxRecords = Infinity): ShapeRecord[] {
  if (buf.length < 100) throw new ShapefileError('unreadable_file', '.shp shorter than its header');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.getInt32(0, false) !== 9994) throw new ShapefileError('unreadable_file', '.shp file code is not 9994');
  const end = Math.min(buf.length, view.getInt32(24, false) * 2);
  const records: ShapeRecord[] = [];
  let offset = 100;
  while (offset + 8 <= end) {
    const length = view.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    if (length < 4 || start + length > buf.length) throw new ShapefileError('unreadable_file', `.shp record at byte ${offset} runs past the end`);
    if (records.length >= maxRecords) throw new ShapefileError('too_many_records', `more than ${maxRecords} records`);
    records.push(readRecord(new DataView(buf.buffer, buf.byteOffset + start, length)));
    offset = start + length;
  }
  return records;
}

function readRecord(v: DataView): ShapeRecord {
  const type = v.getInt32(0, true);
  if (type === NULL) return null;
  const need = (bytes: number) => {
    if (bytes > v.byteLength) throw new ShapefileError('unreadable_file', `.shp record of type ${type} is truncated`);
  };
  const z = HAS_Z.includes(type);
  if (POINT.includes(type)) {
    need(z ? 28 : 20);
    const p = [v.getFloat64(4, true), v.getFloat64(12, true)];
    if (z) p.push(v.getFloat64(20, true));
    return { type: 'Point', coordinates: p };
  }
  const multipoint = MULTIPOINT.includes(type);
  if (!multipoint && !POLYLINE.includes(type) && !POLYGON.includes(type)) return { unsupported: type };
  // bbox (32 bytes) after the type; then [numParts] numPoints, parts, points, then the Z range and values.
  let at = 36;
  need(at + 4);
  const numParts = multipoint ? 1 : v.getInt32(at, true);
  if (!multipoint) at += 4;
  need(at + 4);
  const numPoints = v.getInt32(at, true);
  at += 4;
  if (numParts < 0 || numPoints < 0) throw new ShapefileError('unreadable_file', '.shp negative part or point count');
  const parts: number[] = [];
  if (multipoint) parts.push(0);
  else {
    need(at + 4 * numParts);
    for (let i = 0; i < numParts; i += 1) parts.push(v.getInt32(at + 4 * i, true));
    at += 4 * numParts;
  }
  need(at + 16 * numPoints);
  const points: number[][] = [];
  for (let i = 0; i < numPoints; i += 1) points.push([v.getFloat64(at + 16 * i, true), v.getFloat64(at + 16 * i + 8, true)]);
  at += 16 * numPoints;
  if (z && at + 16 + 8 * numPoints <= v.byteLength) {
    at += 16;
    for (let i = 0; i < numPoints; i += 1) points[i].push(v.getFloat64(at + 8 * i, true));
  }
  if (numPoints === 0) return null;
  if (multipoint) return { type: 'MultiPoint', coordinates: points };
  const lines: number[][][] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const from = parts[i];
    const to = i + 1 < parts.length ? parts[i + 1] : numPoints;
    if (from < 0 || to > numPoints || from > to) throw new ShapefileError('unreadable_file', '.shp part index out of range');
    lines.push(points.slice(from, to));
  }
  if (POLYLINE.includes(type)) return lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
  return assignRings(lines);
}

/** Twice the signed area (positive counter-clockwise). */
const area = (ring: number[][]) => {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i += 1) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
};

function contains(ring: number[][], [x, y]: number[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Shapefile polygons list rings without saying which hole belongs to which outer ring: outer rings
 * are clockwise and holes counter-clockwise (the spec), and a hole goes to the smallest outer ring
 * that contains it. A "hole" no outer ring contains (a writer that got the winding wrong) becomes an
 * outer ring of its own.
 */
export function assignRings(rings: number[][][]): ShapeGeometry {
  const outers: Array<{ ring: number[][]; area: number; holes: number[][][] }> = [];
  const holes: number[][][] = [];
  for (const r of rings) {
    if (r.length === 0) continue;
    if (area(r) < 0) outers.push({ ring: r, area: -area(r), holes: [] });
    else holes.push(r);
  }
  for (const h of holes) {
    // Most of the hole's corners, not just one: a hole may touch its outer ring at a corner.
    const inside = (o: { ring: number[][] }) => h.slice(0, -1).filter((p) => contains(o.ring, p)).length * 2 > h.length - 1;
    const owner = outers.filter(inside).sort((a, b) => a.area - b.area)[0];
    if (owner) owner.holes.push(h);
    else outers.push({ ring: h, area: area(h), holes: [] });
  }
  const polygons = outers.map((o) => [o.ring, ...o.holes]);
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

export interface DbfField {
  name: string;
  type: string;
  length: number;
  decimals: number;
}
export interface DbfTable {
  fields: DbfField[];
  /** One per record; null for a record marked deleted (so indexes still match the .shp). */
  rows: Array<Record<string, unknown> | null>;
  /** The iconv encoding the text was decoded with. */
  encoding: string;
}

/** iconv's name for a .cpg's code page; undefined when the .cpg names nothing iconv knows. */
export function encodingOfCpg(cpg: string | undefined): string | undefined {
  if (cpg === undefined) return undefined;
  const name = cpg.trim().replace(/^ANSI\s+/i, '').toLowerCase().replace(/[\s_-]/g, '');
  if (name === '') return undefined;
  if (['utf8', '65001'].includes(name)) return 'utf8';
  // TIS-620, ISO-8859-11 and Windows-874 share the Thai letters; 874 adds a few punctuation marks.
  if (['874', 'cp874', 'windows874', 'win874', 'tis620', 'iso885911', 'ldid/222'].includes(name)) return 'cp874';
  if (/^\d+$/.test(name) && iconv.encodingExists(`cp${name}`)) return `cp${name}`;
  return iconv.encodingExists(name) ? name : undefined;
}

/**
 * A .dbf table. Text (field names too) is decoded with `encoding` (from the .cpg); without one it is
 * UTF-8 when every text byte is valid UTF-8 and Windows-874 (Thai) otherwise, as older Thai
 * ArcView/MapInfo exports are. A .cpg saying UTF-8 over bytes that are not falls back the same way.
 */
export function readDbf(buf: Uint8Array, encoding?: string): DbfTable {
  if (buf.length < 32) throw new ShapefileError('unreadable_file', '.dbf shorter than its header');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > buf.length || recordLength < 1) throw new ShapefileError('unreadable_file', '.dbf header is damaged');
  const rawFields: Array<{ name: Uint8Array; type: string; length: number; decimals: number; offset: number }> = [];
  let offset = 1; // after the deletion flag
  for (let at = 32; at + 32 <= headerLength && buf[at] !== 0x0d; at += 32) {
    const nameBytes = buf.subarray(at, at + 11);
    const zero = nameBytes.indexOf(0);
    const field = { name: zero === -1 ? nameBytes : nameBytes.subarray(0, zero), type: String.fromCharCode(buf[at + 11]), length: buf[at + 16], decimals: buf[at + 17], offset };
    rawFields.push(field);
    offset += field.length;
  }
  if (offset > recordLength) throw new ShapefileError('unreadable_file', '.dbf fields are longer than its records');
  const total = Math.min(count, Math.floor((buf.length - headerLength) / recordLength));
  const textual = (t: string) => t === 'C' || t === 'M' || t === 'V';
  let chosen = encoding;
  if (!chosen || chosen === 'utf8') {
    const texts = [
      ...rawFields.map((f) => f.name),
      ...Array.from({ length: total }, (_, r) => rawFields.filter((f) => textual(f.type)).map((f) => buf.subarray(headerLength + r * recordLength + f.offset, headerLength + r * recordLength + f.offset + f.length))).flat(),
    ];
    chosen = texts.every((t) => isUtf8(t)) ? 'utf8' : 'cp874';
  }
  const decode = (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), chosen ?? 'utf8');
  const fields: DbfField[] = rawFields.map((f) => ({ name: decode(f.name).trim(), type: f.type, length: f.length, decimals: f.decimals }));
  const rows: DbfTable['rows'] = [];
  for (let r = 0; r < total; r += 1) {
    const base = headerLength + r * recordLength;
    if (buf[base] === 0x2a) {
      rows.push(null); // '*': deleted
      continue;
    }
    const row: Record<string, unknown> = {};
    rawFields.forEach((f, i) => {
      const bytes = buf.subarray(base + f.offset, base + f.offset + f.length);
      row[fields[i].name] = value(f.type, bytes, decode);
    });
    rows.push(row);
  }
  return { fields, rows, encoding: chosen };
}

function value(type: string, bytes: Uint8Array, decode: (b: Uint8Array) => string): unknown {
  const ascii = () => String.fromCharCode(...bytes).replace(/\0/g, '').trim();
  switch (type) {
    case 'N':
    case 'F': {
      const s = ascii();
      if (s === '' || /^\*+$/.test(s)) return null;
      const n = Number(s);
      return Number.isFinite(n) ? n : null;
    }
    case 'L': {
      const s = ascii();
      if (/^[TtYy]$/.test(s)) return true;
      if (/^[FfNn]$/.test(s)) return false;
      return null;
    }
    case 'D': {
      const s = ascii();
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
      return m && s !== '00000000' ? `${m[1]}-${m[2]}-${m[3]}` : null;
    }
    case 'I':
      return bytes.length === 4 ? new DataView(bytes.buffer, bytes.byteOffset, 4).getInt32(0, true) : null;
    case 'O':
      return bytes.length === 8 ? new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true) : null;
    case 'C':
    case 'V': {
      const s = decode(bytes).replace(/\0+$/, '').trim();
      return s === '' ? null : s;
    }
    default:
      return null; // memo pointers, binary and general fields have no value without the .dbt
  }
}
