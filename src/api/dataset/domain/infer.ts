/**
 * Reading a spreadsheet's cells as typed values for the data store: Thai text, numbers written with
 * thousands separators, and dates in the Buddhist era (the way Thai offices write them). Pure: the
 * data-store service, its tests and the benchmark use it alike.
 */

/** The data store's field types, named as CKAN's DataStore names them. */
export type FieldType = 'int' | 'numeric' | 'date' | 'text';

export interface DataField {
  /** The column's name as the file gave it (trimmed; made unique): the key of every record. */
  id: string;
  type: FieldType;
}

export type Cell = string | number | null;

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const INTEGER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)$/;
// Integers beyond this lose precision as doubles and overflow a bigint column's safe range in JS.
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const THAI_MONTHS: Record<string, number> = {
  'ม.ค.': 1, มกราคม: 1, 'ก.พ.': 2, กุมภาพันธ์: 2, 'มี.ค.': 3, มีนาคม: 3, 'เม.ย.': 4, เมษายน: 4,
  'พ.ค.': 5, พฤษภาคม: 5, 'มิ.ย.': 6, มิถุนายน: 6, 'ก.ค.': 7, กรกฎาคม: 7, 'ส.ค.': 8, สิงหาคม: 8,
  'ก.ย.': 9, กันยายน: 9, 'ต.ค.': 10, ตุลาคม: 10, 'พ.ย.': 11, พฤศจิกายน: 11, 'ธ.ค.': 12, ธันวาคม: 12,
};

/** A number as written in a Thai office's sheet ("1,234.50"), or null when it is not one. */
export function parseNumber(text: string): number | null {
  const s = text.trim();
  if (!NUMBER.test(s)) return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) && Math.abs(n) <= MAX_SAFE ? n : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A Buddhist-era year (2400 and above) as the common era; a common-era year as it is. */
const commonEra = (year: number) => (year >= 2400 ? year - 543 : year);

function isoDate(year: number, month: number, day: number): string | null {
  const y = commonEra(year);
  if (y < 1800 || y > 2200 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(y, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${y}-${pad(month)}-${pad(day)}`;
}

/**
 * A date as ISO `YYYY-MM-DD`, or null: `2567-03-15` and `2024-03-15`, `15/3/2567` and `15-03-2024`
 * (day first, as Thai offices write), `15 มี.ค. 2567` and `15 มีนาคม 67` (a two-digit year is BE 25xx).
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})\s*([ก-๙.]+)\s*(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = THAI_MONTHS[m[2]];
    if (!month) return null;
    const year = m[3].length === 2 ? 2500 + Number(m[3]) : Number(m[3]);
    return isoDate(year, month, +m[1]);
  }
  return null;
}

/** One cell as the given type: null when empty or not of that type. */
export function readCell(text: string | undefined, type: FieldType): Cell {
  const s = (text ?? '').trim();
  if (!s) return null;
  if (type === 'text') return s;
  if (type === 'date') return parseDate(s);
  const n = parseNumber(s);
  if (n === null) return null;
  return type === 'int' ? Math.trunc(n) : n;
}

/** The narrowest type every non-empty cell of a column fits: int, then numeric, then date, else text. */
export function inferType(values: Iterable<string | undefined>): FieldType {
  let int = true;
  let numeric = true;
  let date = true;
  let seen = false;
  for (const raw of values) {
    const s = (raw ?? '').trim();
    if (!s) continue;
    seen = true;
    if (numeric && parseNumber(s) === null) numeric = int = false;
    else if (int && !INTEGER.test(s)) int = false;
    if (date && parseDate(s) === null) date = false;
    if (!numeric && !date) return 'text';
  }
  if (!seen) return 'text';
  if (int) return 'int';
  if (numeric) return 'numeric';
  return date ? 'date' : 'text';
}

/** Field names from a header row: trimmed, blanks named `column_N`, repeats given `_2`, `_3`. */
export function fieldNames(header: string[], width: number): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, i) => {
    const base = (header[i] ?? '').trim().slice(0, 120) || `column_${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/** The fields of a table: names from the header, each column's type from every row. */
export function inferFields(header: string[], rows: string[][]): DataField[] {
  const width = Math.max(header.length, ...rows.slice(0, 1000).map((r) => r.length));
  const names = fieldNames(header, width);
  return names.map((id, i) => ({ id, type: inferType(rows.map((r) => r[i])) }));
}
