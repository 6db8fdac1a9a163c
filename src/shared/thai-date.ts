/**
 * Dates as Thai staff write them, read in one place for every import and form: `1/12/2569`,
 * `01-12-2569`, `2569-12-01`, `1 ธ.ค. 69`, `1 ธันวาคม 2569`, `1 ธันวาคม พ.ศ. 2569`, and Christian-era
 * dates (`2026-12-01`, `1/12/2026`, `1 Dec 2026`), optionally followed by a time (`10:15`, `10:15:30`).
 *
 * The era is decided by the year, never guessed from the form: a year of 2400 or more is Buddhist
 * era (543 years ahead), anything smaller is Christian era; two digits after a Thai month name are
 * Buddhist era 25xx, as in `1 ธ.ค. 69`. Numbers are day, month, year (never the American month
 * first); two-digit years elsewhere are refused, as they could be either era. Thai digits (๑๒) count.
 *
 * A wrong year still parses (3112 is a valid Buddhist year), so financial imports also ask
 * `isFarFromToday`: a date more than a year away is refused unless staff confirm it.
 */

/** A date in the Christian era, `YYYY-MM-DD`, and its time of day, `HH:MM:SS`, when one was written. */
export interface ParsedDate {
  date: string;
  time: string | null;
}

export type DateLanguage = 'th' | 'en';

const BE_OFFSET = 543;
/** From this year on a year is Buddhist era: no Christian year this far ahead is meant in a town's records. */
export const BUDDHIST_FROM = 2400;

const TH_FULL = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const TH_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const EN_FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month names without dots and spaces → month number and whether the name is Thai. */
const MONTHS = new Map<string, { month: number; thai: boolean }>();
const squash = (s: string) => s.replace(/[.\s]/g, '').toLowerCase();
TH_FULL.forEach((n, i) => MONTHS.set(squash(n), { month: i + 1, thai: true }));
TH_SHORT.forEach((n, i) => MONTHS.set(squash(n), { month: i + 1, thai: true }));
EN_FULL.forEach((n, i) => MONTHS.set(n, { month: i + 1, thai: false }));
EN_SHORT.forEach((n, i) => MONTHS.set(n.toLowerCase(), { month: i + 1, thai: false }));
MONTHS.set('sept', { month: 9, thai: false });

const THAI_DIGITS = /[๐-๙]/g;
const toAscii = (s: string) => s.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));

const TIME = /^(.*?)(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*น\.?)?$/;
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const NAMED = /^(\d{1,2})\s*([\u0E00-\u0E4Fa-zA-Z][\u0E00-\u0E4Fa-zA-Z.]*?)\s*(?:(พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)\s*)?(\d{2}|\d{4})$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The Christian year of a four-digit year by the era rule, or null when an era marker contradicts it. */
function christianYear(year: number, marker: 'be' | 'ce' | null): number | null {
  const buddhist = year >= BUDDHIST_FROM;
  if ((marker === 'be' && !buddhist) || (marker === 'ce' && buddhist)) return null;
  return buddhist ? year - BE_OFFSET : year;
}

/** The date (and time) written in `raw`, in the Christian era; null when it is not one. */
export function parseThaiDate(raw: string | null | undefined): ParsedDate | null {
  let s = toAscii(String(raw ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) return null;

  let time: string | null = null;
  const t = TIME.exec(s);
  if (t) {
    const [h, m, sec] = [Number(t[2]), Number(t[3]), Number(t[4] ?? 0)];
    if (h > 23 || m > 59 || sec > 59) return null;
    time = `${pad(h)}:${pad(m)}:${pad(sec)}`;
    s = t[1].trim();
  }

  let year: number | null;
  let month: number;
  let day: number;
  let match: RegExpExecArray | null;
  if ((match = ISO.exec(s))) {
    [day, month] = [Number(match[3]), Number(match[2])];
    year = christianYear(Number(match[1]), null);
  } else if ((match = DMY.exec(s))) {
    [day, month] = [Number(match[1]), Number(match[2])];
    year = christianYear(Number(match[3]), null);
  } else if ((match = NAMED.exec(s))) {
    const name = MONTHS.get(squash(match[2]));
    if (!name) return null;
    [day, month] = [Number(match[1]), name.month];
    const marker = match[3] ? (match[3].startsWith('พ') ? 'be' : 'ce') : null;
    if (match[4].length === 2) {
      // `1 ธ.ค. 69` is 2569: Thai writing shortens the Buddhist year. Elsewhere two digits are either era.
      if (!name.thai || marker === 'ce') return null;
      year = 2500 + Number(match[4]) - BE_OFFSET;
    } else year = christianYear(Number(match[4]), marker);
  } else return null;

  if (year === null) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over into March: a date that does not come back as written does not exist.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, time };
}

/** `2026-12-01` → `1 ธ.ค. 2569` (Thai, Buddhist era) or `1 Dec 2026`; a time, when given, follows as `10:15`. */
export function formatThaiDate(date: string, lang: DateLanguage = 'th', time?: string | null): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = lang === 'th' ? `${d} ${TH_SHORT[m - 1]} ${y + BE_OFFSET}` : `${d} ${EN_SHORT[m - 1]} ${y}`;
  return time ? `${day} ${time.slice(0, 5)}` : day;
}

/**
 * Today's date in Bangkok, `YYYY-MM-DD`, whatever the clock's time zone: Thailand keeps UTC+7 all
 * year (no daylight saving), so the offset is fixed.
 */
export function bangkokToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The instant of a date and time in Bangkok (midnight when no time was written). */
export function bangkokInstant({ date, time }: ParsedDate): Date {
  return new Date(`${date}T${time ?? '00:00:00'}+07:00`);
}

/**
 * True when `date` is more than a year before or after `today` (both `YYYY-MM-DD`): in a town's
 * payments and bills that is far more often a wrong era (2569 typed as a Christian year, 3112 for
 * 2569) than a real date, so staff must confirm it.
 */
export function isFarFromToday(date: string, today: string): boolean {
  const [y, m, d] = today.split('-').map(Number);
  const before = new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
  const after = new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
  return date < before || date > after;
}
