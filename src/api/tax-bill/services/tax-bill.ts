import crypto from 'crypto';
import { factories, type Core } from '@strapi/strapi';
import { amountDueSatang, baht, billPaymentOf, installmentsOf, maskName, satang, statusOf, type BillRecord } from '../domain/bill';
import { billKeyOf, parseBillRow, type BillRow, type RowIssue } from '../domain/import-rows';
import { billReference } from '../domain/bill-reference';
import { billPaymentPayload } from '../domain/promptpay';
import { BANK_REPORT_COLUMNS, parseBankPayment } from '../domain/bank-report';

const UID = 'api::tax-bill.tax-bill';
const PAYMENT = 'api::tax-payment.tax-payment';
const CHUNK = 500;

export interface ImportReport {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: Array<{ row: number; issues: RowIssue[] }>;
}

interface TaxConfig {
  billerId: string;
  merchantName: string;
}

/** A bill as the database answers it: the domain's record plus its id and the private fields read here. */
export interface StoredBill extends BillRecord {
  id: number;
  documentId: string;
  billKey: string;
  billReference: string | null;
  nationalId: string;
  sourceHash?: string | null;
}

/** What an import compares a row with. */
type ExistingBill = Pick<StoredBill, 'id' | 'billKey' | 'sourceHash' | 'paidAmount' | 'status'>;

export type ReviewReason = 'partial' | 'overpaid' | 'unmatched' | 'already_paid';

/** A bank payment as stored, with its bill's number and year when it matched one. */
export interface ReviewPayment {
  id: number;
  documentId: string;
  paidAt: string;
  amount: number | string;
  channel: string | null;
  bankReference: string;
  ref1: string | null;
  ref2: string | null;
  installmentNumber: number | null;
  needsReview: boolean;
  reviewReason: ReviewReason | null;
  bill: { id: number; billNumber: string; taxYear: number } | null;
}

export interface ReconcileReport {
  total: number;
  applied: number;
  duplicate: number;
  review: number;
  failed: Array<{ row: number; issues: RowIssue[] }>;
}

const methods = ({ strapi }: { strapi: Core.Strapi }) => {
  const cfg = () => strapi.config.get<TaxConfig>('tax');
  // Signs QR image links, so an image URL names a bill only to whoever was shown it.
  const signingKey = () => String(strapi.config.get<string[] | undefined>('server.app.keys')?.[0] ?? 'nokok');

  return {
    /**
     * Bills from spreadsheet rows (headers excluded), `mapping` naming each field's column. Bad rows
     * are reported by their line in the file (`firstRow` is the line of rows[0]: 2 below a header) and
     * skipped whole; a row that matches its stored bill changes nothing, so importing the same file
     * again is harmless. A due date more than a year from today refuses its row unless `confirmFarDates`.
     */
    async importRows(
      rows: string[][],
      mapping: Record<string, number>,
      onProgress?: (done: number, total: number) => void,
      firstRow = 2,
      { confirmFarDates = false }: { confirmFarDates?: boolean } = {}
    ): Promise<ImportReport> {
      const report: ImportReport = { total: rows.length, created: 0, updated: 0, unchanged: 0, failed: [] };
      const seen = new Map<string, number>();
      for (let start = 0; start < rows.length; start += CHUNK) {
        const good: BillRow[] = [];
        rows.slice(start, start + CHUNK).forEach((cells, i) => {
          const line = start + i + firstRow;
          const { row, issues } = parseBillRow(cells, mapping, { row: line, confirmFarDates });
          if (!row) return void report.failed.push({ row: line, issues });
          const first = seen.get(row.billKey);
          if (first) return void report.failed.push({ row: line, issues: [{ field: 'billNumber', code: 'duplicate_row', th: `เลขที่ใบแจ้งซ้ำกับแถวที่ ${first}`, en: `The same bill as row ${first}` }] });
          seen.set(row.billKey, line);
          good.push(row);
        });
        const existing = (await strapi.db.query(UID).findMany({
          where: { billKey: { $in: good.map((r) => r.billKey) } },
          select: ['id', 'billKey', 'sourceHash', 'paidAmount', 'status'],
        })) as ExistingBill[];
        const byKey = new Map(existing.map((b) => [b.billKey, b]));
        const fresh: Record<string, unknown>[] = [];
        await strapi.db.transaction(async () => {
          for (const r of good) {
            const old = byKey.get(r.billKey);
            if (old && old.sourceHash === r.sourceHash) {
              report.unchanged += 1;
              continue;
            }
            // A cancelled bill stays cancelled; otherwise the status follows what is paid and due.
            const base = { ...r, paidAmount: old?.paidAmount ?? 0, status: old?.status === 'cancelled' ? 'cancelled' : 'issued' };
            const data = { ...base, status: statusOf(base) };
            if (old) {
              await strapi.db.query(UID).update({ where: { id: old.id }, data });
              report.updated += 1;
            } else fresh.push(data);
          }
          if (fresh.length) {
            // One insert for the chunk: 10,000 bills in seconds rather than minutes. The database
            // layer fills documentId from its default; the timestamps are ours to set here.
            const now = new Date();
            await strapi.db.query(UID).createMany({ data: fresh.map((d) => ({ ...d, createdAt: now, updatedAt: now })) });
            report.created += fresh.length;
          }
        });
        onProgress?.(Math.min(rows.length, start + CHUNK), rows.length);
      }
      return report;
    },

    /**
     * The bill for a number (as printed or typed: `demo-2569-0001` finds `DEMO-2569-0001`) and a
     * national ID, or null; both wrong and unknown look the same.
     */
    async lookup(billNumber: string, nationalId: string): Promise<StoredBill | null> {
      const reference = billReference(billNumber);
      if (!reference) return null;
      const bills = (await strapi.db.query(UID).findMany({ where: { billReference: reference }, orderBy: [{ taxYear: 'desc' }], limit: 10 })) as StoredBill[];
      const wanted = Buffer.from(nationalId);
      return (
        bills.find((b) => {
          const have = Buffer.from(String(b.nationalId));
          return have.length === wanted.length && crypto.timingSafeEqual(have, wanted);
        }) ?? null
      );
    },

    /** The Thai QR bill-payment payload: reference 1 the bill's reference, reference 2 the year and installment. */
    payload(b: BillRecord) {
      return billPaymentPayload(billPaymentOf(b, cfg()));
    },

    qrToken(id: number, payload: string) {
      const sig = crypto.createHmac('sha256', signingKey()).update(`${id}:${payload}`).digest('base64url').slice(0, 22);
      return `${id}.${sig}`;
    },

    /** The bill behind a QR image link, if the link still matches what the bill asks for now. */
    async fromQrToken(token: string) {
      const [idText, sig] = token.split('.');
      const id = Number(idText);
      if (!Number.isInteger(id) || id < 1 || !sig) return null;
      const bill = (await strapi.db.query(UID).findOne({ where: { id } })) as StoredBill | null;
      if (!bill) return null;
      const payload = this.payload(bill);
      const expected = this.qrToken(id, payload);
      return expected.length === token.length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(token)) ? { bill, payload } : null;
    },

    /** What the taxpayer sees once they proved the bill number and ID: no ID, address or full name. */
    publicView(b: StoredBill) {
      const payload = this.payload(b);
      const due = amountDueSatang(b);
      return {
        billNumber: b.billNumber,
        taxYear: b.taxYear,
        property: {
          deedNumber: b.deedNumber ?? null,
          parcelNumber: b.parcelNumber ?? null,
          village: b.village ?? null,
          useCategory: b.useCategory,
          areaSqWa: b.areaSqWa ?? null,
          assessedValue: b.assessedValue ?? null,
        },
        owner: maskName(b.ownerName),
        taxAmount: baht(satang(b.taxAmount)),
        reduction: baht(satang(b.reduction)),
        surcharge: baht(satang(b.surcharge)),
        interest: baht(satang(b.interest)),
        paidAmount: baht(satang(b.paidAmount)),
        installments: installmentsOf(b),
        amountDue: baht(due),
        status: statusOf(b),
        qrPayload: due > 0 ? payload : null,
        qrImageUrl: due > 0 ? `/api/tax-bills/qr/${this.qrToken(b.id, payload)}.png` : null,
      };
    },

    /**
     * The bank's bill-payment report (rows of date, reference 1, reference 2, amount, bank reference,
     * in that order unless `mapping` says otherwise): each payment is matched to its bill by reference 1
     * (read as `billReference` reads a bill number, so `DEMO-2569-0001` and `DEMO25690001` are one bill)
     * and the year in reference 2; a bank reference already stored is skipped, so the same report twice
     * applies nothing twice. Partial payments, over-payments, payments to a paid bill and unmatched ones
     * are stored flagged for review. Rows are reported by their line (`firstRow` is the line of rows[0]).
     * A payment dated more than a year from today is refused unless `confirmFarDates`: a wrong era
     * would otherwise mark a bill paid in another century.
     */
    async reconcile(
      rows: string[][],
      mapping: Record<string, number> = BANK_REPORT_COLUMNS,
      { firstRow = 2, onProgress, confirmFarDates = false }: { firstRow?: number; onProgress?: (done: number, total: number) => void; confirmFarDates?: boolean } = {}
    ): Promise<ReconcileReport> {
      const report: ReconcileReport = { total: rows.length, applied: 0, duplicate: 0, review: 0, failed: [] };
      for (const [i, cells] of rows.entries()) {
        if (i % 50 === 0) onProgress?.(i, rows.length);
        const { row: payment, issues } = parseBankPayment(cells, mapping, { row: i + firstRow, confirmFarDates });
        if (!payment) {
          report.failed.push({ row: i + firstRow, issues });
          continue;
        }
        const { paidAt, ref1: ref1Raw, ref2: ref2Raw, amount, bankReference: bankRefRaw } = payment;
        if (await strapi.db.query(PAYMENT).findOne({ where: { bankReference: bankRefRaw }, select: ['id'] })) {
          report.duplicate += 1;
          continue;
        }
        const year = Number(ref2Raw.slice(0, 4));
        const installmentNumber = ref2Raw.length >= 6 ? Number(ref2Raw.slice(4, 6)) : null;
        const reference = billReference(ref1Raw);
        const bill = reference
          ? ((await strapi.db.query(UID).findOne({ where: { billReference: reference, ...(Number.isInteger(year) && year > 2500 ? { taxYear: year } : {}) }, orderBy: [{ taxYear: 'desc' }] })) as StoredBill | null)
          : null;
        await strapi.db.transaction(async () => {
          let reviewReason: ReviewReason | null = null;
          if (!bill) reviewReason = 'unmatched';
          else {
            const due = amountDueSatang(bill);
            const next = installmentsOf(bill).find((x) => !x.paid);
            if (due === 0) reviewReason = 'already_paid';
            else if (satang(amount) > due) reviewReason = 'overpaid';
            else if (next && satang(amount) < satang(next.amount) - satang(next.paidAmount)) reviewReason = 'partial';
          }
          await strapi.db.query(PAYMENT).create({
            data: {
              bill: bill?.id ?? null,
              paidAt,
              amount,
              channel: 'bank',
              bankReference: bankRefRaw,
              ref1: ref1Raw.slice(0, 40),
              ref2: ref2Raw.slice(0, 40),
              installmentNumber: Number.isInteger(installmentNumber) ? installmentNumber : null,
              needsReview: Boolean(reviewReason),
              reviewReason,
            },
          });
          if (bill) await this.applyPayment(bill.id);
          if (reviewReason) report.review += 1;
          else report.applied += 1;
        });
      }
      onProgress?.(rows.length, rows.length);
      return report;
    },

    /**
     * Bills stored before reference 1 was kept beside the number: each gets `billReference(billNumber)`
     * and the key that goes with it (the year and the reference), so a re-import finds them. A number
     * with no reference, or two bills of a year with the same one, is left for staff and named.
     */
    async backfillReferences(): Promise<{ filled: number; left: string[] }> {
      const old = (await strapi.db.query(UID).findMany({ where: { billReference: { $null: true } }, select: ['id', 'billNumber', 'taxYear', 'billKey'] })) as Array<Pick<StoredBill, 'id' | 'billNumber' | 'taxYear' | 'billKey'>>;
      const left: string[] = [];
      if (!old.length) return { filled: 0, left };
      const wanted = old.map((b) => {
        const reference = billReference(b.billNumber);
        return { ...b, reference, key: reference ? billKeyOf(b.taxYear, reference) : null };
      });
      const keys = wanted.flatMap((w) => (w.key ? [w.key] : []));
      const holders = (await strapi.db.query(UID).findMany({ where: { billKey: { $in: keys } }, select: ['id', 'billKey'] })) as Array<Pick<StoredBill, 'id' | 'billKey'>>;
      const holder = new Map(holders.map((h) => [h.billKey, h.id]));
      const count = new Map<string, number>();
      for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
      let filled = 0;
      await strapi.db.transaction(async () => {
        for (const w of wanted) {
          const taken = w.key !== null && holder.has(w.key) && holder.get(w.key) !== w.id;
          if (!w.reference || !w.key || (count.get(w.key) ?? 0) > 1 || taken) {
            left.push(`${w.billNumber} (${w.taxYear})`);
            continue;
          }
          await strapi.db.query(UID).update({ where: { id: w.id }, data: { billReference: w.reference, billKey: w.key } });
          filled += 1;
        }
      });
      return { filled, left };
    },

    /** Payments waiting for a person: partial, over-paid, unmatched, or for a bill already paid (newest first). */
    async paymentsToReview(limit = 200): Promise<ReviewPayment[]> {
      return (await strapi.db.query(PAYMENT).findMany({
        where: { needsReview: true },
        populate: { bill: { select: ['billNumber', 'taxYear'] } },
        orderBy: [{ paidAt: 'desc' }],
        limit,
      })) as ReviewPayment[];
    },

    /** Applies a payment to its bill and recomputes what is paid and the status (inside a transaction). */
    async applyPayment(billId: number) {
      const bill = (await strapi.db.query(UID).findOne({ where: { id: billId } })) as StoredBill | null;
      if (!bill) throw new Error(`tax bill ${billId} not found`);
      const payments = (await strapi.db.query(PAYMENT).findMany({ where: { bill: { id: billId } }, select: ['amount'] })) as Array<Pick<ReviewPayment, 'amount'>>;
      const paid = payments.reduce((s, p) => s + satang(p.amount), 0);
      const next = { ...bill, paidAmount: baht(paid) };
      await strapi.db.query(UID).update({ where: { id: billId }, data: { paidAmount: baht(paid), status: statusOf(next) } });
      return next;
    },
  };
};

export type TaxBillService = ReturnType<typeof methods>;
export default factories.createCoreService(UID, methods);
