import { fieldNames, inferFields, inferType, parseDate, parseNumber, readCell } from '../../../../../src/api/dataset/domain/infer';
import { TableQueryError, queryRows } from '../../../../../src/api/dataset/domain/table-query';

describe('numbers as Thai offices write them', () => {
  it.each([
    ['1,245', 1245],
    ['13,500,000.50', 13500000.5],
    ['-12', -12],
    [' 7 ', 7],
    ['0.25', 0.25],
  ])('%s is %p', (text, n) => expect(parseNumber(text)).toBe(n));
  it.each(['1,24', '12,3456', '1.2.3', 'หนึ่ง', '', '1e5', '99999999999999999999'])('%s is not a number', (text) => expect(parseNumber(text)).toBeNull());
});

describe('dates, Buddhist era included', () => {
  it.each([
    ['2567-03-15', '2024-03-15'],
    ['2024-03-15', '2024-03-15'],
    ['15/03/2567', '2024-03-15'],
    ['5/3/2024', '2024-03-05'],
    ['15-03-2567', '2024-03-15'],
    ['1 เม.ย. 2567', '2024-04-01'],
    ['1 เมษายน 2567', '2024-04-01'],
    ['31 ธ.ค. 67', '2024-12-31'],
    ['2024-03-15 08:30', '2024-03-15'],
  ])('%s is %s', (text, iso) => expect(parseDate(text)).toBe(iso));
  it.each(['31/02/2567', '15/13/2567', '1 เมย 2567', '2567', 'พรุ่งนี้', '15/03/67'])('%s is not a date', (text) => expect(parseDate(text)).toBeNull());
});

describe('column types', () => {
  it('takes the narrowest type every non-empty cell fits', () => {
    expect(inferType(['1', '2,000', ''])).toBe('int');
    expect(inferType(['1', '2.5'])).toBe('numeric');
    expect(inferType(['15/03/2567', '2024-01-02'])).toBe('date');
    expect(inferType(['1', 'บ้านนกออก'])).toBe('text');
    expect(inferType(['', ' '])).toBe('text');
  });

  it('names fields from the header, blanks and repeats made unique', () => {
    expect(fieldNames([' หมู่ที่ ', '', 'ชื่อ', 'ชื่อ'], 5)).toEqual(['หมู่ที่', 'column_2', 'ชื่อ', 'ชื่อ_2', 'column_5']);
    expect(inferFields(['a', 'b'], [['1', 'x', 'extra']])).toEqual([
      { id: 'a', type: 'int' },
      { id: 'b', type: 'text' },
      { id: 'column_3', type: 'text' },
    ]);
  });

  it('reads a cell as its column type', () => {
    expect(readCell('1,245', 'int')).toBe(1245);
    expect(readCell('1 ม.ค. 2568', 'date')).toBe('2025-01-01');
    expect(readCell('  ', 'text')).toBeNull();
    expect(readCell('x', 'numeric')).toBeNull();
  });
});

describe('searching a live table in memory', () => {
  const fields = [
    { id: 'month', type: 'text' as const },
    { id: 'received', type: 'int' as const },
  ];
  const rows = [
    { month: '2026-01', received: 4 },
    { month: '2026-02', received: 9 },
    { month: '2026-03', received: 4 },
  ];
  it('filters, searches, sorts and pages like the data store', () => {
    expect(queryRows(fields, rows, { filters: { received: '4' }, limit: 10, offset: 0 }).records.map((r) => r.month)).toEqual(['2026-01', '2026-03']);
    expect(queryRows(fields, rows, { q: '2026-02', limit: 10, offset: 0 }).total).toBe(1);
    expect(queryRows(fields, rows, { q: '9', limit: 10, offset: 0 }).records.map((r) => r.month)).toEqual(['2026-02']);
    const page = queryRows(fields, rows, { sort: 'received desc, month asc', limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: 3, records: [{ _id: 1, month: '2026-01' }, { _id: 3, month: '2026-03' }] });
  });
  it('names the field it cannot use', () => {
    expect(() => queryRows(fields, rows, { filters: { nope: 1 }, limit: 1, offset: 0 })).toThrow(new TableQueryError('unknown_field', 'nope'));
    expect(() => queryRows(fields, rows, { sort: 'nope', limit: 1, offset: 0 })).toThrow(TableQueryError);
    expect(() => queryRows(fields, rows, { filters: { received: 'many' }, limit: 1, offset: 0 })).toThrow(TableQueryError);
    expect(() => queryRows(fields, rows, { filters: { received: { $gt: 1 } }, limit: 1, offset: 0 })).toThrow(TableQueryError);
  });
});
