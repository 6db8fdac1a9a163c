/**
 * Months and fiscal years as the town counts them: months in Bangkok time (UTC+7 all year), and the
 * Thai government fiscal year (ปีงบประมาณ) from 1 October to 30 September, numbered in the Buddhist
 * era by the year it ends in (FY 2570 = 2026-10-01 … 2027-09-30).
 */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;
const BE_OFFSET = 543;

/** The month an instant falls in, in Bangkok: `YYYY-MM`. */
export function bangkokMonth(at: string | Date): string {
  const local = new Date(new Date(at).getTime() + BANGKOK_OFFSET_MS);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The fiscal year (Buddhist era) an instant falls in, by Bangkok's calendar. */
export function fiscalYearOf(at: string | Date): number {
  const [y, m] = bangkokMonth(at).split('-').map(Number);
  return (m >= 10 ? y + 1 : y) + BE_OFFSET;
}

/** The first instant of a fiscal year and the first instant of the next, in Bangkok. */
export function fiscalYearRange(fiscalYear: number): { start: Date; end: Date } {
  const endYear = fiscalYear - BE_OFFSET;
  return { start: new Date(Date.UTC(endYear - 1, 9, 1) - BANGKOK_OFFSET_MS), end: new Date(Date.UTC(endYear, 9, 1) - BANGKOK_OFFSET_MS) };
}

/** Whether an instant falls in a fiscal year. */
export function inFiscalYear(at: string | Date | null | undefined, fiscalYear: number): boolean {
  return !!at && fiscalYearOf(at) === fiscalYear;
}

/** The twelve months of a fiscal year, October first: `YYYY-MM`. */
export function fiscalMonths(fiscalYear: number): string[] {
  const endYear = fiscalYear - BE_OFFSET;
  return Array.from({ length: 12 }, (_, i) => {
    const y = i < 3 ? endYear - 1 : endYear;
    const m = ((i + 9) % 12) + 1;
    return `${y}-${String(m).padStart(2, '0')}`;
  });
}

/** Every month from one `YYYY-MM` to another, both included. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const MONTHS_TH = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month's short name with its year: Thai in the Buddhist era (`ต.ค. 2569`), English in the Common Era (`Oct 2026`). */
export function monthLabel(month: string): { th: string; en: string } {
  const [y, m] = month.split('-').map(Number);
  return { th: `${MONTHS_TH[m - 1]} ${y + BE_OFFSET}`, en: `${MONTHS_EN[m - 1]} ${y}` };
}
