import crypto from 'crypto';
import { matchColumns, type ImportField, type RowIssue, type Text } from '../../../../plugins/spreadsheet-import/server/src/public';
import { parseThaiDate } from '../../../shared/thai-date';
import { readImportDate, type DateContext } from './import-date';
import { isValidNationalId, normaliseNationalId } from './national-id';
import { billReference } from './bill-reference';
import type { Installment } from './bill';

export type { ImportField, RowIssue };

/**
 * Rows of the tax office's spreadsheet → bills. Columns are matched by name (Thai or English, as the
 * office writes them) and staff may change the mapping; each bad row gets its reasons (a stable code,
 * and the text in Thai and in English) and is never stored in part.
 */
export const IMPORT_FIELDS: ImportField[] = [
  { key: 'billNumber', th: 'เลขที่ใบแจ้งประเมิน', en: 'Bill number', required: true, aliases: ['billnumber', 'billno', 'bill', 'เลขที่ใบแจ้งประเมิน', 'เลขที่ใบแจ้ง', 'เลขที่ภ.ด.ส.6', 'เลขที่ภดส6'] },
  { key: 'taxYear', th: 'ปีภาษี', en: 'Tax year', required: true, aliases: ['taxyear', 'year', 'ปีภาษี', 'ปี'] },
  { key: 'nationalId', th: 'เลขประจำตัวประชาชน/ผู้เสียภาษี', en: 'National ID', required: true, aliases: ['nationalid', 'citizenid', 'taxid', 'idcard', 'เลขประจำตัวประชาชน', 'เลขประจำตัวผู้เสียภาษี', 'เลขบัตรประชาชน'] },
  { key: 'ownerName', th: 'ชื่อผู้เสียภาษี', en: 'Taxpayer name', required: true, aliases: ['ownername', 'name', 'taxpayer', 'ชื่อผู้เสียภาษี', 'ชื่อเจ้าของ', 'ชื่อ-สกุล', 'ชื่อสกุล', 'ชื่อ'] },
  { key: 'ownerAddress', th: 'ที่อยู่ผู้เสียภาษี', en: 'Taxpayer address', aliases: ['owneraddress', 'address', 'ที่อยู่ผู้เสียภาษี', 'ที่อยู่'] },
  { key: 'deedNumber', th: 'เลขที่เอกสารสิทธิ์', en: 'Title deed number', aliases: ['deednumber', 'deed', 'titledeed', 'เลขที่เอกสารสิทธิ์', 'เลขที่โฉนด', 'โฉนด'] },
  { key: 'parcelNumber', th: 'เลขที่ดิน', en: 'Parcel number', aliases: ['parcelnumber', 'parcel', 'landno', 'เลขที่ดิน'] },
  { key: 'village', th: 'หมู่ที่', en: 'Village', aliases: ['village', 'moo', 'หมู่ที่', 'หมู่'] },
  { key: 'useCategory', th: 'ประเภทการใช้ประโยชน์', en: 'Use', required: true, aliases: ['usecategory', 'use', 'landuse', 'ประเภทการใช้ประโยชน์', 'การใช้ประโยชน์', 'ประเภท'] },
  { key: 'areaSqWa', th: 'เนื้อที่ (ตารางวา)', en: 'Area (sq. wah)', aliases: ['areasqwa', 'area', 'เนื้อที่(ตารางวา)', 'เนื้อที่(ตร.ว.)', 'เนื้อที่'] },
  { key: 'assessedValue', th: 'มูลค่าที่ดินและสิ่งปลูกสร้าง (บาท)', en: 'Assessed value (baht)', aliases: ['assessedvalue', 'value', 'มูลค่าที่ดินและสิ่งปลูกสร้าง(บาท)', 'มูลค่าที่ดินและสิ่งปลูกสร้าง', 'มูลค่า', 'ราคาประเมิน'] },
  { key: 'taxAmount', th: 'ค่าภาษี (บาท)', en: 'Tax (baht)', required: true, aliases: ['taxamount', 'tax', 'ค่าภาษี(บาท)', 'ค่าภาษี', 'ภาษี', 'จำนวนภาษี'] },
  { key: 'reduction', th: 'ลดหย่อน (บาท)', en: 'Reduction (baht)', aliases: ['reduction', 'ลดหย่อน(บาท)', 'ลดหย่อน', 'ยกเว้น/ลดหย่อน'] },
  { key: 'surcharge', th: 'เบี้ยปรับ (บาท)', en: 'Surcharge (baht)', aliases: ['surcharge', 'penalty', 'เบี้ยปรับ(บาท)', 'เบี้ยปรับ'] },
  { key: 'interest', th: 'เงินเพิ่ม (บาท)', en: 'Interest (baht)', aliases: ['interest', 'เงินเพิ่ม(บาท)', 'เงินเพิ่ม'] },
  { key: 'dueDate', th: 'กำหนดชำระ', en: 'Due date', aliases: ['duedate', 'due', 'กำหนดชำระ', 'วันครบกำหนด'] },
  { key: 'installments', th: 'จำนวนงวด', en: 'Installments', aliases: ['installments', 'จำนวนงวด', 'งวด'] },
  { key: 'lat', th: 'ละติจูด', en: 'Latitude', aliases: ['lat', 'latitude', 'ละติจูด'] },
  { key: 'lng', th: 'ลองจิจูด', en: 'Longitude', aliases: ['lng', 'lon', 'long', 'longitude', 'ลองจิจูด'] },
];

const USE: Record<string, 'agriculture' | 'residence' | 'other' | 'vacant'> = {
  agriculture: 'agriculture', เกษตรกรรม: 'agriculture', เกษตร: 'agriculture',
  residence: 'residence', อยู่อาศัย: 'residence', ที่อยู่อาศัย: 'residence',
  other: 'other', อื่นๆ: 'other', อื่น: 'other', พาณิชยกรรม: 'other',
  vacant: 'vacant', รกร้างว่างเปล่า: 'vacant', ว่างเปล่า: 'vacant', รกร้าง: 'vacant',
};

const squash = (s: string) => s.toLowerCase().replace(/[\s_]/g, '');

/** The column index of each field, from the headers; unmatched fields are absent. */
export const autoMapping = (headers: string[]): Record<string, number> => matchColumns(IMPORT_FIELDS, headers);

export interface BillRow {
  /** The tax year and reference 1: a bill's identity, the same whichever way its number is printed. */
  billKey: string;
  /** As printed on the bill, upper case. */
  billNumber: string;
  /** Reference 1 of its QR and of the bank's report: `billReference(billNumber)`. */
  billReference: string;
  taxYear: number;
  nationalId: string;
  ownerName: string;
  ownerAddress: string | null;
  deedNumber: string | null;
  parcelNumber: string | null;
  village: number | null;
  useCategory: 'agriculture' | 'residence' | 'other' | 'vacant';
  areaSqWa: number | null;
  assessedValue: number | null;
  taxAmount: number;
  reduction: number;
  surcharge: number;
  interest: number;
  installments: Installment[];
  lat: number | null;
  lng: number | null;
  sourceHash: string;
}

export const billKeyOf = (taxYear: number, reference: string) => `${taxYear}/${reference}`;

/** A bill number that cannot be reference 1 of a Thai QR (or is longer than the 40 characters kept). */
export const INVALID_BILL_NUMBER: RowIssue = {
  field: 'billNumber',
  code: 'invalid_bill_number',
  th: 'เลขที่ใบแจ้งต้องเป็นตัวอักษร A–Z และตัวเลข 0–9 ไม่เกิน 20 ตัว (ไม่นับขีด ทับ จุด และช่องว่าง) ธนาคารจึงจะใช้เป็นเลขอ้างอิง 1 ได้',
  en: 'The bill number must be at most 20 letters A–Z and digits 0–9 (dashes, slashes, dots and spaces aside), as banks take it for reference 1',
};

/** A Thai (Buddhist era) or Christian-era date as YYYY-MM-DD (Christian era), by the one parser of `src/shared/thai-date.ts`. */
export const parseDate = (raw: string): string | null => parseThaiDate(raw)?.date ?? null;

const money = (raw: string) => (/^-?\d+(\.\d{1,2})?$/.test(raw.replace(/,/g, '')) ? Number(raw.replace(/,/g, '')) : NaN);

/**
 * One row: the bill, or why not, and the due date as read for the preview. `cells` are the row's values
 * as text; a due date more than a year from today is refused unless `context.confirmFarDates`.
 */
export function parseBillRow(cells: string[], mapping: Record<string, number>, context: DateContext = {}): { row?: BillRow; issues: RowIssue[]; read?: Record<string, Text> } {
  const issues: RowIssue[] = [];
  const get = (key: string) => (mapping[key] !== undefined ? String(cells[mapping[key]] ?? '').trim() : '');
  const bad = (field: string, code: string, th: string, en: string) => issues.push({ field, code, th, en });
  for (const f of IMPORT_FIELDS) {
    if (f.required && !get(f.key)) bad(f.key, 'required', `ไม่มี${f.th}`, `${f.en} is missing`);
  }
  for (const f of IMPORT_FIELDS) {
    if (get(f.key).length > 500) bad(f.key, 'too_long', `${f.th}ยาวเกิน 500 ตัวอักษร`, `${f.en} is longer than 500 characters`);
  }

  // Kept as printed (upper case) for people; reference 1 of the QR and the bank's report is derived from it.
  const billNumber = get('billNumber').toUpperCase();
  const reference = billReference(billNumber);
  if (billNumber && (!reference || billNumber.length > 40)) issues.push({ ...INVALID_BILL_NUMBER });
  const taxYear = Number(get('taxYear'));
  if (get('taxYear') && !(Number.isInteger(taxYear) && taxYear >= 2562 && taxYear <= 2700)) bad('taxYear', 'invalid_tax_year', 'ปีภาษีต้องเป็นปี พ.ศ. ตั้งแต่ 2562', 'The tax year must be a Buddhist-era year from 2562');
  const nationalId = normaliseNationalId(get('nationalId'));
  if (get('nationalId') && !isValidNationalId(nationalId)) bad('nationalId', 'invalid_national_id', 'เลขประจำตัวไม่ถูกต้อง (ต้องมี 13 หลักและเลขตรวจสอบถูกต้อง)', 'The ID is not valid (13 digits with a correct check digit)');
  const use = USE[squash(get('useCategory'))];
  if (get('useCategory') && !use) bad('useCategory', 'invalid_use', 'ประเภทการใช้ประโยชน์ต้องเป็น เกษตรกรรม อยู่อาศัย อื่น ๆ หรือ รกร้างว่างเปล่า', 'The use must be agriculture, residence, other or vacant');

  const amount = (key: string, required = false) => {
    const raw = get(key);
    if (!raw) return required ? NaN : 0;
    const n = money(raw);
    if (!(n >= 0)) {
      const f = IMPORT_FIELDS.find((x) => x.key === key)!;
      bad(key, 'invalid_amount', `${f.th}ต้องเป็นจำนวนเงินไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง`, `${f.en} must be an amount of money, not negative, at most 2 decimals`);
    }
    return n;
  };
  const taxAmount = amount('taxAmount', true);
  const reduction = amount('reduction');
  const surcharge = amount('surcharge');
  const interest = amount('interest');
  const number = (key: string) => {
    const raw = get(key).replace(/,/g, '');
    if (!raw) return null;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) {
      const f = IMPORT_FIELDS.find((x) => x.key === key)!;
      bad(key, 'invalid_number', `${f.th}ต้องเป็นตัวเลข`, `${f.en} must be a number`);
      return null;
    }
    return n;
  };
  const areaSqWa = number('areaSqWa');
  const assessedValue = number('assessedValue');
  const village = number('village');
  if (village !== null && !(Number.isInteger(village) && village >= 1 && village <= 99)) bad('village', 'invalid_village', 'หมู่ที่ต้องเป็นตัวเลข 1–99', 'The village must be 1 to 99');
  const lat = number('lat');
  const lng = number('lng');
  if ((lat === null) !== (lng === null) || (lat !== null && !(lat >= 5.5 && lat <= 20.6 && lng! >= 97.3 && lng! <= 105.7))) bad('lat', 'invalid_point', 'พิกัดต้องมีทั้งละติจูดและลองจิจูด และอยู่ในประเทศไทย', 'The point needs both latitude and longitude, inside Thailand');

  // Installments: one (due on the due date) unless the row says 2 or 3, spread a month apart.
  const dueRaw = get('dueDate');
  const due = dueRaw ? readImportDate(dueRaw, IMPORT_FIELDS.find((f) => f.key === 'dueDate')!, context) : null;
  if (due) issues.push(...due.issues);
  const dueDate = due?.value?.date ?? null;
  const read = due?.read ? { dueDate: due.read } : undefined;
  const count = get('installments') ? Number(get('installments')) : 1;
  if (![1, 2, 3].includes(count)) bad('installments', 'invalid_installments', 'จำนวนงวดต้องเป็น 1 2 หรือ 3', 'Installments must be 1, 2 or 3');

  const total = Math.round((taxAmount - reduction + surcharge + interest) * 100);
  if (Number.isFinite(total) && total < 0) bad('reduction', 'reduction_exceeds_tax', 'ลดหย่อนมากกว่าค่าภาษี', 'The reduction is larger than the tax');
  if (issues.length || !reference) return { issues, read };

  const firstDue = dueDate ?? `${taxYear - 543}-04-30`; // the Act's default: end of April
  const installments: Installment[] = [];
  const per = Math.floor(total / count);
  for (let i = 0; i < count; i++) {
    // A month later on the same day, or the month's last day (30 January → 28 February).
    const [y, m, day] = firstDue.split('-').map(Number);
    const last = new Date(Date.UTC(y, m - 1 + i + 1, 0)).getUTCDate();
    const d = new Date(Date.UTC(y, m - 1 + i, Math.min(day, last)));
    installments.push({ number: i + 1, dueDate: d.toISOString().slice(0, 10), amount: (i === count - 1 ? total - per * (count - 1) : per) / 100 });
  }
  const row: Omit<BillRow, 'sourceHash'> = {
    billKey: billKeyOf(taxYear, reference),
    billNumber,
    billReference: reference,
    taxYear,
    nationalId,
    ownerName: get('ownerName'),
    ownerAddress: get('ownerAddress') || null,
    deedNumber: get('deedNumber') || null,
    parcelNumber: get('parcelNumber') || null,
    village,
    useCategory: use,
    areaSqWa,
    assessedValue,
    taxAmount,
    reduction,
    surcharge,
    interest,
    installments,
    lat,
    lng,
  };
  // Same row, same hash: a re-import of the same file finds nothing to change.
  const sourceHash = crypto.createHash('sha256').update(JSON.stringify(row)).digest('hex');
  return { row: { ...row, sourceHash }, issues, read };
}
