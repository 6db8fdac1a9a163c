import iconv from 'iconv-lite';
import { zipSync } from 'fflate';

/**
 * A small ESRI Shapefile writer for the gis formats tests: the cases a real GIS program rarely
 * produces on demand (Z and M shapes, null and MultiPatch records, deleted rows, a missing .prj or
 * .cpg, TIS-620 text without a .cpg). The committed fixtures in tests/fixtures/gis were written by
 * GDAL instead, so the reader is also checked against a writer it did not grow up with.
 */

export type Part = number[][]; // positions [x, y, (z, (m))]
export type ShpRecord =
  | null
  | { type: 'point'; point: number[] }
  | { type: 'multipoint'; points: number[][] }
  | { type: 'polyline' | 'polygon'; parts: Part[] }
  | { type: 'raw'; shapeType: number; bytes?: number };

export interface DbfFieldDef {
  name: string;
  type: 'C' | 'N' | 'F' | 'L' | 'D';
  length: number;
  decimals?: number;
}

export interface ShapefileSpec {
  /** 'plain' (2D), 'z' (x, y, z, m) or 'm' (x, y, m). */
  dims?: 'plain' | 'z' | 'm';
  records: ShpRecord[];
  fields: DbfFieldDef[];
  rows: Array<Array<string | number | boolean | null>>;
  deleted?: number[];
  /** iconv name for the .dbf text, utf8 by default. */
  encoding?: string;
  prj?: string;
  cpg?: string;
}

const BASE: Record<string, number> = { point: 1, polyline: 3, polygon: 5, multipoint: 8 };
const shapeType = (kind: string, dims: 'plain' | 'z' | 'm') => BASE[kind] + (dims === 'z' ? 10 : dims === 'm' ? 20 : 0);

class Bytes {
  private chunks: Buffer[] = [];
  int32be(v: number) {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    this.chunks.push(b);
  }
  int32le(v: number) {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.chunks.push(b);
  }
  double(v: number) {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(v);
    this.chunks.push(b);
  }
  raw(b: Buffer) {
    this.chunks.push(b);
  }
  get buffer() {
    return Buffer.concat(this.chunks);
  }
}

function bbox(points: number[][]): number[] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return points.length ? [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] : [0, 0, 0, 0];
}

function content(r: ShpRecord, dims: 'plain' | 'z' | 'm'): Buffer {
  const out = new Bytes();
  if (r === null) {
    out.int32le(0);
    return out.buffer;
  }
  if (r.type === 'raw') {
    out.int32le(r.shapeType);
    out.raw(Buffer.alloc(r.bytes ?? 32));
    return out.buffer;
  }
  out.int32le(shapeType(r.type, dims));
  const zIndex = 2;
  const mIndex = dims === 'z' ? 3 : 2;
  if (r.type === 'point') {
    out.double(r.point[0]);
    out.double(r.point[1]);
    if (dims === 'z') out.double(r.point[zIndex] ?? 0);
    if (dims !== 'plain') out.double(r.point[mIndex] ?? 0);
    return out.buffer;
  }
  const parts = r.type === 'multipoint' ? [r.points] : r.parts;
  const points = parts.flat();
  bbox(points).forEach((v) => out.double(v));
  if (r.type !== 'multipoint') out.int32le(parts.length);
  out.int32le(points.length);
  if (r.type !== 'multipoint') {
    let start = 0;
    for (const p of parts) {
      out.int32le(start);
      start += p.length;
    }
  }
  for (const p of points) {
    out.double(p[0]);
    out.double(p[1]);
  }
  const range = (i: number) => {
    const vs = points.map((p) => p[i] ?? 0);
    out.double(Math.min(...vs));
    out.double(Math.max(...vs));
    vs.forEach((v) => out.double(v));
  };
  if (dims === 'z') range(zIndex);
  if (dims !== 'plain') range(mIndex);
  return out.buffer;
}

/** The .shp and .shx bytes. */
export function writeShp(records: ShpRecord[], dims: 'plain' | 'z' | 'm' = 'plain'): { shp: Buffer; shx: Buffer } {
  const bodies = records.map((r) => content(r, dims));
  const firstKind = records.find((r) => r !== null && r.type !== 'raw') as Exclude<ShpRecord, null> | undefined;
  const fileType = firstKind && firstKind.type !== 'raw' ? shapeType(firstKind.type, dims) : 0;
  const all = records.flatMap((r) => (r === null ? [] : r.type === 'point' ? [r.point] : r.type === 'multipoint' ? r.points : r.type === 'raw' ? [] : r.parts.flat()));
  const header = (length: number) => {
    const h = new Bytes();
    h.int32be(9994);
    for (let i = 0; i < 5; i += 1) h.int32be(0);
    h.int32be(length / 2);
    h.int32le(1000);
    h.int32le(fileType);
    [...bbox(all), 0, 0, 0, 0].forEach((v) => h.double(v));
    return h.buffer;
  };
  const shp = new Bytes();
  const shx = new Bytes();
  let offset = 100;
  const recordBytes: Buffer[] = [];
  bodies.forEach((b, i) => {
    const rec = new Bytes();
    rec.int32be(i + 1);
    rec.int32be(b.length / 2);
    rec.raw(b);
    recordBytes.push(rec.buffer);
    shx.int32be(offset / 2);
    shx.int32be(b.length / 2);
    offset += 8 + b.length;
  });
  shp.raw(header(offset));
  recordBytes.forEach((r) => shp.raw(r));
  return { shp: shp.buffer, shx: Buffer.concat([header(100 + 8 * records.length), shx.buffer]) };
}

/** The .dbf bytes (dBASE III), text in `encoding`. */
export function writeDbf(fields: DbfFieldDef[], rows: ShapefileSpec['rows'], encoding = 'utf8', deleted: number[] = []): Buffer {
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  const headerLength = 32 + 32 * fields.length + 1;
  const header = Buffer.alloc(headerLength);
  header[0] = 0x03;
  header[1] = 124;
  header[2] = 3;
  header[3] = 15;
  header.writeUInt32LE(rows.length, 4);
  header.writeUInt16LE(headerLength, 8);
  header.writeUInt16LE(recordLength, 10);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    iconv.encode(f.name, encoding).copy(header, at, 0, 10);
    header[at + 11] = f.type.charCodeAt(0);
    header[at + 16] = f.length;
    header[at + 17] = f.decimals ?? 0;
  });
  header[headerLength - 1] = 0x0d;
  const records = rows.map((row, r) => {
    const rec = Buffer.alloc(recordLength, 0x20);
    if (deleted.includes(r)) rec[0] = 0x2a;
    let at = 1;
    fields.forEach((f, i) => {
      const v = row[i];
      let bytes: Buffer;
      if (v === null) bytes = Buffer.alloc(0);
      else if (f.type === 'C') bytes = iconv.encode(String(v), encoding);
      else if (f.type === 'L') bytes = Buffer.from(v ? 'T' : 'F');
      else if (f.type === 'D') bytes = Buffer.from(String(v).replace(/-/g, ''));
      else bytes = Buffer.from((typeof v === 'number' ? v.toFixed(f.decimals ?? 0) : String(v)).padStart(f.length));
      bytes.copy(rec, at, 0, f.length);
      at += f.length;
    });
    return rec;
  });
  return Buffer.concat([header, ...records, Buffer.from([0x1a])]);
}

/** A zipped Shapefile (`<name>.shp/.shx/.dbf` and, when given, `.prj` and `.cpg`). */
export function zipShapefile(name: string, spec: ShapefileSpec, extra: Record<string, Uint8Array> = {}): Buffer {
  const { shp, shx } = writeShp(spec.records, spec.dims);
  const files: Record<string, Uint8Array> = {
    [`${name}.shp`]: shp,
    [`${name}.shx`]: shx,
    [`${name}.dbf`]: writeDbf(spec.fields, spec.rows, spec.encoding, spec.deleted),
    ...extra,
  };
  if (spec.prj !== undefined) files[`${name}.prj`] = Buffer.from(spec.prj);
  if (spec.cpg !== undefined) files[`${name}.cpg`] = Buffer.from(spec.cpg);
  return Buffer.from(zipSync(files));
}

export const WKT_UTM47N =
  'PROJCS["WGS_1984_UTM_Zone_47N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",99.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
export const WKT_INDIAN_1975_UTM48N =
  'PROJCS["Indian_1975_UTM_Zone_48N",GEOGCS["GCS_Indian_1975",DATUM["D_Indian_1975",SPHEROID["Everest_Adjustment_1937",6377276.345,300.8017]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
