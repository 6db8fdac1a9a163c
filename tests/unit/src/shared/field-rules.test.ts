import * as z from 'zod/mini';
import { MAX_DEPTH, check, tooDeep } from '../../../../src/shared/field-rules';

const nested = (n: number): unknown => JSON.parse('['.repeat(n) + ']'.repeat(n));

describe('tooDeep', () => {
  it('lets through the nesting real inputs have (a GeoJSON multipolygon, an address) and stops one level past the limit', () => {
    expect(tooDeep({ data: { geometry: { type: 'MultiPolygon', coordinates: [[[[102.1, 14.7]]]] } } })).toBe(false);
    expect(tooDeep({ data: { answers: { address: { province: 'นครราชสีมา' } } } })).toBe(false);
    expect(tooDeep(nested(MAX_DEPTH))).toBe(false);
    expect(tooDeep(nested(MAX_DEPTH + 1))).toBe(true);
    expect(tooDeep('text')).toBe(false);
    expect(tooDeep(null)).toBe(false);
  });

  it('follows objects and arrays alike, without recursion (a body of 100,000 brackets)', () => {
    let o: Record<string, unknown> = {};
    const root = o;
    for (let i = 0; i < 100; i++) o = (o.next = {});
    expect(tooDeep(root)).toBe(true);
    expect(tooDeep(nested(100_000))).toBe(true);
  });
});

describe('check', () => {
  it('refuses a body nested thousands deep as malformed, where zod alone runs out of stack writing its message', () => {
    const schema = z.object({ location: z.object({ lat: z.number() }) });
    expect(check(schema, { location: nested(5000) })).toEqual({ issues: [{ path: [], code: 'malformed_body' }] });
    expect(check(schema, { location: [] }).issues?.[0]).toEqual({ path: ['location'], code: 'invalid_type' });
  });
});
