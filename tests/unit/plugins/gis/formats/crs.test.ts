import fs from 'fs';
import path from 'path';
import { crsFromGeoJsonMember, crsFromWkt, fromWgs84, guessUtmZone, toWgs84 } from '../../../../../plugins/gis/server/src/formats/crs';
import { FormatError } from '../../../../../plugins/gis/server/src/formats';

const PRJ = path.resolve(__dirname, '../../../../fixtures/gis/prj');
const prj = (name: string) => fs.readFileSync(path.join(PRJ, name), 'utf8');
const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
/** Metres on the ground between two WGS84 points this close together. */
const metres = (a: number[], b: number[]) => {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  return Math.hypot((a[0] - b[0]) * 111320 * Math.cos(lat), (a[1] - b[1]) * 110574);
};

describe('reprojection', () => {
  it('UTM 47N and 48N agree with PROJ (GDAL 3.6.2 gdaltransform) at Nok Ok', () => {
    // `echo "102.02 14.72" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32647` (and 32648)
    expect(metres(toWgs84([825223.230108043, 1629536.47409547], 'EPSG:32647'), [102.02, 14.72])).toBeLessThan(0.001);
    expect(metres(toWgs84([179087.792933144, 1629479.06505476], 'EPSG:32648'), [102.02, 14.72])).toBeLessThan(0.001);
    const there = fromWgs84([102.02, 14.72], 'EPSG:32647');
    expect(Math.abs(there[0] - 825223.230108043)).toBeLessThan(0.001);
    expect(Math.abs(there[1] - 1629536.47409547)).toBeLessThan(0.001);
  });

  it('Indian 1975 reproduces the Royal Irrigation Department benchmark GNSS 610279', () => {
    // The benchmark's published coordinates on both datums (Indian 1975 and WGS84, geographic).
    const indian = [dms(101, 10, 29.25525), dms(14, 5, 44.94096)];
    const wgs84 = [dms(101, 10, 17.15426), dms(14, 5, 50.85995)];
    expect(metres(toWgs84(indian, 'EPSG:4240'), wgs84)).toBeLessThan(0.05);
    // Its Indian 1975 geographic coordinates projected (no datum shift) to UTM 47N by PROJ:
    // `gdaltransform -s_srs "+proj=longlat +ellps=evrst30" -t_srs "+proj=utm +zone=47 +ellps=evrst30"`.
    const grid47 = [734777.921161209, 1559284.54998166];
    expect(metres(toWgs84(grid47, 'EPSG:24047'), wgs84)).toBeLessThan(0.05);
    expect(metres(toWgs84(fromWgs84(wgs84, 'EPSG:24047'), 'EPSG:24047'), wgs84)).toBeLessThan(0.01);
    expect(metres(toWgs84(fromWgs84(wgs84, 'EPSG:24048'), 'EPSG:24048'), wgs84)).toBeLessThan(0.01);
    // The datum shift at work: the same grid numbers read as WGS84 UTM land hundreds of metres away.
    const shift = metres(toWgs84(grid47, 'EPSG:32647'), wgs84);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(600);
  });

  it('keeps the altitude', () => {
    expect(toWgs84([825223.23, 1629536.47, 212.5], 'EPSG:32647')[2]).toBe(212.5);
  });
});

describe('declared systems', () => {
  it.each([
    ['epsg4326', 'EPSG:4326'],
    ['epsg32647', 'EPSG:32647'],
    ['epsg32648', 'EPSG:32648'],
    ['epsg4240', 'EPSG:4240'],
    ['epsg24047', 'EPSG:24047'],
    ['epsg24048', 'EPSG:24048'],
  ])('reads the .prj of %s as GDAL writes it in ESRI, OGC WKT 1 and WKT 2', (file, crs) => {
    expect(crsFromWkt(prj(`${file}.esri.prj`))).toBe(crs);
    expect(crsFromWkt(prj(`${file}.wkt1.prj`))).toBe(crs);
    expect(crsFromWkt(prj(`${file}.wkt2.prj`))).toBe(crs);
  });

  it('refuses systems it cannot reproject exactly', () => {
    expect(() => crsFromWkt(prj('epsg32646.esri.prj'))).toThrow(expect.objectContaining({ code: 'unknown_crs' }) as Error);
    expect(() => crsFromWkt(prj('epsg4239.esri.prj'))).toThrow(FormatError);
    expect(() => crsFromWkt('LOCAL_CS["arbitrary"]')).toThrow(FormatError);
  });

  it('reads a GeoJSON crs member in its old forms', () => {
    expect(crsFromGeoJsonMember(undefined)).toBeUndefined();
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::24047' } })).toBe('EPSG:24047');
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'EPSG:32648' } })).toBe('EPSG:32648');
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe('EPSG:4326');
    expect(crsFromGeoJsonMember({ type: 'EPSG', properties: { code: 4240 } })).toBe('EPSG:4240');
    expect(() => crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } })).toThrow(FormatError);
  });
});

describe('guessing undeclared metres', () => {
  it('takes the zone that lands in Thailand', () => {
    expect(guessUtmZone([825223.23, 1629536.47])).toBe('EPSG:32647');
    expect(guessUtmZone([179087.79, 1629479.07])).toBe('EPSG:32648'); // Nok Ok in 48N: 47N would put it at 93°E
    expect(guessUtmZone([500000, 5000000])).toBeUndefined(); // Europe's latitudes
    expect(guessUtmZone([102.02, 14.72])).toBeUndefined(); // degrees
  });
});
