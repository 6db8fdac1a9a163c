import type { Cell, DataField } from './infer';

/**
 * Writing a table's rows for download: CSV that Thai Excel opens as UTF-8 (a byte-order mark first,
 * CRLF lines, RFC 4180 quoting), and the JSON of CKAN's datastore (`fields`, `records`). Pure.
 */

/** Excel reads a CSV as the machine's code page (TIS-620 in Thailand) unless it starts with a UTF-8 BOM. */
export const BOM = '\ufeff';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** One cell as written in the file (the data as published: nothing is prefixed or changed). */
export function csvCell(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: Array<Cell | undefined>) => `${cells.map(csvCell).join(',')}\r\n`;

/** The header line (with the BOM) of a table's CSV. */
export const csvHeader = (fields: DataField[]) => BOM + csvLine(fields.map((f) => f.id));

/** The lines of a page of records, in the fields' order. */
export const csvRows = (fields: DataField[], records: Array<Record<string, Cell>>) => records.map((r) => csvLine(fields.map((f) => r[f.id]))).join('');

/** The cells of a record in the fields' order (for a spreadsheet row). */
export const rowOf = (fields: DataField[], r: Record<string, Cell>) => fields.map((f) => r[f.id] ?? null);

/** The JSON download, written in pieces so a large table is never held whole: head, records (comma-led after the first), tail. */
export const jsonHead = (fields: DataField[]) => `{"fields":${JSON.stringify(fields.map((f) => ({ id: f.id, type: f.type })))},"records":[`;
export const jsonRecords = (fields: DataField[], records: Array<Record<string, Cell>>, first: boolean) =>
  records.map((r, i) => (first && i === 0 ? '' : ',') + JSON.stringify(Object.fromEntries(fields.map((f) => [f.id, r[f.id] ?? null])))).join('');
export const jsonTail = (total: number) => `],"total":${total}}`;

/** A file name for a download: the resource's name without characters file systems refuse. */
export const fileName = (name: string, ext: string) => `${name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim().slice(0, 120) || 'data'}.${ext}`;
