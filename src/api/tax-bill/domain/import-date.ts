import type { ImportField, RowIssue, Text } from '../../../../plugins/spreadsheet-import/server/src/public';
import { bangkokToday, formatThaiDate, isFarFromToday, parseThaiDate, type ParsedDate } from '../../../shared/thai-date';

/** What a target knows of the row whose date it reads (the plugin's RowContext, every part optional). */
export interface DateContext {
  /** The row's line in the file, named in the far-date message. */
  row?: number;
  /** Staff confirmed the far dates of this import. */
  confirmFarDates?: boolean;
  /** `YYYY-MM-DD` in Bangkok; today's by default (tests pin it). */
  today?: string;
}

export interface ImportDate {
  value: ParsedDate | null;
  issues: RowIssue[];
  /** The date as read, for the preview: `1 ธ.ค. 2569` / `1 Dec 2026`. */
  read?: Text;
}

/**
 * A date cell of a staff import, read by the one parser (`src/shared/thai-date.ts`). Not a date: an
 * `invalid_date` issue showing the forms that work. More than a year from today: a `far_date` issue
 * naming the row and the date as read, which staff may confirm (`confirmable`), since 3112 for 2569
 * or a Buddhist year taken as Christian would otherwise go into financial records unseen.
 */
export function readImportDate(raw: string, field: ImportField, context: DateContext = {}): ImportDate {
  const value = parseThaiDate(raw);
  if (!value) {
    return {
      value: null,
      issues: [
        {
          field: field.key,
          code: 'invalid_date',
          th: `${field.th} "${raw}" ไม่ใช่วันที่ที่อ่านได้ ให้เขียนวัน/เดือน/ปี เช่น 1/12/2569, 2569-12-01 หรือ 1 ธ.ค. 2569 (ปี พ.ศ. หรือ ค.ศ.)`,
          en: `${field.en} "${raw}" is not a date: write day/month/year, e.g. 1/12/2569, 2026-12-01 or 1 Dec 2026 (a Buddhist or Christian year)`,
        },
      ],
    };
  }
  const read = { th: formatThaiDate(value.date, 'th', value.time), en: formatThaiDate(value.date, 'en', value.time) };
  const issues: RowIssue[] = [];
  if (!context.confirmFarDates && isFarFromToday(value.date, context.today ?? bangkokToday())) {
    const row = context.row !== undefined ? { th: `แถวที่ ${context.row}: `, en: `Row ${context.row}: ` } : { th: '', en: '' };
    issues.push({
      field: field.key,
      code: 'far_date',
      confirmable: true,
      th: `${row.th}${field.th} "${raw}" อ่านได้เป็นวันที่ ${read.th} ซึ่งห่างจากวันนี้เกิน 1 ปี ตรวจปี พ.ศ./ค.ศ. ในไฟล์ หรือติ๊กยืนยันวันที่ที่ห่างเกิน 1 ปีก่อนนำเข้า`,
      en: `${row.en}${field.en} "${raw}" reads as ${read.en}, more than a year from today: check the year (Buddhist or Christian) in the file, or confirm far dates before importing`,
    });
  }
  return { value, issues, read };
}
