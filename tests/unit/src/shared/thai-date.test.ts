import { bangkokInstant, bangkokToday, formatThaiDate, isFarFromToday, parseThaiDate } from '../../../../src/shared/thai-date';

const date = (raw: string) => parseThaiDate(raw)?.date ?? null;

describe('parseThaiDate (every staff import reads dates through it)', () => {
  it.each([
    ['1/12/2569'],
    ['01/12/2569'],
    ['01-12-2569'],
    ['1.12.2569'],
    ['2569-12-01'],
    ['2569/12/01'],
    ['1 ธ.ค. 69'],
    ['1 ธ.ค. 2569'],
    ['1 ธค 69'],
    ['1ธ.ค.69'],
    ['1 ธันวาคม 2569'],
    ['1 ธันวาคม พ.ศ. 2569'],
    ['๑ ธ.ค. ๒๕๖๙'],
    ['๑/๑๒/๒๕๖๙'],
    ['2026-12-01'],
    ['1/12/2026'],
    ['01-12-2026'],
    ['1 Dec 2026'],
    ['1 December 2026'],
    ['1 ธ.ค. ค.ศ. 2026'],
    ['  1/12/2569  '],
  ])('reads %s as 1 December 2026', (raw) => {
    expect(parseThaiDate(raw)).toEqual({ date: '2026-12-01', time: null });
  });

  it('decides the era by the year alone: 2400 and later is Buddhist era', () => {
    expect(date('3112-12-01')).toBe('2569-12-01'); // a Buddhist year: the far-date check is what catches it
    expect(date('2399-01-01')).toBe('2399-01-01');
    expect(date('2400-01-01')).toBe('1857-01-01');
    expect(date('30/04/2569')).toBe('2026-04-30');
    expect(date('29/02/2567')).toBe('2024-02-29'); // 2567 BE is 2024, a leap year
  });

  it('keeps a time of day written after the date', () => {
    expect(parseThaiDate('2026-12-01 10:15')).toEqual({ date: '2026-12-01', time: '10:15:00' });
    expect(parseThaiDate('2026-12-01T10:15:30')).toEqual({ date: '2026-12-01', time: '10:15:30' });
    expect(parseThaiDate('01/12/2569 09:05')).toEqual({ date: '2026-12-01', time: '09:05:00' });
    expect(parseThaiDate('1 ธ.ค. 69 10:15 น.')).toEqual({ date: '2026-12-01', time: '10:15:00' });
    expect(parseThaiDate('2026-12-01 24:00')).toBeNull();
  });

  it.each([
    ['31/02/2569'], // no 31 February
    ['29/02/2568'], // 2568 BE is 2025: not a leap year
    ['2569-13-01'], // no month 13
    ['00/12/2569'],
    [''],
    ['   '],
    ['yesterday'],
    ['garbage 12 ab'],
    ['12/2569'],
    ['1/12/69'], // two digits without a Thai month: either era
    ['1 Dec 26'],
    ['1 ธ.ค. ค.ศ. 69'],
    ['1 ธันวาคม พ.ศ. 2026'], // the marker and the year disagree
    ['1 ค.ศ. 2569'],
    ['1 ธันวา 2569'],
    ['12/01/2026x'],
  ])('refuses %j', (raw) => {
    expect(parseThaiDate(raw)).toBeNull();
  });

  it('refuses what is not text', () => {
    expect(parseThaiDate(null)).toBeNull();
    expect(parseThaiDate(undefined)).toBeNull();
  });
});

describe('formatThaiDate (what the preview shows back)', () => {
  it('writes the Thai short month and the Buddhist year, or English', () => {
    expect(formatThaiDate('2026-12-01')).toBe('1 ธ.ค. 2569');
    expect(formatThaiDate('2569-12-01')).toBe('1 ธ.ค. 3112');
    expect(formatThaiDate('2026-04-30', 'en')).toBe('30 Apr 2026');
    expect(formatThaiDate('2026-12-01', 'th', '10:15:00')).toBe('1 ธ.ค. 2569 10:15');
  });
});

describe('Bangkok time and dates far from today', () => {
  it("takes today in Bangkok, whatever the machine's time zone", () => {
    expect(bangkokToday(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
    expect(bangkokToday(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11-30');
    expect(bangkokInstant({ date: '2026-12-01', time: null }).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(bangkokInstant({ date: '2026-12-01', time: '10:15:00' }).toISOString()).toBe('2026-12-01T03:15:00.000Z');
  });

  it('calls a date far when it is more than a year before or after today', () => {
    const today = '2026-12-01';
    expect(isFarFromToday('2026-12-01', today)).toBe(false);
    expect(isFarFromToday('2027-12-01', today)).toBe(false);
    expect(isFarFromToday('2025-12-01', today)).toBe(false);
    expect(isFarFromToday('2027-12-02', today)).toBe(true);
    expect(isFarFromToday('2025-11-30', today)).toBe(true);
    expect(isFarFromToday('2569-12-01', today)).toBe(true);
    expect(isFarFromToday('1483-12-01', today)).toBe(true);
  });
});
