import { normalizeGeometry, ringArea } from '../../../../../plugins/gis/server/src/formats';
import type { Geometry } from '../../../../../plugins/gis/server/src/public';

const ok = (g: unknown): Geometry => {
  const r = normalizeGeometry(g);
  if ('error' in r) throw new Error(`refused: ${r.error}`);
  return r;
};
const code = (g: unknown) => {
  const r = normalizeGeometry(g);
  return 'error' in r ? r.error : 'accepted';
};

// A clockwise square around Nok Ok, and a counter-clockwise hole inside it: both the wrong way round.
const CW = [[102.0, 14.7], [102.0, 14.8], [102.1, 14.8], [102.1, 14.7], [102.0, 14.7]];
const CCW_HOLE = [[102.02, 14.72], [102.04, 14.72], [102.04, 14.74], [102.02, 14.74], [102.02, 14.72]];

describe('normalizeGeometry', () => {
  it('accepts every RFC 7946 type and keeps [lon, lat] order', () => {
    expect(ok({ type: 'Point', coordinates: [102.02, 14.72] })).toEqual({ type: 'Point', coordinates: [102.02, 14.72] });
    expect(ok({ type: 'MultiPoint', coordinates: [[102, 14], [103, 15]] }).type).toBe('MultiPoint');
    expect(ok({ type: 'LineString', coordinates: [[102, 14], [103, 15]] }).type).toBe('LineString');
    expect(ok({ type: 'MultiLineString', coordinates: [[[102, 14], [103, 15]]] }).type).toBe('MultiLineString');
    expect(ok({ type: 'MultiPolygon', coordinates: [[CW]] }).type).toBe('MultiPolygon');
    expect(ok({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }] }).type).toBe('GeometryCollection');
  });

  it('rewinds polygons to the right-hand rule: outer counter-clockwise, holes clockwise', () => {
    expect(ringArea(CW)).toBeLessThan(0);
    expect(ringArea(CCW_HOLE)).toBeGreaterThan(0);
    const g = ok({ type: 'Polygon', coordinates: [CW, CCW_HOLE] });
    if (g.type !== 'Polygon') throw new Error('type');
    expect(ringArea(g.coordinates[0])).toBeGreaterThan(0);
    expect(ringArea(g.coordinates[1])).toBeLessThan(0);
    expect(g.coordinates[0]).toEqual([...CW].reverse());
    const multi = ok({ type: 'MultiPolygon', coordinates: [[CW, CCW_HOLE], [[...CW].reverse()]] });
    if (multi.type !== 'MultiPolygon') throw new Error('type');
    expect(multi.coordinates.map((p) => p.map((r) => Math.sign(ringArea(r))))).toEqual([[1, -1], [1]]);
  });

  it('closes an unclosed ring and makes the closing position identical to the first', () => {
    const g = ok({ type: 'Polygon', coordinates: [[[102, 14], [103, 14], [103, 15]]] });
    if (g.type !== 'Polygon') throw new Error('type');
    expect(g.coordinates[0]).toHaveLength(4);
    expect(g.coordinates[0][3]).toEqual(g.coordinates[0][0]);
    const z = ok({ type: 'Polygon', coordinates: [[[102, 14, 5], [103, 14, 5], [103, 15, 5], [102, 14, 7]]] });
    if (z.type !== 'Polygon') throw new Error('type');
    expect(z.coordinates[0][3]).toEqual([102, 14, 5]);
  });

  it('rounds to 7 decimals and drops values after the altitude', () => {
    expect(ok({ type: 'Point', coordinates: [102.123456789, 14.000000049, 180.5, 99] })).toEqual({ type: 'Point', coordinates: [102.1234568, 14, 180.5] });
    expect(ok({ type: 'Point', coordinates: [-0.00000001, 0] }).type).toBe('Point');
    expect(Object.is((ok({ type: 'Point', coordinates: [-0.00000001, 0] }) as { coordinates: number[] }).coordinates[0], -0)).toBe(false);
  });

  it('refuses with a code, never throws', () => {
    expect(code(null)).toBe('empty_geometry');
    expect(code({ type: 'Point', coordinates: [] })).toBe('empty_geometry');
    expect(code({ type: 'MultiPolygon', coordinates: [] })).toBe('empty_geometry');
    expect(code({ type: 'GeometryCollection', geometries: [] })).toBe('empty_geometry');
    expect(code('POINT (1 2)')).toBe('invalid_geometry');
    expect(code({ type: 'Point', coordinates: [1] })).toBe('invalid_geometry');
    expect(code({ type: 'Point', coordinates: ['102', 14] })).toBe('invalid_geometry');
    expect(code({ type: 'Point', coordinates: [Number.NaN, 14] })).toBe('invalid_geometry');
    expect(code({ type: 'Point', coordinates: [Infinity, 14] })).toBe('invalid_geometry');
    expect(code({ type: 'LineString', coordinates: [[102, 14]] })).toBe('invalid_geometry');
    expect(code({ type: 'Polygon', coordinates: [[[102, 14], [103, 14], [102, 14]]] })).toBe('invalid_geometry');
    expect(code({ type: 'Polygon', coordinates: [[[102, 14], [103, 14], [104, 14], [102, 14]]] })).toBe('invalid_geometry');
    expect(code({ type: 'Polygon', coordinates: [[102, 14]] })).toBe('invalid_geometry');
    expect(code({ coordinates: [1, 2] })).toBe('invalid_geometry');
    expect(code({ type: 'Point', coordinates: [824000, 1629000] })).toBe('out_of_range');
    expect(code({ type: 'Point', coordinates: [181, 0] })).toBe('out_of_range');
    expect(code({ type: 'Point', coordinates: [0, -90.5] })).toBe('out_of_range');
    expect(code({ type: 'Circle', coordinates: [1, 2] })).toBe('unsupported_geometry');
    expect(code({ type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }] }] })).toBe('unsupported_geometry');
    expect(code({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'Point', coordinates: [1, 200] }] })).toBe('out_of_range');
  });

  it('does not change its input', () => {
    const input = { type: 'Polygon', coordinates: [CW.map((p) => [...p])] };
    const copy = JSON.parse(JSON.stringify(input));
    ok(input);
    expect(input).toEqual(copy);
  });
});
