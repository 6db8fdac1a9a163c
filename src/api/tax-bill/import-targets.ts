import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, type ImportTarget, type TargetRegistry } from '../../../plugins/spreadsheet-import/server/src/public';
import { IMPORT_FIELDS, parseBillRow } from './domain/import-rows';
import { BANK_REPORT_FIELDS, parseBankPayment } from './domain/bank-report';
import type { TaxBillService } from './services/tax-bill';
import { TAX_BILLS_TARGET, TAX_PAYMENTS_TARGET } from './staff-permissions';

const bills = (strapi: Core.Strapi) => strapi.service('api::tax-bill.tax-bill') as TaxBillService;

/** The tax office's bill file: one land-and-building tax bill a row. */
export const taxBillsTarget = (strapi: Core.Strapi): ImportTarget => ({
  id: TAX_BILLS_TARGET,
  label: { th: 'ใบแจ้งประเมินภาษีที่ดินและสิ่งปลูกสร้าง', en: 'Land and building tax bills' },
  description: {
    th: 'ไฟล์ใบแจ้งประเมินจากงานจัดเก็บรายได้ (CSV หรือ XLSX แถวแรกเป็นหัวตาราง) นำเข้าไฟล์เดิมซ้ำได้โดยไม่เกิดรายการซ้ำ แถวที่ผิดจะไม่ถูกบันทึกและแสดงเหตุผลให้แก้ไข',
    en: "The revenue office's bill file (CSV or XLSX, the first row the header). Importing the same file again creates no duplicates; bad rows are not stored and their reasons are listed.",
  },
  permissionName: 'Import tax bills',
  fields: IMPORT_FIELDS,
  headerRow: 'required',
  summary: {
    th: 'เสร็จแล้ว: เพิ่มใหม่ {created} แก้ไข {updated} ไม่เปลี่ยนแปลง {unchanged} ไม่นำเข้า {refused} รายการ',
    en: 'Done: {created} created, {updated} updated, {unchanged} unchanged, {refused} refused',
  },
  checkRow: (cells, mapping, context) => parseBillRow(cells, mapping, context),
  async run(rows, mapping, { firstRow, onProgress, confirmFarDates }) {
    const r = await bills(strapi).importRows(rows, mapping, onProgress, firstRow, { confirmFarDates });
    return { total: r.total, counts: { created: r.created, updated: r.updated, unchanged: r.unchanged }, failed: r.failed };
  },
});

/** The bank's bill-payment report: payments matched to bills, flagged for review when they do not fit. */
export const taxPaymentsTarget = (strapi: Core.Strapi): ImportTarget => ({
  id: TAX_PAYMENTS_TARGET,
  label: { th: 'รายงานการรับชำระภาษีจากธนาคาร', en: "The bank's tax payment report" },
  description: {
    th: 'รายงานการรับชำระ (Bill Payment) ของธนาคาร: วันที่ชำระ, เลขอ้างอิง 1, เลขอ้างอิง 2, จำนวนเงิน, เลขอ้างอิงธนาคาร (มีหรือไม่มีแถวหัวตารางก็ได้) รายการที่ชำระไม่ครบ ชำระเกิน หรือหาใบแจ้งไม่พบ จะถูกทำเครื่องหมายให้ตรวจสอบ รายการเดิมจะไม่ถูกนับซ้ำ',
    en: "The bank's bill-payment report: date, reference 1, reference 2, amount, bank reference (with or without a header row). Partial, over- and unmatched payments are flagged for review; a payment already recorded is never counted twice.",
  },
  permissionName: 'Reconcile bank payments',
  fields: BANK_REPORT_FIELDS,
  headerRow: 'optional',
  summary: {
    th: '{total} รายการ: ตัดยอดแล้ว {applied} รอตรวจสอบ {review} ซ้ำ (ข้าม) {duplicate} ผิดพลาด {refused}',
    en: '{total} payments: {applied} applied, {review} to review, {duplicate} already recorded (skipped), {refused} with errors',
  },
  checkRow: (cells, mapping, context) => parseBankPayment(cells, mapping, context),
  async run(rows, mapping, { firstRow, onProgress, confirmFarDates }) {
    const r = await bills(strapi).reconcile(rows, mapping, { firstRow, onProgress, confirmFarDates });
    return { total: r.total, counts: { applied: r.applied, review: r.review, duplicate: r.duplicate }, failed: r.failed };
  },
});

/** Called from the app's register(): the plugin turns each target into an admin permission at bootstrap. */
export function registerImportTargets(strapi: Core.Strapi) {
  const targets = strapi.plugin(PLUGIN_ID).service<TargetRegistry>('targets');
  targets.register(taxBillsTarget(strapi));
  targets.register(taxPaymentsTarget(strapi));
}
