/** What a bill owes and how it is shown: plain TypeScript, money in satang to stay exact. */
import { billReference } from './bill-reference';
import type { BillPayment } from './promptpay';

export interface Installment {
  number: number;
  dueDate: string; // YYYY-MM-DD
  amount: number; // baht
  paidAmount?: number;
}

export interface BillRecord {
  /** As printed on the bill. */
  billNumber: string;
  /** Reference 1, as stored by the import (`billReference(billNumber)`); derived when absent. */
  billReference?: string | null;
  taxYear: number;
  deedNumber?: string | null;
  parcelNumber?: string | null;
  village?: number | null;
  useCategory: string;
  areaSqWa?: number | null;
  assessedValue?: number | null;
  ownerName: string;
  taxAmount: number | string;
  reduction?: number | string | null;
  surcharge?: number | string | null;
  interest?: number | string | null;
  installments?: Installment[] | null;
  paidAmount?: number | string | null;
  status: string;
}

export const satang = (baht: number | string | null | undefined) => Math.round(Number(baht ?? 0) * 100);
export const baht = (s: number) => Math.round(s) / 100;

/** Tax less reductions, plus surcharge and interest: what the bill asks for in all. */
export const totalSatang = (b: BillRecord) => Math.max(0, satang(b.taxAmount) - satang(b.reduction) + satang(b.surcharge) + satang(b.interest));

export const amountDueSatang = (b: BillRecord) => (b.status === 'cancelled' ? 0 : Math.max(0, totalSatang(b) - satang(b.paidAmount)));

/** The installments with what is paid of each, paying the earliest first. */
export function installmentsOf(b: BillRecord): Array<Installment & { paidAmount: number; paid: boolean }> {
  const list = b.installments?.length ? [...b.installments].sort((x, y) => x.number - y.number) : [];
  let paid = satang(b.paidAmount);
  return list.map((i) => {
    const share = Math.min(paid, satang(i.amount));
    paid -= share;
    return { number: i.number, dueDate: i.dueDate, amount: baht(satang(i.amount)), paidAmount: baht(share), paid: share >= satang(i.amount) };
  });
}

/** The first installment not fully paid (what a payment now is for); 0 when none. */
export const nextInstallment = (b: BillRecord) => installmentsOf(b).find((i) => !i.paid)?.number ?? 0;

/** The town's Thai QR bill-payment account. */
export interface PayeeAccount {
  billerId: string;
  merchantName: string;
}

/**
 * What the QR of a bill asks the bank for: reference 1 the bill's reference (what reconciliation
 * matches), reference 2 the tax year and the installment being paid (`256901`), the amount due.
 */
export function billPaymentOf(b: BillRecord, account: PayeeAccount): BillPayment {
  const ref1 = b.billReference || billReference(b.billNumber);
  if (!ref1) throw new Error(`Bill ${b.billNumber} (${b.taxYear}) has no reference 1: its number is not 20 letters A-Z and digits`);
  const due = amountDueSatang(b);
  return {
    billerId: account.billerId,
    ref1,
    ref2: `${b.taxYear}${String(nextInstallment(b)).padStart(2, '0')}`,
    amount: due > 0 ? baht(due) : null,
    merchantName: account.merchantName,
  };
}

/** issued, partially_paid, paid or overdue from the payments and due dates; cancelled stays. */
export function statusOf(b: BillRecord, today: string = bangkokToday()): string {
  if (b.status === 'cancelled') return 'cancelled';
  if (amountDueSatang(b) === 0) return 'paid';
  if (installmentsOf(b).some((i) => !i.paid && i.dueDate < today)) return 'overdue';
  return satang(b.paidAmount) > 0 ? 'partially_paid' : 'issued';
}

export function bangkokToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

const TITLES = ['นางสาว', 'นาย', 'นาง', 'น.ส.', 'ด.ช.', 'ด.ญ.', 'เด็กชาย', 'เด็กหญิง', 'Mr.', 'Mrs.', 'Ms.', 'Miss'];

/**
 * "นายสมชาย ใจดี" → "นาย ส**** ใ****": the title and each word's first letter; four stars
 * whatever the length, so not even the length of a name is given away.
 */
export function maskName(name: string): string {
  let rest = name.trim();
  const title = TITLES.find((t) => rest.startsWith(t));
  if (title) rest = rest.slice(title.length).trim();
  const words = rest.split(/\s+/).filter(Boolean).map((w) => `${[...w][0]}****`);
  return [title, ...words].filter(Boolean).join(' ');
}
