import { looksLikeHeader, matchColumns, missingFields, type ImportField } from '../../../../plugins/spreadsheet-import/server/src/public';
import th from '../../../../plugins/spreadsheet-import/server/src/messages/th.json';
import en from '../../../../plugins/spreadsheet-import/server/src/messages/en.json';
import { messagesOf, type MessageCode } from '../../../../plugins/spreadsheet-import/server/src/messages';
import { cleanMapping, positionalMapping } from '../../../../plugins/spreadsheet-import/server/src/columns';
import targetsService from '../../../../plugins/spreadsheet-import/server/src/services/targets';

const FIELDS: ImportField[] = [
  { key: 'code', th: 'รหัส', en: 'Code', required: true, aliases: ['id'] },
  { key: 'name', th: 'ชื่อ', en: 'Name', required: true },
  { key: 'note', th: 'หมายเหตุ', en: 'Note' },
];

describe('spreadsheet-import: columns', () => {
  it('matches headers by key, Thai or English label, or alias, ignoring case, spaces and underscores; a column serves one field', () => {
    expect(matchColumns(FIELDS, ['NAME', 'หมายเหตุ', 'i_d', 'code'])).toEqual({ name: 0, note: 1, code: 2 });
    expect(matchColumns(FIELDS, ['x', 'y'])).toEqual({});
  });

  it('takes a first row as a header only when a cell names a field', () => {
    expect(looksLikeHeader(FIELDS, ['Code', 'Name'])).toBe(true);
    expect(looksLikeHeader(FIELDS, ['A-1', 'สมชาย'])).toBe(false);
    expect(positionalMapping(FIELDS, 2)).toEqual({ code: 0, name: 1 });
  });

  it('keeps only known fields mapped to existing columns, and names the required ones left', () => {
    expect(cleanMapping(FIELDS, 3, { code: 0, name: 7, note: 1.5, other: 1 })).toEqual({ code: 0 });
    expect(cleanMapping(FIELDS, 3, 'nonsense')).toEqual({});
    expect(missingFields(FIELDS, { code: 0 })).toEqual(['name']);
  });
});

describe('spreadsheet-import: target registry', () => {
  const target = { id: 'things', label: { th: 'สิ่งของ', en: 'Things' }, summary: { th: '{total}', en: '{total}' }, fields: FIELDS, checkRow: () => ({ issues: [] }), run: () => Promise.resolve({ total: 0, counts: {}, failed: [] }) };

  it('refuses bad ids, duplicates and registrations after bootstrap', () => {
    const registry = targetsService();
    registry.register(target);
    expect(() => registry.register(target)).toThrow(/twice/);
    expect(() => registry.register({ ...target, id: 'Bad_Id' })).toThrow(/lower case/);
    expect(() => registry.register({ ...target, id: 'dupes', fields: [FIELDS[0], FIELDS[0]] })).toThrow(/distinct/);
    registry.seal();
    expect(() => registry.register({ ...target, id: 'late' })).toThrow(/register\(\)/);
    expect(registry.list().map((t) => t.id)).toEqual(['things']);
  });

  it('lists a user only the targets whose permission they hold, described without functions', () => {
    const registry = targetsService();
    registry.register(target);
    registry.register({ ...target, id: 'others' });
    expect(registry.permitted({ can: (a: string) => a === 'plugin::spreadsheet-import.others' }).map((t) => t.id)).toEqual(['others']);
    expect(registry.permitted(undefined)).toEqual([]);
    expect(registry.describe(target)).toEqual({
      id: 'things',
      label: target.label,
      description: null,
      headerRow: 'required',
      summary: target.summary,
      fields: [
        { key: 'code', th: 'รหัส', en: 'Code', required: true },
        { key: 'name', th: 'ชื่อ', en: 'Name', required: true },
        { key: 'note', th: 'หมายเหตุ', en: 'Note', required: false },
      ],
    });
  });
});

describe('spreadsheet-import: messages', () => {
  it('words every refusal code in Thai and in English, with the same placeholders, never the two joined', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(th).sort()).toEqual(Object.keys(en).sort());
    for (const code of Object.keys(th) as MessageCode[]) {
      expect(placeholders(th[code])).toEqual(placeholders(en[code]));
      expect(th[code]).toMatch(/[\u0E00-\u0E7F]/);
      expect(en[code]).not.toMatch(/[\u0E00-\u0E7F]/);
    }
    expect(messagesOf('file.malformed_csv', { line: 7 })).toEqual({ th: expect.stringContaining('บรรทัด 7'), en: expect.stringContaining('line 7') });
  });
});
