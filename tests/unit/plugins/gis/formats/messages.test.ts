import en from '../../../../../plugins/gis/server/src/formats/messages/en.json';
import th from '../../../../../plugins/gis/server/src/formats/messages/th.json';
import { FORMAT_CODES, formatMessage } from '../../../../../plugins/gis/server/src/formats';

describe('messages', () => {
  it('has a Thai and an English message for every file error and reject code', () => {
    const codes = ['invalid_geometry', 'unsupported_geometry', 'out_of_range', 'empty_geometry', 'unknown_crs', 'unsupported_format', 'unreadable_file', 'missing_part', 'too_large'];
    expect(Object.keys(th).sort()).toEqual([...codes].sort());
    expect(Object.keys(en).sort()).toEqual([...codes].sort());
    expect([...FORMAT_CODES].sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(formatMessage(code)).toMatch(/[\u0E00-\u0E7F]/); // Thai by default
      expect(formatMessage(code, 'en')).toMatch(/^[\x20-\x7E]+$/);
    }
    expect(formatMessage('something_else', 'en')).toBe(en.unreadable_file);
  });
});
