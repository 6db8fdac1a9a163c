import { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import { parse } from 'csv-parse/sync';
import { normalizeGeometry, parseGeoFile, toCsv, toKml, toWkt } from '../../../../../plugins/gis/server/src/formats';
import type { AttributeDef, GeoFeature, Geometry } from '../../../../../plugins/gis/server/src/public';

const geometry = (g: unknown): Geometry => {
  const r = normalizeGeometry(g);
  if ('error' in r) throw new Error(r.error);
  return r;
};

const FEATURES: GeoFeature[] = [
  { type: 'Feature', id: 1, geometry: geometry({ type: 'Point', coordinates: [102.02053, 14.72248] }), properties: { name: 'สำนักงานเทศบาล <หลัก> & "ใหม่"', moo: 1, open: true } },
  { type: 'Feature', id: 2, geometry: geometry({ type: 'LineString', coordinates: [[102.02, 14.72], [102.03, 14.71, 5]] }), properties: { name: 'ถนน', note: '=HYPERLINK("http://evil")' } },
  {
    type: 'Feature',
    id: 3,
    geometry: geometry({
      type: 'Polygon',
      coordinates: [
        [[102.01, 14.71], [102.03, 14.71], [102.03, 14.73], [102.01, 14.73], [102.01, 14.71]],
        [[102.018, 14.72], [102.018, 14.724], [102.022, 14.724], [102.022, 14.72], [102.018, 14.72]],
      ],
    }),
    properties: { name: 'บ้านนกออก', moo: 1, tags: ['a', 'b'] },
  },
  {
    type: 'Feature',
    id: 4,
    geometry: geometry({ type: 'MultiPolygon', coordinates: [[[[102.04, 14.71], [102.05, 14.71], [102.05, 14.72], [102.04, 14.71]]], [[[102.06, 14.71], [102.07, 14.71], [102.07, 14.72], [102.06, 14.71]]]] }),
    properties: { name: 'บ้านโนนสูง', note: '-5', moo: -2 },
  },
  { type: 'Feature', id: 'pole-7', geometry: geometry({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [102, 14] }, { type: 'LineString', coordinates: [[102, 14], [102.1, 14.1]] }] }), properties: {} },
];

describe('toKml', () => {
  const text = toKml('หมู่บ้าน & ถนน <ทดสอบ>', FEATURES);

  it('is KML 2.2 that togeojson reads back to the same geometries and properties', () => {
    const doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(text, 'text/xml');
    expect(doc.documentElement?.getAttribute('xmlns')).toBe('http://www.opengis.net/kml/2.2');
    const back = kml(doc);
    expect(back.features).toHaveLength(FEATURES.length);
    expect(back.features[0].properties).toMatchObject({ name: 'สำนักงานเทศบาล <หลัก> & "ใหม่"', moo: '1', open: 'true' });
    expect(back.features[1].properties).toMatchObject({ note: '=HYPERLINK("http://evil")' });
    expect(back.features[2].properties).toMatchObject({ tags: '["a","b"]' });
    expect(back.features[0].geometry).toEqual(FEATURES[0].geometry);
    expect(back.features[1].geometry).toEqual(FEATURES[1].geometry);
    expect(back.features[2].geometry).toEqual(FEATURES[2].geometry);
    expect(back.features[4].properties).toMatchObject({ name: 'pole-7' });
  });

  it('reads back through parseGeoFile unchanged (multi-polygons included)', () => {
    const parsed = parseGeoFile(Buffer.from(text), 'export.kml');
    expect(parsed.rejected).toEqual([]);
    expect(parsed.features.map((f) => f.geometry)).toEqual(FEATURES.map((f) => f.geometry));
  });

  it('escapes the layer name and drops characters XML cannot carry', () => {
    expect(text).toContain('<name>หมู่บ้าน &amp; ถนน &lt;ทดสอบ&gt;</name>');
    const odd = toKml('x\u0001y', [{ ...FEATURES[0], properties: { 'a"b': 'c\u0007d' } }]);
    expect(odd).toContain('<name>xy</name>');
    expect(odd).toContain('<Data name="a&quot;b"><value>cd</value></Data>');
  });
});

describe('toWkt', () => {
  it('writes every type, with Z only when every position has an altitude', () => {
    expect(toWkt(FEATURES[0].geometry)).toBe('POINT (102.02053 14.72248)');
    expect(toWkt(FEATURES[1].geometry)).toBe('LINESTRING (102.02 14.72, 102.03 14.71)');
    expect(toWkt(geometry({ type: 'Point', coordinates: [102, 14, 200] }))).toBe('POINT Z (102 14 200)');
    expect(toWkt(FEATURES[2].geometry)).toMatch(/^POLYGON \(\(102\.01 14\.71, .*\), \(102\.018 14\.72, .*\)\)$/);
    expect(toWkt(FEATURES[3].geometry)).toMatch(/^MULTIPOLYGON \(\(\(.*\)\), \(\(.*\)\)\)$/);
    expect(toWkt(geometry({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }))).toBe('MULTIPOINT ((1 2), (3 4))');
    expect(toWkt(geometry({ type: 'MultiLineString', coordinates: [[[1, 2], [3, 4]]] }))).toBe('MULTILINESTRING ((1 2, 3 4))');
    expect(toWkt(FEATURES[4].geometry)).toBe('GEOMETRYCOLLECTION (POINT (102 14), LINESTRING (102 14, 102.1 14.1))');
  });
});

describe('toCsv', () => {
  const attributes: AttributeDef[] = [
    { name: 'name', labelTh: 'ชื่อ', labelEn: 'Name', type: 'text' },
    { name: 'moo', labelTh: 'หมู่ที่', labelEn: 'Village no.', type: 'number' },
    { name: 'note', labelTh: 'หมายเหตุ', labelEn: 'Note', type: 'text' },
    { name: 'open', labelTh: 'เปิด', labelEn: 'Open', type: 'boolean' },
  ];
  const csv = toCsv(FEATURES, attributes);

  it('starts with a UTF-8 BOM, ends lines with CRLF, and has the agreed columns', () => {
    expect(csv.startsWith('\uFEFFid,geometry,lon,lat,name,moo,note,open\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes per RFC 4180 so a CSV parser reads back every cell', () => {
    const rows = parse(csv.slice(1));
    expect(rows).toHaveLength(FEATURES.length + 1);
    expect(rows[1]).toEqual(['1', 'POINT (102.02053 14.72248)', '102.02053', '14.72248', 'สำนักงานเทศบาล <หลัก> & "ใหม่"', '1', '', 'true']);
    // Lines and polygons have no lon/lat; their WKT has commas, so it is quoted.
    expect(rows[2].slice(0, 4)).toEqual(['2', 'LINESTRING (102.02 14.72, 102.03 14.71)', '', '']);
    expect(rows[3][1]).toBe(toWkt(FEATURES[2].geometry));
    expect(rows[5][0]).toBe('pole-7');
  });

  it('neutralises text a spreadsheet would run as a formula, not negative numbers', () => {
    const rows = parse(csv.slice(1));
    expect(rows[2][6]).toBe('\'=HYPERLINK("http://evil")');
    expect(rows[4][6]).toBe('-5');
    expect(rows[4][5]).toBe('-2');
    const more = parse(toCsv([{ ...FEATURES[0], properties: { name: '+1 cmd', note: '@SUM(A1)' } }], attributes).slice(1));
    expect(more[1][4]).toBe("'+1 cmd");
    expect(more[1][6]).toBe("'@SUM(A1)");
  });
});
