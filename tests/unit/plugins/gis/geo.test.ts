import { bboxOf, geometryFitsKind, intersectsBbox, parseBbox, segmentsIntersect } from '../../../../plugins/gis/server/src/geo/bbox';
import type { Bbox, Geometry } from '../../../../plugins/gis/server/src/public';

const BOX: Bbox = [0, 0, 10, 10];
const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('bboxOf', () => {
  it('spans every position of every part', () => {
    expect(bboxOf({ type: 'Point', coordinates: [102.1, 14.7] })).toEqual([102.1, 14.7, 102.1, 14.7]);
    expect(bboxOf({ type: 'MultiPolygon', coordinates: [[square(1, 2, 3, 4)], [square(-5, 0, -4, 9)]] })).toEqual([-5, 0, 3, 9]);
    expect(
      bboxOf({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [7, -1] },
          { type: 'LineString', coordinates: [[0, 0], [2, 3]] },
        ],
      })
    ).toEqual([0, -1, 7, 3]);
    expect(bboxOf({ type: 'GeometryCollection', geometries: [] })).toBeNull();
  });
});

describe('intersectsBbox', () => {
  const cases: Array<[string, Geometry, boolean]> = [
    ['point inside', { type: 'Point', coordinates: [5, 5] }, true],
    ['point on a corner', { type: 'Point', coordinates: [10, 10] }, true],
    ['point outside', { type: 'Point', coordinates: [10.0001, 5] }, false],
    ['line crossing without a vertex inside', { type: 'LineString', coordinates: [[-5, 5], [15, 6]] }, true],
    ['line passing a corner outside', { type: 'LineString', coordinates: [[8, 13], [13, 8]] }, false],
    ['line touching a corner', { type: 'LineString', coordinates: [[8, 12], [12, 8]] }, true],
    ['line along an edge outside the box', { type: 'LineString', coordinates: [[11, 0], [20, 0]] }, false],
    ['polygon holding the box', { type: 'Polygon', coordinates: [square(-10, -10, 20, 20)] }, true],
    ['polygon with the box in its hole', { type: 'Polygon', coordinates: [square(-10, -10, 20, 20), square(-5, -5, 15, 15).reverse()] }, false],
    [
      'C-shaped polygon around the box',
      { type: 'Polygon', coordinates: [[[-2, -2], [12, -2], [12, -1], [-1, -1], [-1, 11], [12, 11], [12, 12], [-2, 12], [-2, -2]]] },
      false,
    ],
    ['polygon inside the box', { type: 'Polygon', coordinates: [square(2, 2, 3, 3)] }, true],
    ['multipolygon with one part in', { type: 'MultiPolygon', coordinates: [[square(20, 20, 30, 30)], [square(9, 9, 11, 11)]] }, true],
    ['collection with a part in', { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [50, 50] }, { type: 'Point', coordinates: [1, 1] }] }, true],
  ];
  it.each(cases)('%s', (_name, g, expected) => expect(intersectsBbox(g, BOX)).toBe(expected));

  it('agrees with sampling on random segments', () => {
    let seed = 7;
    const r = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 30 - 10;
    for (let i = 0; i < 500; i++) {
      const a = [r(), r()];
      const b = [r(), r()];
      // A dense walk along the segment: if any sample is in the box the exact test must say yes.
      let sampled = false;
      for (let t = 0; t <= 1; t += 1 / 2000) {
        const x = a[0] + (b[0] - a[0]) * t;
        const y = a[1] + (b[1] - a[1]) * t;
        if (x >= 0 && x <= 10 && y >= 0 && y <= 10) sampled = true;
      }
      const exact = intersectsBbox({ type: 'LineString', coordinates: [a, b] }, BOX);
      if (sampled) expect(exact).toBe(true);
    }
  });
});

describe('segmentsIntersect', () => {
  it('counts touching and collinear overlap', () => {
    expect(segmentsIntersect([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [1, 0], [1, 0], [2, 5])).toBe(true);
    expect(segmentsIntersect([0, 0], [2, 0], [1, 0], [3, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [1, 0], [2, 0], [3, 0])).toBe(false);
  });
});

describe('parseBbox', () => {
  it('takes four numbers in range with min not above max', () => {
    expect(parseBbox('102.0,14.6,102.2,14.8')).toEqual([102.0, 14.6, 102.2, 14.8]);
    for (const bad of ['1,2,3', '1,2,3,4,5', 'a,2,3,4', '3,2,1,4', '1,4,3,2', '-181,0,0,1', '0,0,1,91', '1,,2,3']) expect([bad, parseBbox(bad)]).toEqual([bad, null]);
  });
});

describe('geometryFitsKind', () => {
  it('matches a layer kind; mixed takes anything', () => {
    const point: Geometry = { type: 'MultiPoint', coordinates: [[0, 0]] };
    const line: Geometry = { type: 'LineString', coordinates: [[0, 0], [1, 1]] };
    expect([geometryFitsKind(point, 'point'), geometryFitsKind(point, 'line'), geometryFitsKind(line, 'line'), geometryFitsKind(line, 'polygon'), geometryFitsKind(line, 'mixed')]).toEqual([true, false, true, false, true]);
  });
});
