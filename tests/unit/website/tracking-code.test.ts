import fs from 'fs';
import path from 'path';
import { TRACKING_CODE } from '../../../website/src/tracking-code';
import { newTrackingCode, TRACKING_CODE_PATTERN } from '../../../src/api/complaint/domain/tracking-code';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const CODE = /\b[A-Z]{2}-\d{4}-[A-Z0-9]{5}\b/g;

/** The example codes citizens and integrators are shown: the /track hints in both languages and the README. */
const examples = () => {
  const found: Array<[string, string]> = [];
  for (const lang of ['th', 'en']) {
    const texts = JSON.parse(read(`website/translations/${lang}.json`)) as Record<string, string>;
    for (const key of ['track.codeHint', 'track.invalid']) for (const code of texts[key].match(CODE) ?? []) found.push([`${lang}:${key}`, code]);
  }
  for (const code of read('README.md').match(CODE) ?? []) found.push(['README', code]);
  return found;
};

describe('the example tracking code', () => {
  it('is shown on /track in both languages and in the README', () => {
    const where = new Set(examples().map(([w]) => w));
    expect([...where].sort()).toEqual(['README', 'en:track.codeHint', 'en:track.invalid', 'th:track.codeHint', 'th:track.invalid']);
  });

  it('has the shape of a real code: NK (complaint) or ES (e-service request), a recent Buddhist-era year and a month, five characters of the generator\'s alphabet', () => {
    const thisYearBE = new Date().getUTCFullYear() + 543;
    for (const [where, code] of examples()) {
      expect({ where, code, website: TRACKING_CODE.test(code), server: TRACKING_CODE_PATTERN.test(code) }).toEqual({ where, code, website: true, server: true });
      const [, prefix, yy, mm] = /^([A-Z]{2})-(\d\d)(\d\d)-/.exec(code)!;
      expect({ where, prefix, known: ['NK', 'ES'].includes(prefix) }).toEqual({ where, prefix, known: true });
      // The generator writes the last two digits of the Buddhist-era year (2569 → 69), never the Christian one (2026 → 26).
      const yearBE = 2500 + Number(yy);
      expect({ where, code, recent: yearBE >= 2567 && yearBE <= thisYearBE + 1 }).toEqual({ where, code, recent: true });
      const month = Number(mm);
      expect(month).toBeGreaterThanOrEqual(1);
      expect(month).toBeLessThanOrEqual(12);
      // What the generator itself issues in that month (mid-month, Bangkok) starts the same way.
      expect(newTrackingCode(new Date(Date.UTC(yearBE - 543, month - 1, 15)), prefix).slice(0, 8)).toBe(code.slice(0, 8));
    }
  });
});

describe('the tracking code pattern', () => {
  it('accepts every code the generator issues and no character the generator leaves out as easy to mishear', () => {
    for (let i = 0; i < 500; i++) {
      const code = newTrackingCode(new Date(Date.UTC(2026, i % 12, 15)), i % 2 ? 'NK' : 'ES');
      expect(TRACKING_CODE_PATTERN.test(code)).toBe(true);
      expect(TRACKING_CODE.test(code)).toBe(true);
    }
    for (const ambiguous of ['0', '1', 'O', 'I', 'L', 'U']) expect(TRACKING_CODE.test(`NK-6911-7KQ3${ambiguous}`)).toBe(false);
    expect(TRACKING_CODE.source).toBe(TRACKING_CODE_PATTERN.source);
  });
});
