import fs from 'fs';
import path from 'path';
import { check } from '@placemarkio/check-geojson';
import { unzipSync, zipSync } from 'fflate';
import { FormatError, parseGeoFile, ringArea, type ParsedFile } from '../../../../../plugins/gis/server/src/formats';
import type { Geometry, Position } from '../../../../../plugins/gis/server/src/public';

/** The committed fixtures: see tests/fixtures/gis/README.md for how each was made. */
const FIXTURES = path.resolve(__dirname, '../../../../fixtures/gis');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const source = (name: string) =>
  JSON.parse(fixture(`source/${name}`).toString('utf8')) as { features: Array<{ geometry: Geometry; properties: Record<string, unknown> }> };

const positions = (g: Geometry): Position[] =>
  g.type === 'Point'
    ? [g.coordinates]
    : g.type === 'MultiPoint' || g.type === 'LineString'
      ? g.coordinates
      : g.type === 'MultiLineString' || g.type === 'Polygon'
        ? g.coordinates.flat()
        : g.type === 'MultiPolygon'
          ? g.coordinates.flat(2)
          : g.geometries.flatMap(positions);

/** Every polygon ring of a geometry with its role (outer or hole). */
const rings = (g: Geometry): Array<{ outer: boolean; ring: Position[] }> => {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polys.flatMap((p) => p.map((ring, i) => ({ outer: i === 0, ring })));
};

/** The same shape, whatever ring start and direction: the set of its vertices within `tolerance` degrees. */
function expectSameShape(actual: Geometry, expected: Geometry, tolerance = 2e-7) {
  expect(actual.type).toBe(expected.type);
  const a = positions(actual);
  const e = positions(expected);
  expect(a).toHaveLength(e.length);
  for (const p of e) expect(a.some((q) => Math.abs(q[0] - p[0]) <= tolerance && Math.abs(q[1] - p[1]) <= tolerance)).toBe(true);
}

/** Valid RFC 7946 under an independent validator, and wound by the right-hand rule. */
function expectRfc7946(parsed: ParsedFile) {
  const fc = { type: 'FeatureCollection', features: parsed.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: f.properties })) };
  expect(() => check(JSON.stringify(fc))).not.toThrow();
  for (const f of parsed.features) for (const r of rings(f.geometry)) expect(Math.sign(ringArea(r.ring))).toBe(r.outer ? 1 : -1);
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FormatError) return e.code;
    throw e;
  }
  return 'no error';
};

const rezip = (zip: Buffer, change: (files: Record<string, Uint8Array>) => Record<string, Uint8Array>) => Buffer.from(zipSync(change(unzipSync(zip))));

describe('zipped Shapefile written by GDAL in UTM 47N, Thai text in Windows-874', () => {
  it('reads the village polygons: a hole, a two-part village, Thai field names and typed attributes', () => {
    const parsed = parseGeoFile(fixture('nokok-villages-utm47n.zip'), 'nokok-villages-utm47n.zip');
    expect(parsed.format).toBe('shapefile');
    expect(parsed.crs).toBe('EPSG:32647');
    expect(parsed.rejected).toEqual([]);
    const expected = source('nokok-villages.wgs84.geojson').features;
    expect(parsed.features.map((f) => f.properties)).toEqual(expected.map((f) => f.properties));
    parsed.features.forEach((f, i) => expectSameShape(f.geometry, expected[i].geometry));
    expect(parsed.features[0].geometry.type).toBe('Polygon');
    expect(rings(parsed.features[0].geometry).map((r) => r.outer)).toEqual([true, false]);
    expect(parsed.features[1].geometry.type).toBe('MultiPolygon');
    expectRfc7946(parsed);
  });

  it('reads the points with a .cpg that says only "874"', () => {
    expect(Buffer.from(unzipSync(fixture('nokok-places-utm47n.zip'))['nokok_places.cpg']).toString()).toBe('874');
    const parsed = parseGeoFile(fixture('nokok-places-utm47n.zip'), 'nokok-places-utm47n.zip');
    const expected = source('nokok-places.wgs84.geojson').features;
    expect(parsed.features.map((f) => f.properties)).toEqual(expected.map((f) => f.properties));
    parsed.features.forEach((f, i) => expectSameShape(f.geometry, expected[i].geometry));
    expectRfc7946(parsed);
  });

  it('without .cpg decodes the Thai text by falling back from UTF-8 to 874', () => {
    const zip = rezip(fixture('nokok-villages-utm47n.zip'), (files) => {
      delete files['nokok_villages.cpg'];
      return files;
    });
    const parsed = parseGeoFile(zip, 'villages.zip');
    expect(parsed.features[0].properties['ชื่อ']).toBe('บ้านนกออก');
  });

  it('without .prj guesses UTM 47N from the metres and says it guessed', () => {
    const zip = rezip(fixture('nokok-villages-utm47n.zip'), (files) => {
      delete files['nokok_villages.prj'];
      return files;
    });
    const parsed = parseGeoFile(zip, 'villages.zip');
    expect(parsed.crs).toBe('EPSG:32647 (guessed)');
    expectSameShape(parsed.features[2].geometry, source('nokok-villages.wgs84.geojson').features[2].geometry);
  });

  it('an explicit crs wins over the .prj', () => {
    const parsed = parseGeoFile(fixture('nokok-places-utm47n.zip'), 'places.zip', 'EPSG:24047');
    expect(parsed.crs).toBe('EPSG:24047');
    const [lon, lat] = positions(parsed.features[0].geometry)[0];
    // The same grid numbers on Indian 1975 are a few hundred metres from the WGS84 reading.
    expect(Math.abs(lon - 102.02053) + Math.abs(lat - 14.72248)).toBeGreaterThan(0.002);
  });

  it('refuses a zip without its .dbf or without a Shapefile at all', () => {
    const noDbf = rezip(fixture('nokok-places-utm47n.zip'), (files) => {
      delete files['nokok_places.dbf'];
      return files;
    });
    expect(code(() => parseGeoFile(noDbf, 'places.zip'))).toBe('missing_part');
    const noShp = rezip(fixture('nokok-places-utm47n.zip'), (files) => {
      delete files['nokok_places.shp'];
      return files;
    });
    expect(code(() => parseGeoFile(noShp, 'places.zip'))).toBe('missing_part');
    expect(code(() => parseGeoFile(Buffer.from(zipSync({ 'readme.txt': Buffer.from('hello') })), 'x.zip'))).toBe('unsupported_format');
    expect(code(() => parseGeoFile(Buffer.from('PK\x03\x04 not really a zip'), 'x.zip'))).toBe('unreadable_file');
  });

  it('reads two Shapefiles in one zip one after the other', () => {
    const both = Buffer.from(zipSync({ ...unzipSync(fixture('nokok-villages-utm47n.zip')), ...unzipSync(fixture('nokok-places-utm47n.zip')) }));
    const parsed = parseGeoFile(both, 'nokok.zip');
    expect(parsed.features.map((f) => f.geometry.type)).toEqual(['Point', 'Point', 'Point', 'Point', 'Polygon', 'MultiPolygon', 'Polygon']);
  });

  it('refuses a zip that would expand past the limit before inflating it', () => {
    // A small zip whose directory says the .shp inflates to 200 MB (what a zip bomb declares).
    const bomb = Buffer.from(zipSync({ 'x.shp': new Uint8Array(1000), 'x.dbf': new Uint8Array(10) }));
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(bomb.toString('latin1', central + 46, central + 51)).toBe('x.shp');
    bomb.writeUInt32LE(200 * 1024 * 1024, central + 24);
    expect(code(() => parseGeoFile(bomb, 'x.zip'))).toBe('too_large');
  });
});

describe('KML', () => {
  const expectKml = (parsed: ParsedFile) => {
    expect(parsed.format).toBe('kml');
    expect(parsed.crs).toBe('EPSG:4326');
    expect(parsed.features.map((f) => [f.properties.name, f.geometry.type])).toEqual([
      ['สำนักงานเทศบาลตำบลนกออก', 'Point'],
      ['ถนนสายนกออก–หนองบัว', 'LineString'],
      ['บ้านนกออก หมู่ 1', 'Polygon'],
      ['บ้านโนนสูง หมู่ 2', 'MultiPolygon'],
      ['ระบบประปาหมู่บ้าน หมู่ 3', 'GeometryCollection'],
    ]);
    // A Placemark without a geometry is reported, with its name, not dropped silently.
    expect(parsed.rejected).toEqual([{ index: 5, name: 'จุดที่ยังไม่ได้สำรวจ', code: 'empty_geometry' }]);
    // Data and SchemaData become properties; styles do not.
    expect(parsed.features[0].properties).toEqual({ name: 'สำนักงานเทศบาลตำบลนกออก', description: '<b>เปิด</b> จันทร์–ศุกร์ 08:30–16:30', ประเภท: 'office', phone: '044-000-000' });
    expect(parsed.features[2].properties).toMatchObject({ moo: 1, area_rai: 1520.75 });
    // `lon,lat,0` is no altitude; the hole in the village is a hole.
    expect(parsed.features[0].geometry).toEqual({ type: 'Point', coordinates: [102.02053, 14.72248] });
    expect(rings(parsed.features[2].geometry).map((r) => r.outer)).toEqual([true, false]);
    expectSameShape(parsed.features[2].geometry, source('nokok-villages.wgs84.geojson').features[0].geometry);
    expectRfc7946(parsed);
  };

  it('reads points, lines, a polygon with a hole and MultiGeometry with Thai names', () => {
    expectKml(parseGeoFile(fixture('nokok.kml'), 'nokok.kml'));
  });

  it('reads the same from a KMZ', () => {
    expectKml(parseGeoFile(fixture('nokok.kmz'), 'nokok.kmz'));
  });

  it('ignores a crs the caller gives: KML is longitude/latitude by definition', () => {
    expect(parseGeoFile(fixture('nokok.kml'), 'nokok.kml', 'EPSG:32647').crs).toBe('EPSG:4326');
  });

  it('refuses broken XML and XML that is not KML', () => {
    expect(code(() => parseGeoFile(Buffer.from('<kml><Placemark>'), 'a.kml'))).toBe('unreadable_file');
    expect(code(() => parseGeoFile(fixture('nokok.gpx'), 'a.kml'))).toBe('unreadable_file');
    expect(code(() => parseGeoFile(Buffer.from(zipSync({ 'a.txt': Buffer.from('x') })), 'a.kmz'))).toBe('missing_part');
  });

  it('reads a KML saved in Windows-874 when its XML declaration says so', () => {
    const text = fixture('nokok.kml').toString('utf8').replace('encoding="UTF-8"', 'encoding="windows-874"');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- iconv-lite is CommonJS
    const iconv = require('iconv-lite') as typeof import('iconv-lite');
    const parsed = parseGeoFile(iconv.encode(text, 'cp874'), 'nokok.kml');
    expect(parsed.features[0].properties.name).toBe('สำนักงานเทศบาลตำบลนกออก');
  });
});

describe('GPX', () => {
  it('reads waypoints as points and tracks and routes as lines, with elevation', () => {
    const parsed = parseGeoFile(fixture('nokok.gpx'), 'nokok.gpx');
    expect(parsed.format).toBe('gpx');
    expect(parsed.rejected).toEqual([]);
    const byName = Object.fromEntries(parsed.features.map((f) => [f.properties.name, f]));
    expect(byName['สำนักงานเทศบาล'].geometry).toEqual({ type: 'Point', coordinates: [102.02053, 14.72248, 214.3] });
    expect(byName['สำนักงานเทศบาล'].properties.desc).toBe('จุดเริ่มต้น');
    expect(byName['สามแยกบ้านหนองบัว'].geometry.type).toBe('Point');
    expect(byName['ถนนสายนกออก–หนองบัว'].geometry).toMatchObject({ type: 'LineString' });
    expect(positions(byName['ถนนสายนกออก–หนองบัว'].geometry)).toHaveLength(5);
    expect(byName['เส้นทางเก็บขยะ สาย 1'].geometry).toEqual({ type: 'LineString', coordinates: [[102.02053, 14.72248], [102.0211, 14.7182], [102.0196, 14.712]] });
    // Per-point times are not attributes.
    expect(Object.keys(byName['ถนนสายนกออก–หนองบัว'].properties)).not.toContain('coordinateProperties');
    expectRfc7946(parsed);
  });
});

describe('GeoJSON', () => {
  it('honours an old crs member: Indian 1975 / UTM 47N written by GDAL', () => {
    const parsed = parseGeoFile(fixture('nokok-places-indian1975-utm47n.geojson'), 'places.geojson');
    expect(parsed.crs).toBe('EPSG:24047');
    const expected = source('nokok-places.wgs84.geojson').features;
    // GDAL wrote the grid to the centimetre: 1e-7° is 1 cm.
    parsed.features.forEach((f, i) => expectSameShape(f.geometry, expected[i].geometry, 2e-7));
    expect(parsed.features.map((f) => f.properties['ชื่อ'])).toEqual(expected.map((f) => f.properties['ชื่อ']));
  });

  it('reads a FeatureCollection, a Feature and a bare geometry, with a BOM', () => {
    const point = { type: 'Point', coordinates: [102.02, 14.72] };
    expect(parseGeoFile(Buffer.from(`\uFEFF${JSON.stringify(point)}`), 'p.json').features).toEqual([{ geometry: point, properties: {} }]);
    expect(parseGeoFile(Buffer.from(JSON.stringify({ type: 'Feature', geometry: point, properties: { a: 1 } })), 'p.geojson').features).toEqual([
      { geometry: point, properties: { a: 1 } },
    ]);
    expect(parseGeoFile(Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [] })), 'p.geojson').features).toEqual([]);
  });

  it('lists what it cannot keep with index, name and code, and keeps the rest', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'ok' }, geometry: { type: 'Point', coordinates: [102.02, 14.72] } },
        { type: 'Feature', properties: { NAME: 'no geometry' }, geometry: null },
        { type: 'Feature', properties: { ชื่อ: 'เส้นจุดเดียว' }, geometry: { type: 'LineString', coordinates: [[102, 14]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [102.02, 95] } },
        { type: 'Feature', properties: { name: 'circle' }, geometry: { type: 'Circle', coordinates: [102, 14] } },
        'not a feature',
      ],
    };
    const parsed = parseGeoFile(Buffer.from(JSON.stringify(fc)), 'x.geojson');
    expect(parsed.features).toHaveLength(1);
    expect(parsed.rejected).toEqual([
      { index: 1, name: 'no geometry', code: 'empty_geometry' },
      { index: 2, name: 'เส้นจุดเดียว', code: 'invalid_geometry' },
      { index: 3, code: 'out_of_range' },
      { index: 4, name: 'circle', code: 'unsupported_geometry' },
      { index: 5, code: 'empty_geometry' },
    ]);
  });

  it('guesses undeclared metres per file and rejects the features that do not fit', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Point', coordinates: [825223.23, 1629536.47] } },
        { type: 'Feature', properties: { name: 'b' }, geometry: { type: 'Point', coordinates: [825300, 1629600] } },
        { type: 'Feature', properties: { name: 'degrees' }, geometry: { type: 'Point', coordinates: [102.02, 14.72] } },
      ],
    };
    const parsed = parseGeoFile(Buffer.from(JSON.stringify(fc)), 'x.geojson');
    expect(parsed.crs).toBe('EPSG:32647 (guessed)');
    expect(parsed.features[0].geometry).toEqual({ type: 'Point', coordinates: [102.02, 14.72] });
    expect(parsed.rejected).toEqual([{ index: 2, name: 'degrees', code: 'unknown_crs' }]);
    // Mostly degrees: the one in metres is rejected, not misplaced.
    fc.features.splice(0, 1, { ...fc.features[2], properties: { name: 'c' } }, { ...fc.features[2], properties: { name: 'd' } });
    const degrees = parseGeoFile(Buffer.from(JSON.stringify(fc)), 'x.geojson');
    expect(degrees.crs).toBe('EPSG:4326');
    expect(degrees.rejected).toEqual([{ index: 2, name: 'b', code: 'unknown_crs' }]);
    // Nok Ok in 48N metres is found in 48N.
    const east = parseGeoFile(Buffer.from(JSON.stringify({ type: 'Point', coordinates: [179087.792933144, 1629479.06505476] })), 'x.geojson');
    expect(east.crs).toBe('EPSG:32648 (guessed)');
    expect(east.features[0].geometry).toEqual({ type: 'Point', coordinates: [102.02, 14.72] });
    // Metres that land nowhere near Thailand in either zone.
    expect(code(() => parseGeoFile(Buffer.from(JSON.stringify({ type: 'Point', coordinates: [500000, 5000000] })), 'x.geojson'))).toBe('unknown_crs');
  });

  it('with an explicit crs, reads metres in it', () => {
    const parsed = parseGeoFile(Buffer.from(JSON.stringify({ type: 'Point', coordinates: [825223.230108043, 1629536.47409547] })), 'x.geojson', 'EPSG:32647');
    expect(parsed.crs).toBe('EPSG:32647');
    expect(parsed.features[0].geometry).toEqual({ type: 'Point', coordinates: [102.02, 14.72] });
    // Declared WGS84 with metres in it: out of range, not guessed.
    expect(parseGeoFile(Buffer.from(JSON.stringify({ type: 'Point', coordinates: [825223, 1629536] })), 'x.geojson', 'EPSG:4326').rejected).toEqual([{ index: 0, code: 'out_of_range' }]);
  });

  it('refuses files it cannot use with a FormatError code', () => {
    expect(code(() => parseGeoFile(Buffer.from('{"type": "FeatureCollection", '), 'x.geojson'))).toBe('unreadable_file');
    expect(code(() => parseGeoFile(Buffer.from('{"type": "Topology"}'), 'x.json'))).toBe('unsupported_format');
    expect(code(() => parseGeoFile(Buffer.from('{"type":"Point","coordinates":[0,0],"crs":{"type":"name","properties":{"name":"EPSG:3857"}}}'), 'x.json'))).toBe('unknown_crs');
    expect(code(() => parseGeoFile(Buffer.from('a,b\n1,2'), 'x.csv'))).toBe('unsupported_format');
    expect(code(() => parseGeoFile(Buffer.from('{}'), 'x.json', 'EPSG:3857' as 'auto'))).toBe('unknown_crs');
  });

  it('refuses more features than one import takes', () => {
    const many = { type: 'FeatureCollection', features: Array.from({ length: 50_001 }, () => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [102, 14] } })) };
    expect(code(() => parseGeoFile(Buffer.from(JSON.stringify(many)), 'x.geojson'))).toBe('too_large');
  });

  it('finds the format from the bytes when the name does not tell', () => {
    expect(parseGeoFile(fixture('nokok.kml'), 'upload').format).toBe('kml');
    expect(parseGeoFile(fixture('nokok.gpx'), 'upload').format).toBe('gpx');
    expect(parseGeoFile(fixture('nokok-places-utm47n.zip'), 'upload').format).toBe('shapefile');
    expect(parseGeoFile(Buffer.from('{"type":"Point","coordinates":[1,2]}'), 'upload').format).toBe('geojson');
  });
});
