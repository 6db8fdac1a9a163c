import type { ImportField, RowIssue } from '../../../../plugins/spreadsheet-import/server/src/public';

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

/** One payment, or why not. Dates are Bangkok time (`2026-12-01` or `2026-12-01 10:15`). */
export function parseBankPayment(cells: string[], mapping: Record<string, number> = BANK_REPORT_COLUMNS): { row?: BankPayment; issues: RowIssue[] } {
  const get = (key: string) => (mapping[key] !== undefined ? String(cells[mapping[key]] ?? '').trim() : '');
  const [dateRaw, ref1, ref2, amountRaw, bankReference] = ['date', 'ref1', 'ref2', 'amount', 'bankReference'].map(get);
  const issues: RowIssue[] = [];
  const paidAt = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/.test(dateRaw) ? new Date(`${dateRaw.replace(' ', 'T').slice(0, 19)}${dateRaw.length > 10 ? '' : 'T00:00:00'}+07:00`) : null;
  if (!paidAt || Number.isNaN(paidAt.getTime())) issues.push({ field: 'date', code: 'invalid_date', th: 'วันที่ชำระไม่ถูกต้อง (ปปปป-ดด-วว)', en: 'The payment date is not valid (YYYY-MM-DD)' });
  if (!ref1) issues.push({ field: 'ref1', code: 'required', th: 'ไม่มีเลขอ้างอิง 1', en: 'Reference 1 is missing' });
  const amount = /^\d+(\.\d{1,2})?$/.test(amountRaw.replace(/,/g, '')) ? Number(amountRaw.replace(/,/g, '')) : NaN;
  if (!(amount > 0)) issues.push({ field: 'amount', code: 'invalid_amount', th: 'จำนวนเงินไม่ถูกต้อง', en: 'The amount is not valid' });
  if (!bankReference) issues.push({ field: 'bankReference', code: 'required', th: 'ไม่มีเลขอ้างอิงของธนาคาร', en: 'The bank reference is missing' });
  else if (bankReference.length > 60) issues.push({ field: 'bankReference', code: 'too_long', th: 'เลขอ้างอิงของธนาคารยาวเกิน 60 ตัวอักษร', en: 'The bank reference is longer than 60 characters' });
  if (issues.length) return { issues };
  return { row: { paidAt: paidAt!, ref1, ref2, amount, bankReference }, issues };
}
