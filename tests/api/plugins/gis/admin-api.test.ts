import fs from 'fs';
import os from 'os';
import path from 'path';
import { check } from '@placemarkio/check-geojson';
import { createAdmin, startApp, type TestApp } from '../../../helpers/strapi';
import type { GeoFeature } from '../../../../plugins/gis/server/src/public';
import { createLayer } from './helpers';

let app: TestApp;
let token: string;
// Formidable writes uploads here (UPLOAD_TMP_DIR), so the files a request left behind can be counted.
const uploadTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-gis-upload-'));
beforeAll(async () => {
  app = await startApp({ UPLOAD_TMP_DIR: uploadTmp });
  ({ token } = await createAdmin(app));
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(uploadTmp, { recursive: true, force: true });
});

/** Waits until no upload is left in the temp folder (files are removed as the answer goes out). */
async function expectNoLeftovers() {
  const until = Date.now() + 5000;
  while (fs.readdirSync(uploadTmp).length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  expect(fs.readdirSync(uploadTmp)).toEqual([]);
}

const call = (method: string, p: string, body?: unknown, as = token) =>
  fetch(`${app.url}/gis${p}`, {
    method,
    headers: { Authorization: `Bearer ${as}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const json = async <T>(res: Response, status: number): Promise<T> => {
  const text = await res.text();
  expect([res.status, text]).toEqual([status, expect.anything()]);
  return JSON.parse(text) as T;
};

type Refusal = { error: { message: string; details: { errors: Array<{ path: Array<string | number>; code: string; message: string }> } } };

const ATTRS = [
  { name: 'name', labelTh: 'ชื่อ', labelEn: 'Name', type: 'text' as const, required: true },
  { name: 'lanes', labelTh: 'จำนวนช่องจราจร', labelEn: 'Lanes', type: 'number' as const },
  { name: 'surface', labelTh: 'ผิวถนน', labelEn: 'Surface', type: 'choice' as const, options: ['asphalt', 'concrete', 'laterite'] },
  { name: 'built', labelTh: 'วันที่สร้าง', labelEn: 'Built', type: 'date' as const },
  { name: 'lit', labelTh: 'มีไฟส่องสว่าง', labelEn: 'Lit', type: 'boolean' as const },
];

it('creates, reads, updates and deletes features, bumping the layer each time', async () => {
  await createLayer(app.strapi, { slug: 'roads', kind: 'line', isPublic: false, attributes: ATTRS });
  const line = { type: 'LineString', coordinates: [[102.1, 14.7], [102.12345678, 14.71]] };
  const created = await json<{ data: GeoFeature }>(await call('POST', '/layers/roads/features', { geometry: line, properties: { name: 'ถนนเทศบาล 1', lanes: 2, surface: 'asphalt', built: '2020-05-01', lit: true } }), 201);
  expect(created.data).toEqual({ type: 'Feature', id: expect.any(Number), geometry: { type: 'LineString', coordinates: [[102.1, 14.7], [102.1234568, 14.71]] }, properties: { name: 'ถนนเทศบาล 1', lanes: 2, surface: 'asphalt', built: '2020-05-01', lit: true } });

  const listed = await json<{ data: Array<{ slug: string; featureCount: number; id: number; isPublic: boolean; editable: boolean }> }>(await call('GET', '/layers'), 200);
  expect(listed.data.find((l) => l.slug === 'roads')).toMatchObject({ featureCount: 1, isPublic: false, editable: true, id: expect.any(Number) });

  const id = created.data.id;
  const updated = await json<{ data: GeoFeature }>(await call('PUT', `/layers/roads/features/${id}`, { properties: { name: 'ถนนเทศบาล 1 (ใหม่)' } }), 200);
  expect(updated.data.properties).toEqual({ name: 'ถนนเทศบาล 1 (ใหม่)' });
  expect(updated.data.geometry).toEqual(created.data.geometry);

  const all = await call('GET', '/layers/roads/features');
  const text = await all.text();
  check(text);
  expect((JSON.parse(text) as { features: GeoFeature[] }).features.map((f) => f.id)).toEqual([id]);

  const revision = async () => ((await app.strapi.db.query('plugin::gis.layer').findOne({ where: { slug: 'roads' } })) as { revision: number }).revision;
  const before = await revision();
  const deleted = await json<{ data: GeoFeature }>(await call('DELETE', `/layers/roads/features/${id}`), 200);
  expect(deleted.data).toEqual(updated.data);
  expect(await revision()).toBe(before + 1);
  await json(await call('DELETE', `/layers/roads/features/${id}`), 404);
  await json(await call('GET', '/layers/no-layer/features'), 404);
});

it('refuses geometry of the wrong kind and properties that do not fit the schema, in Thai or English', async () => {
  await createLayer(app.strapi, { slug: 'checked', kind: 'polygon', attributes: ATTRS });
  const point = { type: 'Point', coordinates: [102.1, 14.7] };
  const wrong = await json<Refusal>(await call('POST', '/layers/checked/features?locale=en', { geometry: point, properties: { name: 'x' } }), 400);
  expect(wrong.error.details.errors).toEqual([{ path: ['geometry'], code: 'wrong_geometry_kind', message: "The geometry does not match the layer's kind (point, line or polygon)", name: 'ValidationError' }]);

  const square = { type: 'Polygon', coordinates: [[[102, 14], [102.1, 14], [102.1, 14.1], [102, 14.1], [102, 14]]] };
  const bad = await json<Refusal>(await call('POST', '/layers/checked/features', { geometry: square, properties: { lanes: 'two', surface: 'gravel', built: '1/2/2563', lit: 'maybe', colour: 'red' } }), 400);
  expect(bad.error.details.errors.map((e) => [e.path.join('.'), e.code])).toEqual([
    ['properties.colour', 'unknown_attribute'],
    ['properties.name', 'required'],
    ['properties.lanes', 'invalid_number'],
    ['properties.surface', 'invalid_choice'],
    ['properties.built', 'invalid_date'],
    ['properties.lit', 'invalid_boolean'],
  ]);
  expect(bad.error.details.errors[1].message).toBe('กรุณากรอกข้อมูลนี้');

  const broken = await json<Refusal>(await call('POST', '/layers/checked/features', { geometry: { type: 'Polygon', coordinates: [[[200, 14], [102.1, 14], [102.1, 14.1], [200, 14]]] }, properties: { name: 'x' } }), 400);
  expect(broken.error.details.errors.map((e) => e.code)).toEqual(['out_of_range']);
  // Right-hand rule: a clockwise outer ring is stored counter-clockwise.
  const clockwise = { type: 'Polygon', coordinates: [[[102, 14], [102, 14.1], [102.1, 14.1], [102.1, 14], [102, 14]]] };
  const stored = await json<{ data: GeoFeature }>(await call('POST', '/layers/checked/features', { geometry: clockwise, properties: { name: 'แปลง', lanes: '3' } }), 201);
  expect(stored.data.geometry).toEqual(square);
  expect(stored.data.properties).toEqual({ name: 'แปลง', lanes: 3 });
});

it('refuses staff without the map permissions', async () => {
  await createLayer(app.strapi, { slug: 'guarded' });
  const finance = await createAdmin(app, { role: 'nokok-finance-officer' });
  expect((await call('GET', '/layers', undefined, finance.token)).status).toBe(403);
  expect((await call('GET', '/layers/guarded/features', undefined, finance.token)).status).toBe(403);
  const executive = await createAdmin(app, { role: 'nokok-executive' });
  expect((await call('GET', '/layers/guarded/features', undefined, executive.token)).status).toBe(200);
  expect((await call('POST', '/layers/guarded/features', { geometry: { type: 'Point', coordinates: [102, 14] } }, executive.token)).status).toBe(403);
  const editor = await createAdmin(app, { role: 'nokok-content-editor' });
  expect((await call('POST', '/layers/guarded/features', { geometry: { type: 'Point', coordinates: [102, 14] } }, editor.token)).status).toBe(201);
  expect((await fetch(`${app.url}/gis/layers`)).status).toBe(401);
});

describe('import and export', () => {
  const upload = (slug: string, name: string, bytes: Buffer | string, fields: Record<string, string> = {}, as = token) => {
    const form = new FormData();
    form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return fetch(`${app.url}/gis/layers/${slug}/import?locale=en`, { method: 'POST', headers: { Authorization: `Bearer ${as}` }, body: form });
  };
  const FILE = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [102.1, 14.7] }, properties: { name: 'โรงเรียนบ้านนกออก', lanes: 1, extra: 'dropped' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [102.11, 14.71] }, properties: { name: 'วัดนกออก' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [502.11, 14.71] }, properties: { name: 'ผิดพิกัด' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [102.12, 14.72] }, properties: { lanes: 3 } },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[102, 14], [102.1, 14.1]] }, properties: { name: 'เส้น' } },
    ],
  });
  const count = async (slug: string) => ((await json<{ data: Array<{ slug: string; featureCount: number }> }>(await call('GET', '/layers'), 200)).data.find((l) => l.slug === slug) as { featureCount: number }).featureCount;

  it('previews a GeoJSON file with a report of rejected features, then stores it all at once', async () => {
    await createLayer(app.strapi, { slug: 'places', kind: 'point', attributes: ATTRS });
    const preview = await json<{ data: { format: string; crs: string; featureCount: number; preview: { features: GeoFeature[] }; rejected: Array<{ index: number; code: string; message: string }>; imported: number } }>(
      await upload('places', 'places.geojson', FILE, { crs: 'EPSG:4326' }),
      200
    );
    expect(preview.data).toMatchObject({ format: 'geojson', featureCount: 2, imported: 0 });
    expect(preview.data.crs).toMatch(/4326/);
    check(JSON.stringify(preview.data.preview));
    expect(preview.data.preview.features.map((f) => f.properties)).toEqual([{ name: 'โรงเรียนบ้านนกออก', lanes: 1 }, { name: 'วัดนกออก' }]);
    expect(preview.data.rejected.map((r) => [r.index, r.code])).toEqual([
      [2, 'out_of_range'],
      [3, 'invalid_attribute'],
      [4, 'wrong_geometry_kind'],
    ]);
    expect(preview.data.rejected[0].message).toMatch(/longitude/);
    expect(await count('places')).toBe(0);

    const committed = await json<{ data: { imported: number } }>(await upload('places', 'places.geojson', FILE, { crs: 'EPSG:4326', commit: 'true' }), 200);
    expect(committed.data.imported).toBe(2);
    expect(await count('places')).toBe(2);
    // The uploads were read into memory and their temporary files removed, a refused one's too.
    const reader = await createAdmin(app, { role: 'nokok-executive' });
    expect((await upload('places', 'places.geojson', FILE, { commit: 'true' }, reader.token)).status).toBe(403);
    await expectNoLeftovers();
    expect(await count('places')).toBe(2);
  });

  const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'gis');
  type Report = { data: { format: string; crs: string; featureCount: number; preview: { features: GeoFeature[] }; rejected: Array<{ index: number; code: string; message: string }>; imported: number } };

  it('imports a zipped UTM 47N Shapefile back to the WGS84 positions it was made from', async () => {
    await createLayer(app.strapi, { slug: 'villages', kind: 'polygon' });
    const zip = fs.readFileSync(path.join(FIXTURES, 'nokok-villages-utm47n.zip'));
    const report = await json<Report>(await upload('villages', 'nokok-villages-utm47n.zip', zip, { commit: 'true' }), 200);
    expect(report.data).toMatchObject({ format: 'shapefile', featureCount: 3, imported: 3, rejected: [] });
    expect(report.data.crs).toMatch(/32647/);
    const source = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'source', 'nokok-villages.wgs84.geojson'), 'utf8')) as { features: GeoFeature[] };
    const stored = (await json<{ features: GeoFeature[] }>(await call('GET', '/layers/villages/features'), 200)).features;
    expect(stored.map((f) => f.geometry.type)).toEqual(source.features.map((f) => f.geometry.type));
    // Every corner within a centimetre or so (1e-7 degrees is about 1 cm) of the WGS84 original.
    const flat = (g: GeoFeature['geometry']): number[] => JSON.stringify('coordinates' in g ? g.coordinates : []).match(/-?\d+(\.\d+)?/g)!.map(Number);
    stored.forEach((f, i) => {
      const [got, want] = [flat(f.geometry).sort((a, b) => a - b), flat(source.features[i].geometry).sort((a, b) => a - b)];
      expect(got.length).toBe(want.length);
      got.forEach((v, k) => expect(Math.abs(v - want[k])).toBeLessThan(2e-7));
    });
    // It is on the public map too, as valid GeoJSON.
    const pub = await fetch(`${app.url}/api/gis/layers/villages/features`);
    check(await pub.text());
  });

  it('imports a KML file and reports the placemark without a geometry', async () => {
    await createLayer(app.strapi, { slug: 'kml-layer', kind: 'mixed' });
    const kml = fs.readFileSync(path.join(FIXTURES, 'nokok.kml'));
    const preview = await json<Report>(await upload('kml-layer', 'nokok.kml', kml), 200);
    expect(preview.data.format).toBe('kml');
    expect(preview.data.featureCount).toBe(5);
    expect(preview.data.rejected).toEqual([{ index: expect.any(Number), name: expect.any(String), code: expect.stringMatching(/geometry/), message: expect.any(String) }]);
    check(JSON.stringify(preview.data.preview));
    const committed = await json<Report>(await upload('kml-layer', 'nokok.kml', kml, { commit: 'true' }), 200);
    expect(committed.data.imported).toBe(5);
    expect(await count('kml-layer')).toBe(5);
  });

  it('refuses a file it cannot read and a missing file', async () => {
    await createLayer(app.strapi, { slug: 'refusals' });
    const unreadable = await json<Refusal>(await upload('refusals', 'broken.geojson', '{ not json'), 400);
    expect(unreadable.error.details.errors.map((e) => [e.path.join('.'), e.code])).toEqual([['file', 'unreadable_file']]);
    const form = new FormData();
    form.append('commit', 'true');
    const missing = await fetch(`${app.url}/gis/layers/refusals/import`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    expect(((await json<Refusal>(missing, 400)).error.details.errors).map((e) => [e.path.join('.'), e.code])).toEqual([['file', 'required']]);
  });

  it('exports a layer as a GeoJSON file', async () => {
    await createLayer(app.strapi, { slug: 'exported', attributes: ATTRS });
    await call('POST', '/layers/exported/features', { geometry: { type: 'Point', coordinates: [102.1, 14.7] }, properties: { name: 'จุด' } });
    const res = await call('GET', '/layers/exported/export?format=geojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="exported.geojson"/);
    const text = await res.text();
    check(text);
    expect((JSON.parse(text) as { features: GeoFeature[] }).features.map((f) => f.properties)).toEqual([{ name: 'จุด' }]);
    const kml = await call('GET', '/layers/exported/export?format=kml');
    expect(kml.headers.get('content-type')).toMatch(/kml/);
    expect(await kml.text()).toMatch(/<coordinates>102\.1,14\.7/);
    const csv = await call('GET', '/layers/exported/export?format=csv');
    expect(csv.headers.get('content-disposition')).toMatch(/exported\.csv/);
    expect(await csv.text()).toMatch(/POINT ?\(102\.1 14\.7\)/);
    expect((await call('GET', '/layers/exported/export?format=shp')).status).toBe(400);
  });
});
