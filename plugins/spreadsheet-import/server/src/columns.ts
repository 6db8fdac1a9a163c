import type { ColumnMapping, ImportField } from './types';

/** How header words are compared: lower case, no spaces or underscores. */
export const squash = (s: string) => String(s ?? '').toLowerCase().replace(/[\s_]/g, '');

const namesOf = (f: ImportField) => new Set([f.key, f.th, f.en, ...(f.aliases ?? [])].map(squash));

/** Each field's column, found by its key, labels or aliases; a column serves one field, first come. */
export function matchColumns(fields: ImportField[], headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const f of fields) {
    const names = namesOf(f);
    const i = headers.findIndex((h, idx) => !taken.has(idx) && names.has(squash(h)));
    if (i >= 0) {
      mapping[f.key] = i;
      taken.add(i);
    }
  }
  return mapping;
}

/** A first row is a header when one of its cells names a field. */
export const looksLikeHeader = (fields: ImportField[], row: string[]) => Object.keys(matchColumns(fields, row)).length > 0;

/** Columns in the order of the fields: for files without a header row. */
export const positionalMapping = (fields: ImportField[], width: number): ColumnMapping =>
  Object.fromEntries(fields.slice(0, width).map((f, i) => [f.key, i]));

/** Only known fields, each to a column that exists; anything else a caller sends is dropped. */
export function cleanMapping(fields: ImportField[], width: number, mapping: unknown): ColumnMapping {
  const out: ColumnMapping = {};
  if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) return out;
  for (const [key, col] of Object.entries(mapping as Record<string, unknown>)) {
    if (fields.some((f) => f.key === key) && Number.isInteger(col) && (col as number) >= 0 && (col as number) < width) out[key] = col as number;
  }
  return out;
}

/** The required fields that have no column. */
export const missingFields = (fields: ImportField[], mapping: ColumnMapping) => fields.filter((f) => f.required && mapping[f.key] === undefined).map((f) => f.key);
