import { parseGeoFile, FormatError, fromWgs84, ringArea } from '../../../../../plugins/gis/server/src/formats';
import { assignRings, encodingOfCpg, readDbf, readShp } from '../../../../../plugins/gis/server/src/formats/shapefile';
import type { Position } from '../../../../../plugins/gis/server/src/public';
import { WKT_INDIAN_1975_UTM48N, WKT_UTM47N, writeDbf, writeShp, zipShapefile, type ShapefileSpec } from '../../../../helpers/shapefile-writer';

/** A square ring in UTM metres, clockwise as Shapefile outer rings are (counter-clockwise when `ccw`). */
const square = (x: number, y: number, size: number, ccw = false, z?: number): Position[] => {
  const ring = [[x, y], [x, y + size], [x + size, y + size], [x + size, y], [x, y]];
  const r = ccw ? ring.reverse() : ring;
  return z === undefined ? r : r.map((p) => [...p, z, 7]);
};
const X = 825000;
const Y = 1629000;
const noFields: Pick<ShapefileSpec, 'fields'> = { fields: [{ name: 'id', type: 'N', length: 4 }] };

describe('.shp reader', () => {
  it('reads every shape kind in plain, Z and M variants', () => {
    for (const dims of ['plain', 'z', 'm'] as const) {
      const z = dims === 'plain' ? undefined : 100;
      const withZ = (p: number[]) => (z === undefined ? p : [...p, z, 7]);
      const { shp } = writeShp(
        [
          { type: 'point', point: withZ([X, Y]) },
          { type: 'multipoint', points: [withZ([X, Y]), withZ([X + 10, Y])] },
          { type: 'polyline', parts: [[withZ([X, Y]), withZ([X + 10, Y + 10])]] },
          { type: 'polyline', parts: [[withZ([X, Y]), withZ([X + 10, Y])], [withZ([X, Y + 50]), withZ([X + 10, Y + 50])]] },
          { type: 'polygon', parts: [square(X, Y, 100, false, z)] },
        ],
        dims,
      );
      const records = readShp(shp);
      expect(records.map((r) => (r && 'type' in r ? r.type : r))).toEqual(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon']);
      // Z shapes keep z as the altitude; M values (a measure, not a height) are dropped.
      const point = records[0] as { coordinates: number[] };
      expect(point.coordinates).toEqual(dims === 'z' ? [X, Y, 100] : [X, Y]);
    }
  });

  it('assigns holes to the smallest outer ring that contains them, whatever the order', () => {
    const big = square(0, 0, 1000);
    const small = square(2000, 0, 100);
    const holeInBig = square(100, 100, 50, true);
    const holeInSmall = square(2010, 10, 20, true);
    const g = assignRings([holeInSmall, big, holeInBig, small]);
    expect(g).toEqual({ type: 'MultiPolygon', coordinates: [[big, holeInBig], [small, holeInSmall]] });
    // A lake with an island: the island's ring is an outer ring of its own polygon.
    const island = square(120, 120, 10);
    const nested = assignRings([big, holeInBig, island]);
    expect(nested.type).toBe('MultiPolygon');
    // A hole touching its outer ring at a corner (0, 0) still belongs to it.
    const touching = [[0, 0], [500, 100], [100, 500], [0, 0]];
    expect(ringArea(touching)).toBeGreaterThan(0);
    expect(assignRings([big, touching])).toEqual({ type: 'Polygon', coordinates: [big, touching] });
    // A counter-clockwise ring nothing contains (a writer that got the winding wrong) is an outer ring.
    expect(assignRings([square(0, 0, 10, true)])).toEqual({ type: 'Polygon', coordinates: [square(0, 0, 10, true)] });
  });

  it('refuses damaged files with a typed error', () => {
    const { shp } = writeShp([{ type: 'polygon', parts: [square(X, Y, 100)] }]);
    expect(() => readShp(shp.subarray(0, shp.length - 20))).toThrow(expect.objectContaining({ code: 'unreadable_file' }) as Error);
    expect(() => readShp(Buffer.alloc(50))).toThrow(expect.objectContaining({ code: 'unreadable_file' }) as Error);
    const wrongCode = Buffer.from(shp);
    wrongCode.writeInt32BE(1234, 0);
    expect(() => readShp(wrongCode)).toThrow(/9994/);
  });
});

describe('.dbf reader', () => {
  const fields = [
    { name: 'ชื่อ', type: 'C' as const, length: 30 },
    { name: 'POP', type: 'N' as const, length: 6 },
    { name: 'AREA', type: 'F' as const, length: 10, decimals: 2 },
    { name: 'ACTIVE', type: 'L' as const, length: 1 },
    { name: 'SURVEYED', type: 'D' as const, length: 8 },
  ];
  // A field name has 10 bytes: ชื่อ fits in TIS-620 (4 bytes), not in UTF-8 (12), so UTF-8 files use NAME.
  const utf8Fields = [{ ...fields[0], name: 'NAME' }, ...fields.slice(1)];
  const rows = [
    ['บ้านนกออก', 812, 1520.75, true, '2024-03-15'],
    ['บ้านโนนสูง', null, null, false, null],
  ];

  it('types numbers, booleans and dates, and blank cells are null', () => {
    const table = readDbf(writeDbf(utf8Fields, rows, 'utf8'));
    expect(table.fields.map((f) => f.name)).toEqual(['NAME', 'POP', 'AREA', 'ACTIVE', 'SURVEYED']);
    expect(table.rows).toEqual([
      { NAME: 'บ้านนกออก', POP: 812, AREA: 1520.75, ACTIVE: true, SURVEYED: '2024-03-15' },
      { NAME: 'บ้านโนนสูง', POP: null, AREA: null, ACTIVE: false, SURVEYED: null },
    ]);
    expect(table.encoding).toBe('utf8');
  });

  it('decodes by the .cpg, and falls back to 874 when UTF-8 does not fit the bytes', () => {
    const tis = writeDbf(fields, rows, 'tis620');
    expect(readDbf(tis, encodingOfCpg('TIS-620')).rows[0]?.['ชื่อ']).toBe('บ้านนกออก');
    expect(readDbf(tis, encodingOfCpg('874')).rows[1]?.['ชื่อ']).toBe('บ้านโนนสูง');
    expect(readDbf(tis).encoding).toBe('cp874');
    expect(readDbf(tis).rows[0]?.['ชื่อ']).toBe('บ้านนกออก');
    // A .cpg claiming UTF-8 over Thai code page bytes (a common mislabel) gets the same fallback.
    expect(readDbf(tis, encodingOfCpg('UTF-8')).rows[0]?.['ชื่อ']).toBe('บ้านนกออก');
    expect(readDbf(writeDbf(utf8Fields, rows, 'utf8'), encodingOfCpg('UTF-8')).rows[0]?.NAME).toBe('บ้านนกออก');
    expect(readDbf(tis, encodingOfCpg('TIS-620')).fields[0].name).toBe('ชื่อ');
  });

  it('knows the names .cpg files use', () => {
    expect(['UTF-8', 'utf8', '65001'].map(encodingOfCpg)).toEqual(['utf8', 'utf8', 'utf8']);
    expect(['874', 'CP874', 'TIS-620', 'TIS620', 'Windows-874', 'ANSI 874', 'ISO-8859-11'].map(encodingOfCpg)).toEqual(Array(7).fill('cp874'));
    expect(encodingOfCpg('1252')).toBe('cp1252');
    expect(encodingOfCpg('')).toBeUndefined();
    expect(encodingOfCpg('no-such-encoding')).toBeUndefined();
  });
});

describe('Shapefile import end to end', () => {
  it('skips deleted rows, reports null and MultiPatch shapes, and names them from NAME', () => {
    const zip = zipShapefile('mixed', {
      records: [
        { type: 'point', point: [X, Y] },
        null,
        { type: 'point', point: [X + 10, Y] },
        { type: 'raw', shapeType: 31, bytes: 40 },
        { type: 'point', point: [X + 20, Y] },
      ],
      fields: [{ name: 'NAME', type: 'C', length: 20 }],
      rows: [['a'], ['null shape'], ['deleted'], ['patch'], ['e']],
      deleted: [2],
      prj: WKT_UTM47N,
    });
    const parsed = parseGeoFile(zip, 'mixed.zip');
    expect(parsed.features.map((f) => f.properties.NAME)).toEqual(['a', 'e']);
    expect(parsed.rejected).toEqual([
      { index: 1, name: 'null shape', code: 'empty_geometry' },
      { index: 2, name: 'patch', code: 'unsupported_geometry' },
    ]);
  });

  it('reprojects Indian 1975 / UTM 48N from an ESRI .prj, with Z polygons', () => {
    const ring = [[102.02, 14.72], [102.03, 14.72], [102.03, 14.73], [102.02, 14.73], [102.02, 14.72]];
    const grid = ring.map((p) => [...fromWgs84(p, 'EPSG:24048'), 250, 0]).reverse(); // clockwise in the file
    const zip = zipShapefile('villages', { dims: 'z', records: [{ type: 'polygon', parts: [grid] }], ...noFields, rows: [[1]], prj: WKT_INDIAN_1975_UTM48N });
    const parsed = parseGeoFile(zip, 'villages.zip');
    expect(parsed.crs).toBe('EPSG:24048');
    const g = parsed.features[0].geometry;
    if (g.type !== 'Polygon') throw new Error(g.type);
    expect(ringArea(g.coordinates[0])).toBeGreaterThan(0);
    for (const p of g.coordinates[0]) {
      expect(ring.some((q) => Math.abs(q[0] - p[0]) < 2e-7 && Math.abs(q[1] - p[1]) < 2e-7)).toBe(true);
      expect(p[2]).toBe(250);
    }
  });

  it('stops reading a .shp past the feature limit', () => {
    const zip = zipShapefile('many', { records: Array.from({ length: 50_001 }, () => null), ...noFields, rows: [] });
    expect(() => parseGeoFile(zip, 'many.zip')).toThrow(expect.objectContaining({ code: 'too_large' }) as Error);
  });

  it('refuses a .prj in a system it does not know', () => {
    const zip = zipShapefile('x', { records: [{ type: 'point', point: [X, Y] }], ...noFields, rows: [[1]], prj: 'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]],PROJECTION["Mercator_Auxiliary_Sphere"]]' });
    expect(() => parseGeoFile(zip, 'x.zip')).toThrow(FormatError);
    // The caller can say what it is instead.
    expect(parseGeoFile(zip, 'x.zip', 'EPSG:32647').features).toHaveLength(1);
  });

  it('refuses a damaged .shp inside a good zip as unreadable', () => {
    const zip = zipShapefile('x', { records: [{ type: 'point', point: [X, Y] }], ...noFields, rows: [[1]] }, { 'x.shp': Buffer.from('not a shapefile at all, but long enough to have a header of a hundred bytes.......................') });
    expect(() => parseGeoFile(zip, 'x.zip')).toThrow(expect.objectContaining({ code: 'unreadable_file' }) as Error);
  });
});
