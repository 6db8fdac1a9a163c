import type { ImportField, RowIssue, Text } from '../../../../plugins/spreadsheet-import/server/src/public';
import { bangkokInstant } from '../../../shared/thai-date';
import { readImportDate, type DateContext } from './import-date';

/**
 * A row of the bank's bill-payment report: the date paid, reference 1 (the bill number), reference 2
 * (the tax year and installment, `256901`), the amount and the bank's own reference. Banks export
 * these five columns in this order; a header row is optional.
 */
export const BANK_REPORT_FIELDS: ImportField[] = [
  { key: 'date', th: 'วันที่ชำระ', en: 'Payment date', required: true, aliases: ['date', 'paymentdate', 'paiddate', 'paidat', 'transactiondate', 'วันที่', 'วันที่ชำระเงิน', 'วันที่รับชำระ'] },
  { key: 'ref1', th: 'เลขอ้างอิง 1', en: 'Reference 1', required: true, aliases: ['ref1', 'ref.1', 'reference1', 'customerno', 'อ้างอิง1', 'เลขอ้างอิง1', 'เลขที่อ้างอิง1'] },
  { key: 'ref2', th: 'เลขอ้างอิง 2', en: 'Reference 2', aliases: ['ref2', 'ref.2', 'reference2', 'อ้างอิง2', 'เลขอ้างอิง2', 'เลขที่อ้างอิง2'] },
  { key: 'amount', th: 'จำนวนเงิน', en: 'Amount', required: true, aliases: ['amount', 'paidamount', 'จำนวนเงิน', 'ยอดเงิน', 'ยอดชำระ'] },
  { key: 'bankReference', th: 'เลขอ้างอิงธนาคาร', en: 'Bank reference', required: true, aliases: ['bankref', 'bankreference', 'transactionid', 'txnid', 'เลขอ้างอิงธนาคาร', 'เลขที่รายการ'] },
];

/** The report's own column order, for rows given without a mapping. */
export const BANK_REPORT_COLUMNS: Record<string, number> = { date: 0, ref1: 1, ref2: 2, amount: 3, bankReference: 4 };

export interface BankPayment {
  paidAt: Date;
  ref1: string;
  ref2: string;
  amount: number;
  bankReference: string;
}

/**
 * One payment, or why not, and the date as read for the preview. Dates are Bangkok time in any form
 * staff or banks write (`1/12/2569`, `2026-12-01 10:15`, `1 ธ.ค. 69`: see `src/shared/thai-date.ts`);
 * one more than a year from today is refused unless `context.confirmFarDates`.
 */
export function parseBankPayment(
  cells: string[],
  mapping: Record<string, number> = BANK_REPORT_COLUMNS,
  context: DateContext = {}
): { row?: BankPayment; issues: RowIssue[]; read?: Record<string, Text> } {
  const get = (key: string) => (mapping[key] !== undefined ? String(cells[mapping[key]] ?? '').trim() : '');
  const [dateRaw, ref1, ref2, amountRaw, bankReference] = ['date', 'ref1', 'ref2', 'amount', 'bankReference'].map(get);
  const issues: RowIssue[] = [];
  const date = readImportDate(dateRaw, BANK_REPORT_FIELDS[0], context);
  issues.push(...date.issues);
  const read = date.read ? { date: date.read } : undefined;
  if (!ref1) issues.push({ field: 'ref1', code: 'required', th: 'ไม่มีเลขอ้างอิง 1', en: 'Reference 1 is missing' });
  const amount = /^\d+(\.\d{1,2})?$/.test(amountRaw.replace(/,/g, '')) ? Number(amountRaw.replace(/,/g, '')) : NaN;
  if (!(amount > 0)) issues.push({ field: 'amount', code: 'invalid_amount', th: 'จำนวนเงินไม่ถูกต้อง', en: 'The amount is not valid' });
  if (!bankReference) issues.push({ field: 'bankReference', code: 'required', th: 'ไม่มีเลขอ้างอิงของธนาคาร', en: 'The bank reference is missing' });
  else if (bankReference.length > 60) issues.push({ field: 'bankReference', code: 'too_long', th: 'เลขอ้างอิงของธนาคารยาวเกิน 60 ตัวอักษร', en: 'The bank reference is longer than 60 characters' });
  if (issues.length || !date.value) return { issues, read };
  return { row: { paidAt: bangkokInstant(date.value), ref1, ref2, amount, bankReference }, issues, read };
}
