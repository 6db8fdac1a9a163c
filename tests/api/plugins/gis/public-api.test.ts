import { check } from '@placemarkio/check-geojson';
import { startApp, type TestApp } from '../../../helpers/strapi';
import type { Bbox, GeoFeature, Geometry } from '../../../../plugins/gis/server/src/public';
import { addFeatures, createLayer, gisOf } from './helpers';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

// fetch adds `Cache-Control: no-cache` to a conditional request unless one is given (which would rule out a 304).
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers: { 'Cache-Control': 'max-age=0', ...headers } });

/** Reads a public GeoJSON answer and checks it with an independent RFC 7946 validator. */
async function geojson(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
  const text = await res.text();
  check(text); // throws on anything RFC 7946 refuses
  return JSON.parse(text) as { type: string; features: GeoFeature[]; numberMatched: number; numberReturned: number };
}

/* An oracle written apart from the plugin's geo module, with other algorithms: Liang–Barsky clipping
 * for segments, a winding number for point in polygon. */
type P = number[];
const inside = (p: P, b: Bbox) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
function clips(a: P, c: P, b: Bbox): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = c[0] - a[0];
  const dy = c[1] - a[1];
  for (const [p, q] of [
    [-dx, a[0] - b[0]],
    [dx, b[2] - a[0]],
    [-dy, a[1] - b[1]],
    [dy, b[3] - a[1]],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}
function winding(p: P, ring: P[]): number {
  let w = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [a, c] = [ring[i], ring[i + 1]];
    const side = (c[0] - a[0]) * (p[1] - a[1]) - (p[0] - a[0]) * (c[1] - a[1]);
    if (a[1] <= p[1]) {
      if (c[1] > p[1] && side > 0) w++;
    } else if (c[1] <= p[1] && side < 0) w--;
  }
  return w;
}
const lineHits = (l: P[], b: Bbox) => l.some((p) => inside(p, b)) || l.slice(1).some((p, i) => clips(l[i], p, b));
function polygonHits(rings: P[][], b: Bbox): boolean {
  if (rings.some((r) => lineHits(r, b))) return true;
  const centre = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
  return winding(centre, rings[0]) !== 0 && rings.slice(1).every((h) => winding(centre, h) === 0);
}
function oracle(g: Geometry, b: Bbox): boolean {
  switch (g.type) {
    case 'Point':
      return inside(g.coordinates, b);
    case 'MultiPoint':
      return g.coordinates.some((p) => inside(p, b));
    case 'LineString':
      return lineHits(g.coordinates, b);
    case 'MultiLineString':
      return g.coordinates.some((l) => lineHits(l, b));
    case 'Polygon':
      return polygonHits(g.coordinates, b);
    case 'MultiPolygon':
      return g.coordinates.some((p) => polygonHits(p, b));
    case 'GeometryCollection':
      return g.geometries.some((x) => oracle(x, b));
  }
}

const BOX: Bbox = [102.1, 14.7, 102.12, 14.72];
/** Hand-made cases around BOX, each named with whether it touches the box. */
const CASES: Array<[string, boolean, Geometry]> = [
  ['point inside', true, { type: 'Point', coordinates: [102.11, 14.71] }],
  ['point outside', false, { type: 'Point', coordinates: [102.13, 14.71] }],
  ['point on the edge', true, { type: 'Point', coordinates: [102.12, 14.71] }],
  ['line crossing with no vertex inside', true, { type: 'LineString', coordinates: [[102.09, 14.71], [102.13, 14.711]] }],
  ['line whose box overlaps but passes the corner', false, { type: 'LineString', coordinates: [[102.115, 14.73], [102.13, 14.715]] }],
  // A "C" around the box: its bounding box covers the query box, its shape does not touch it.
  [
    'C-shaped polygon around the box',
    false,
    {
      type: 'Polygon',
      coordinates: [[[102.09, 14.69], [102.13, 14.69], [102.13, 14.695], [102.095, 14.695], [102.095, 14.725], [102.13, 14.725], [102.13, 14.73], [102.09, 14.73], [102.09, 14.69]]],
    },
  ],
  ['polygon holding the whole box', true, { type: 'Polygon', coordinates: [[[102.0, 14.6], [102.2, 14.6], [102.2, 14.8], [102.0, 14.8], [102.0, 14.6]]] }],
  [
    'polygon with the box in its hole',
    false,
    {
      type: 'Polygon',
      coordinates: [
        [[102.0, 14.6], [102.2, 14.6], [102.2, 14.8], [102.0, 14.8], [102.0, 14.6]],
        [[102.05, 14.65], [102.05, 14.75], [102.15, 14.75], [102.15, 14.65], [102.05, 14.65]],
      ],
    },
  ],
  ['triangle poking in at one corner', true, { type: 'Polygon', coordinates: [[[102.115, 14.715], [102.14, 14.73], [102.13, 14.74], [102.115, 14.715]]] }],
];

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}
function randomGeometry(r: () => number): Geometry {
  const at = () => [102.08 + r() * 0.06, 14.68 + r() * 0.06];
  const kind = Math.floor(r() * 3);
  if (kind === 0) return { type: 'Point', coordinates: at() };
  if (kind === 1) return { type: 'LineString', coordinates: [at(), at(), at()] };
  const c = at();
  const s = 0.002 + r() * 0.01;
  return { type: 'Polygon', coordinates: [[[c[0], c[1]], [c[0] + s, c[1]], [c[0] + s / 2, c[1] + s], [c[0], c[1]]]] };
}

describe('GET /api/gis/layers/:slug/features', () => {
  it('returns exactly the features whose geometry intersects the bbox', async () => {
    const layer = await createLayer(app.strapi, { slug: 'bbox-cases' });
    const r = random(16);
    const stored = await addFeatures(app.strapi, layer.summary.slug, [...CASES.map(([, , geometry]) => ({ geometry })), ...Array.from({ length: 150 }, () => ({ geometry: randomGeometry(r) }))]);
    // The hand-made cases are what the oracle says they are (the oracle is checked too).
    CASES.forEach(([name, hits, g]) => expect([name, oracle(g, BOX)]).toEqual([name, hits]));

    const body = await geojson(await get(`/api/gis/layers/bbox-cases/features?bbox=${BOX.join(',')}`));
    const expected = stored.filter((f) => oracle(f.geometry, BOX)).map((f) => f.id);
    expect(body.features.map((f) => f.id)).toEqual(expected);
    expect(body.numberMatched).toBe(expected.length);
    expect(body.numberReturned).toBe(expected.length);
    // Both kinds of tricky case are there: a match the boxes alone would miss and a box-only false match.
    const ids = new Set(body.features.map((f) => f.id));
    expect(CASES.map(([name], i) => [name, ids.has(stored[i].id)])).toEqual(CASES.map(([name, hits]) => [name, hits]));
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(stored.length - 10);

    // Without a bbox: every feature, a page at a time, ordered by id.
    const page = await geojson(await get('/api/gis/layers/bbox-cases/features?limit=7&offset=5'));
    expect(page.features.map((f) => f.id)).toEqual(stored.slice(5, 12).map((f) => f.id));
    expect([page.numberMatched, page.numberReturned]).toEqual([stored.length, 7]);
    const bboxPage = await geojson(await get(`/api/gis/layers/bbox-cases/features?bbox=${BOX.join(',')}&limit=3&offset=2`));
    expect(bboxPage.features.map((f) => f.id)).toEqual(expected.slice(2, 5));
    expect([bboxPage.numberMatched, bboxPage.numberReturned]).toEqual([expected.length, 3]);
  });

  it('answers 304 to a matching ETag or date, and a new ETag after an edit', async () => {
    const layer = await createLayer(app.strapi, { slug: 'etag-layer' });
    const [f] = await addFeatures(app.strapi, layer.summary.slug, [{ geometry: { type: 'Point', coordinates: [102.1, 14.7] } }]);
    const first = await get('/api/gis/layers/etag-layer/features');
    await geojson(first);
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const modified = first.headers.get('last-modified') as string;
    expect(new Date(modified).getTime()).toBeGreaterThan(0);
    expect((await get('/api/gis/layers/etag-layer/features', { 'If-None-Match': etag })).status).toBe(304);
    expect((await get('/api/gis/layers/etag-layer/features', { 'If-Modified-Since': modified })).status).toBe(304);
    // Another query of the same layer has its own ETag.
    const other = await get('/api/gis/layers/etag-layer/features?limit=5');
    expect(other.headers.get('etag')).not.toBe(etag);

    const current = (await gisOf(app.strapi).layers.find('etag-layer', { publicOnly: false }))!;
    await gisOf(app.strapi).features.update(current, Number(f.id), { geometry: { type: 'Point', coordinates: [102.2, 14.8] } });
    const after = await get('/api/gis/layers/etag-layer/features', { 'If-None-Match': etag });
    const body = await geojson(after);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(body.features[0].geometry).toEqual({ type: 'Point', coordinates: [102.2, 14.8] });
  });

  it('hides internal layers and unknown slugs behind 404 layer_not_found', async () => {
    const hidden = await createLayer(app.strapi, { slug: 'internal-layer', isPublic: false });
    await addFeatures(app.strapi, hidden.summary.slug, [{ geometry: { type: 'Point', coordinates: [102.1, 14.7] } }]);
    for (const slug of ['internal-layer', 'no-such-layer']) {
      const res = await get(`/api/gis/layers/${slug}/features?locale=en`);
      expect(res.status).toBe(404);
      const body = (await res.json()) as { error: { message: string; details: { code: string } } };
      expect(body.error.details.code).toBe('layer_not_found');
      expect(body.error.message).toBe('No public map layer has this name');
    }
    const th = (await (await get('/api/gis/layers/internal-layer/features')).json()) as { error: { message: string } };
    expect(th.error.message).toBe('ไม่พบชั้นข้อมูลแผนที่นี้');
    const list = (await (await get('/api/gis/layers')).json()) as { data: Array<{ slug: string }> };
    expect(list.data.map((l) => l.slug)).not.toContain('internal-layer');
  });

  it('refuses a bad bbox, limit or offset with 400 naming the field', async () => {
    await createLayer(app.strapi, { slug: 'bad-query' });
    for (const bbox of ['1,2,3', 'a,b,c,d', '102.2,14.6,102.1,14.8', '102,14,181,15', '102,-91,103,15', '1,,2,3']) {
      const res = await get(`/api/gis/layers/bad-query/features?bbox=${encodeURIComponent(bbox)}&locale=en`);
      expect([bbox, res.status]).toEqual([bbox, 400]);
      const body = (await res.json()) as { error: { details: { errors: Array<{ path: string[]; code: string; message: string }> } } };
      expect(body.error.details.errors).toEqual([{ path: ['query', 'bbox'], code: 'invalid_bbox', message: expect.stringMatching(/minLon,minLat,maxLon,maxLat/), name: 'ValidationError' }]);
    }
    for (const q of ['limit=0', 'limit=5001', 'offset=-1', 'limit=abc']) expect([q, (await get(`/api/gis/layers/bad-query/features?${q}`)).status]).toEqual([q, 400]);
  });
});

describe('GET /api/gis/layers', () => {
  it('lists public layers and public providers in display order with counts and boxes', async () => {
    const a = await createLayer(app.strapi, { slug: 'list-b', nameTh: 'ข ถนน', displayOrder: 2, kind: 'line', attributes: [{ name: 'road_name', labelTh: 'ชื่อถนน', labelEn: 'Road name', type: 'text', required: true }] });
    await createLayer(app.strapi, { slug: 'list-a', nameTh: 'ก โรงเรียน', displayOrder: -5 });
    await addFeatures(app.strapi, a.summary.slug, [
      { geometry: { type: 'LineString', coordinates: [[102.1, 14.7], [102.15, 14.75]] }, properties: { road_name: 'ถนนสาย 1' } },
      { geometry: { type: 'LineString', coordinates: [[102.05, 14.72], [102.11, 14.71]] }, properties: { road_name: 'ถนนสาย 2' } },
    ]);
    const res = await get('/api/gis/layers');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('etag')).toBeTruthy();
    const { data } = (await res.json()) as { data: Array<Record<string, unknown>> };
    const slugs = data.map((l) => l.slug);
    expect(slugs.indexOf('list-a')).toBeLessThan(slugs.indexOf('list-b'));
    const b = data.find((l) => l.slug === 'list-b')!;
    expect(b).toEqual({
      slug: 'list-b',
      nameTh: 'ข ถนน',
      nameEn: 'Layer list-b',
      description: null,
      kind: 'line',
      style: { color: '#0b5d3b', lineWidth: 3, fillColor: '#0b5d3b', fillOpacity: 0.2, icon: 'dot' },
      featureCount: 2,
      bbox: [102.05, 14.7, 102.15, 14.75],
      attributes: [{ name: 'road_name', labelTh: 'ชื่อถนน', labelEn: 'Road name', type: 'text', required: true }],
      editable: true,
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    // Nothing private: no ids, no visibility flag, no revision.
    expect(Object.keys(data[0]).sort()).toEqual(['attributes', 'bbox', 'description', 'editable', 'featureCount', 'kind', 'nameEn', 'nameTh', 'slug', 'style', 'updatedAt']);
  });
});
