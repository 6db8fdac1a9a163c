import { isUtf8 } from 'buffer';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/** A sheet as rows of text cells; the first row holds the headers. */
export type Rows = string[][];

/**
 * Why a file cannot be read, as a stable code the caller turns into a message in its user's language:
 * `encoding` (neither UTF-8, UTF-16 nor Windows-874 text: binary or another encoding), `xls` (the
 * binary Excel 97–2003 format), `csv` (broken quoting; `line` says where), `xlsx` (not a workbook).
 */
export class SpreadsheetError extends Error {
  constructor(
    readonly code: 'encoding' | 'xls' | 'csv' | 'xlsx',
    message: string,
    readonly line?: number
  ) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

/** The encodings a CSV may come in: what Excel writes as "CSV UTF-8", "CSV" (Thai Windows) and "Unicode text". */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';

/** C0 controls other than tab, LF and CR, or U+FFFD (a byte Windows-874 does not define): not text. */
const hasNonText = (text: string) => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) return true;
  }
  return false;
};

/**
 * The text of a CSV file's bytes. UTF-16 only with its BOM; then valid UTF-8 (its BOM dropped);
 * anything else is read as Windows-874, the superset of TIS-620 that Thai Excel writes for "CSV".
 * Thai in Windows-874 is almost never valid UTF-8 (its bytes would have to pair up as UTF-8 sequences
 * throughout the file), so the order is safe. Throws `SpreadsheetError('encoding')` for bytes that
 * are text in none of them.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  let text: string;
  let encoding: TextEncoding;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [text, encoding] = [iconv.decode(bytes.subarray(2), 'utf-16le'), 'utf-16le'];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [text, encoding] = [iconv.decode(bytes.subarray(2), 'utf-16be'), 'utf-16be'];
  else if (isUtf8(bytes)) [text, encoding] = [bytes.toString('utf8').replace(/^\uFEFF/, ''), 'utf-8'];
  else [text, encoding] = [iconv.decode(bytes, 'windows-874'), 'windows-874'];
  // DOS-era exports may end with Ctrl-Z.
  if (text.endsWith('\u001A')) text = text.slice(0, -1);
  if (hasNonText(text)) throw new SpreadsheetError('encoding', `the file is not text in UTF-8, UTF-16 or Windows-874 (read as ${encoding})`);
  return { text, encoding };
}

/** Tab-separated when the first line has tabs and no commas (Excel's "Unicode text"), else commas. */
const delimiterOf = (text: string) => {
  const first = /^[^\r\n]*/.exec(text)![0];
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
};

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF, LF or CR) from the file's bytes, decoded as
 * `decodeText` says; a string is taken as already decoded. Rows of only blanks are dropped, rows may
 * differ in length. Broken quoting throws `SpreadsheetError('csv')` with the line.
 */
export function parseCsv(input: Buffer | string): Rows {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeText(input).text;
  let rows: Rows;
  try {
    rows = parse(text, {
      delimiter: delimiterOf(text),
      // Any line end, even mixed in one file (csv-parse would otherwise keep to the first it meets).
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    });
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new SpreadsheetError('csv', `the CSV is malformed: ${e.message}`, e.lines);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell as text: YYYY-MM-DD, with ` HH:MM` (`:SS`) when it has a time of day; a time alone
 * (Excel's day 0) as HH:MM. Excel's dates carry no zone: exceljs hands them over as UTC.
 */
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const d = new Date(Math.round(value.getTime() / 1000) * 1000);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCSeconds();
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(seconds)}` : ''}`;
  if (time === '00:00') return day;
  return day === '1899-12-30' ? time : `${day} ${time}`;
}

/**
 * A cell's value as the text staff see: strings (shared, inline, rich text) as they are; numbers to
 * Excel's 15 significant digits (so 0.1 + 0.2 is 0.3 and an amount 7350.000000000001 is 7350);
 * booleans TRUE/FALSE; a formula's cached result; an error as its code (#N/A).
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return String(value.error);
  // A formula with no cached result (never calculated): nothing to read.
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  // A hyperlink's text may itself be rich text.
  if ('hyperlink' in value) return cellText(value.text);
  return '';
}

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;
// The OLE2 compound file of Excel 97–2003 (.xls).
const isOle2 = (bytes: Buffer) => bytes.length > 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;

/**
 * The first worksheet of an .xlsx file (Excel, LibreOffice, Google Sheets, ours), read by exceljs:
 * every cell as text (see `cellText`; dates as YYYY-MM-DD), missing cells and the covered cells of a
 * merge as ''. Rows of only blanks are dropped.
 */
export async function parseXlsx(bytes: Buffer): Promise<Rows> {
  if (isOle2(bytes)) throw new SpreadsheetError('xls', 'the file is an Excel 97–2003 workbook (.xls): save it as .xlsx');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; it takes Node's Buffer (JSZip reads both).
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (err) {
    throw new SpreadsheetError('xlsx', `the file is not an XLSX workbook: ${(err as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError('xlsx', 'the workbook has no worksheet');
  const rows: Rows = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell, col) => {
      cells[col - 1] = cell.type === ExcelJS.ValueType.Merge ? '' : cellText(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Reads a spreadsheet by its content or name: .xlsx (a zip), .xls (refused: see parseXlsx), else CSV. */
export async function readSpreadsheet(bytes: Buffer, name = ''): Promise<Rows> {
  if (isZip(bytes) || isOle2(bytes) || /\.xlsx$/i.test(name)) return parseXlsx(bytes);
  return parseCsv(bytes);
}

/** Writes rows as an .xlsx of text cells (exceljs): for tests and sample files. */
export async function writeXlsx(rows: Rows): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
