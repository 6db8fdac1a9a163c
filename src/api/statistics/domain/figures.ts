import { bangkokMonth, fiscalMonths, inFiscalYear, monthLabel, monthRange } from './calendar';

/**
 * Every public figure of the statistics page, its API and its live datasets, from plain rows: no
 * Strapi here, so the page, the API test and a reader agree on what each figure means. Only counts,
 * sums and averages leave: no row, name or free text.
 */

export type Meaning = 'open' | 'closed';
export interface StateDef {
  key: string;
  label: { th: string; en: string };
  meaning: Meaning;
}

/* ------------------------------------------------------------------------------------------------
 * Rows, as the service reads them
 * ---------------------------------------------------------------------------------------------- */

export interface ComplaintRow {
  state: string;
  receivedAt: string | Date;
  dueAt: string | Date | null;
  resolvedAt: string | Date | null;
  village: number | null;
  reopenCount: number | null;
  category: { code: string; nameTh: string; nameEn: string } | null;
}

export interface EServiceRow {
  formSlug: string | null;
  title: string | null;
  state: string;
  receivedAt: string | Date;
  paperPages: number | null;
}

export interface FormRow {
  slug: string;
  titleTh: string;
  titleEn: string | null;
}

export interface RatingRow {
  caseType: string;
  channel: string | null;
  speed: number;
  staff: number;
  result: number;
  overall: number;
  answeredAt: string | Date | null;
}

export interface SurveyRow {
  slug: string;
  titleTh: string;
  titleEn: string | null;
  /** When each response was submitted. */
  responses: Array<string | Date | null>;
}

export interface DatasetRow {
  category: string;
  resources: number;
}

export interface TaxBillRow {
  taxYear: number;
  taxAmount: string | number | null;
  paidAmount: string | number | null;
  status: string;
}

/* ------------------------------------------------------------------------------------------------
 * Figures
 * ---------------------------------------------------------------------------------------------- */

export interface StatusCount {
  state: string;
  labelTh: string;
  labelEn: string;
  publicStatus: Meaning;
  count: number;
}

export interface ComplaintFigures {
  total: number;
  byCategory: Array<{ code: string | null; nameTh: string | null; nameEn: string | null; count: number }>;
  byStatus: StatusCount[];
  byVillage: Array<{ village: number | null; count: number }>;
  byMonth: Array<{ month: string; received: number; resolved: number }>;
  /** Days from receipt to resolution of the complaints that carry a resolution date (one decimal). */
  resolveDays: { median: number | null; p90: number | null; count: number };
  /** Complaints with a deadline that were answered: how many by their deadline. */
  onTime: { answered: number; withinDeadline: number; share: number | null };
  /** Complaints reopened (by staff or by the citizen's "not fixed"), and how many reopenings in all. */
  reopened: { cases: number; reopens: number };
}

export interface EServiceFigures {
  total: number;
  byService: Array<{ slug: string | null; titleTh: string | null; titleEn: string | null; count: number; open: number; closed: number }>;
  byStatus: StatusCount[];
  paperPagesSaved: number;
}

export interface RatingAverages {
  count: number;
  speed: number | null;
  staff: number | null;
  result: number | null;
  overall: number | null;
}

export interface SatisfactionFigures {
  overall: RatingAverages;
  byCaseType: Array<RatingAverages & { caseType: string }>;
  byChannel: Array<RatingAverages & { channel: string | null }>;
  surveys: Array<{ slug: string; titleTh: string; titleEn: string | null; responses: number }>;
}

export interface DatasetFigures {
  published: number;
  byCategory: Array<{ category: string; count: number }>;
  resources: number;
  /** Downloads are not counted by the platform: null says so rather than 0. */
  downloads: number | null;
}

export interface TaxFigures {
  byYear: Array<{ year: number; billed: number; collected: number; share: number | null; bills: number; paidBills: number }>;
}

export interface AssessmentRow {
  period: string;
  labelTh: string;
  labelEn: string;
  total: number;
  inProgress: number;
  completed: number;
}

export interface AssessmentFigures {
  fiscalYear: number;
  byMonth: AssessmentRow[];
  byQuarter: AssessmentRow[];
  byHalf: AssessmentRow[];
  year: AssessmentRow;
}

/* ------------------------------------------------------------------------------------------------
 * Arithmetic
 * ---------------------------------------------------------------------------------------------- */

const DAY_MS = 86_400_000;
const ms = (d: string | Date) => new Date(d).getTime();
export const round = (n: number, places: number) => {
  const f = 10 ** places;
  return Math.round(n * f) / f;
};
/** A part of a whole as a fraction 0..1 (four decimals), null when the whole is nothing. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? round(part / whole, 4) : null);
const money = (v: string | number | null) => Number(v) || 0;

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The 90th percentile by the nearest-rank method: the smallest value with at least 90% of values at or below it. */
export function p90(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil(0.9 * s.length) - 1];
}

/** The largest counts first; equal counts by name, an unnamed one (null) last. */
const byCountThen =
  <T extends { count: number }>(key: (x: T) => string | null) =>
  (a: T, b: T) => {
    const [ka, kb] = [key(a), key(b)];
    return b.count - a.count || Number(ka === null) - Number(kb === null) || (ka ?? '').localeCompare(kb ?? '');
  };

function statusCounts(states: StateDef[], rows: Array<{ state: string }>): StatusCount[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  return states.map((s) => ({ state: s.key, labelTh: s.label.th, labelEn: s.label.en, publicStatus: s.meaning, count: counts.get(s.key) ?? 0 }));
}

const closedIn = (states: StateDef[]) => {
  const closed = new Set(states.filter((s) => s.meaning === 'closed').map((s) => s.key));
  return (state: string) => closed.has(state);
};

/* ------------------------------------------------------------------------------------------------
 * Areas
 * ---------------------------------------------------------------------------------------------- */

/** Options every area takes: one fiscal year (Buddhist era), or all time. */
export interface Period {
  fiscalYear?: number;
}

/**
 * Complaints. With a fiscal year: the complaints received in it, and its twelve months; otherwise
 * every complaint and every month from the first to the last one anything happened in.
 */
export function complaintFigures(all: ComplaintRow[], states: StateDef[], { fiscalYear }: Period = {}): ComplaintFigures {
  const rows = fiscalYear ? all.filter((c) => inFiscalYear(c.receivedAt, fiscalYear)) : all;

  const categories = new Map<string | null, ComplaintFigures['byCategory'][number]>();
  const villages = new Map<number | null, number>();
  for (const c of rows) {
    const key = c.category?.code ?? null;
    const cat = categories.get(key) ?? categories.set(key, { code: key, nameTh: c.category?.nameTh ?? null, nameEn: c.category?.nameEn ?? null, count: 0 }).get(key)!;
    cat.count += 1;
    villages.set(c.village ?? null, (villages.get(c.village ?? null) ?? 0) + 1);
  }

  const received = new Map<string, number>();
  const resolved = new Map<string, number>();
  for (const c of rows) {
    const r = bangkokMonth(c.receivedAt);
    received.set(r, (received.get(r) ?? 0) + 1);
    if (c.resolvedAt) {
      const m = bangkokMonth(c.resolvedAt);
      resolved.set(m, (resolved.get(m) ?? 0) + 1);
    }
  }
  const seen = [...received.keys(), ...resolved.keys()].sort();
  const months = fiscalYear ? fiscalMonths(fiscalYear) : seen.length ? monthRange(seen[0], seen[seen.length - 1]) : [];

  const days = rows.filter((c) => c.resolvedAt).map((c) => (ms(c.resolvedAt!) - ms(c.receivedAt)) / DAY_MS);
  const mid = median(days);
  const high = p90(days);
  const answered = rows.filter((c) => c.dueAt && c.resolvedAt);
  const withinDeadline = answered.filter((c) => ms(c.resolvedAt!) <= ms(c.dueAt!)).length;

  return {
    total: rows.length,
    byCategory: [...categories.values()].sort(byCountThen((c) => c.code)),
    byStatus: statusCounts(states, rows),
    // By village number; complaints without one last.
    byVillage: [...villages.entries()].sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity)).map(([village, count]) => ({ village, count })),
    byMonth: months.map((month) => ({ month, received: received.get(month) ?? 0, resolved: resolved.get(month) ?? 0 })),
    resolveDays: { median: mid === null ? null : round(mid, 1), p90: high === null ? null : round(high, 1), count: days.length },
    onTime: { answered: answered.length, withinDeadline, share: share(withinDeadline, answered.length) },
    reopened: { cases: rows.filter((c) => (c.reopenCount ?? 0) > 0).length, reopens: rows.reduce((n, c) => n + (c.reopenCount ?? 0), 0) },
  };
}

/** E-service requests: every published form is a service, used or not; with a fiscal year, the requests received in it. */
export function eServiceFigures(all: EServiceRow[], forms: FormRow[], states: StateDef[], { fiscalYear }: Period = {}): EServiceFigures {
  const rows = fiscalYear ? all.filter((r) => inFiscalYear(r.receivedAt, fiscalYear)) : all;
  const isClosed = closedIn(states);
  const services = new Map<string | null, EServiceFigures['byService'][number]>();
  for (const f of forms) services.set(f.slug, { slug: f.slug, titleTh: f.titleTh, titleEn: f.titleEn || f.titleTh, count: 0, open: 0, closed: 0 });
  for (const r of rows) {
    const key = r.formSlug || null;
    // A form no longer published still names its requests by the title they were filed under.
    const s = services.get(key) ?? services.set(key, { slug: key, titleTh: key ? r.title : null, titleEn: key ? r.title : null, count: 0, open: 0, closed: 0 }).get(key)!;
    s.count += 1;
    if (isClosed(r.state)) s.closed += 1;
    else s.open += 1;
  }
  return {
    total: rows.length,
    byService: [...services.values()].sort(byCountThen((s) => s.slug)),
    byStatus: statusCounts(states, rows),
    paperPagesSaved: rows.reduce((n, r) => n + (r.paperPages ?? 0), 0),
  };
}

function averages(rows: RatingRow[]): RatingAverages {
  const avg = (k: 'speed' | 'staff' | 'result' | 'overall') => (rows.length ? round(rows.reduce((n, r) => n + r[k], 0) / rows.length, 2) : null);
  return { count: rows.length, speed: avg('speed'), staff: avg('staff'), result: avg('result'), overall: avg('overall') };
}

export const CASE_TYPES = ['complaint', 'e-service'] as const;

/** Satisfaction: the case ratings (averages of 1..5, two decimals) and the general surveys' response counts. */
export function satisfactionFigures(allRatings: RatingRow[], surveys: SurveyRow[], { fiscalYear }: Period = {}): SatisfactionFigures {
  const ratings = fiscalYear ? allRatings.filter((r) => inFiscalYear(r.answeredAt, fiscalYear)) : allRatings;
  const channels = [...new Set(ratings.map((r) => r.channel ?? null))];
  return {
    overall: averages(ratings),
    byCaseType: CASE_TYPES.map((caseType) => ({ caseType, ...averages(ratings.filter((r) => r.caseType === caseType)) })),
    byChannel: channels.map((channel) => ({ channel, ...averages(ratings.filter((r) => (r.channel ?? null) === channel)) })).sort(byCountThen((c) => c.channel)),
    surveys: surveys.map((s) => ({
      slug: s.slug,
      titleTh: s.titleTh,
      titleEn: s.titleEn,
      responses: fiscalYear ? s.responses.filter((at) => inFiscalYear(at, fiscalYear)).length : s.responses.length,
    })),
  };
}

/** The open-data catalogue: published datasets, by category, and their resources. */
export function datasetFigures(published: DatasetRow[]): DatasetFigures {
  const counts = new Map<string, number>();
  for (const d of published) counts.set(d.category, (counts.get(d.category) ?? 0) + 1);
  return {
    published: published.length,
    byCategory: [...counts.entries()].map(([category, count]) => ({ category, count })).sort(byCountThen((c) => c.category)),
    resources: published.reduce((n, d) => n + d.resources, 0),
    downloads: null,
  };
}

/**
 * Land-and-building tax by tax year (Buddhist era): billed is the assessed tax of the bills, collected
 * what was paid on them; a cancelled bill counts for neither. With a fiscal year, that tax year only.
 */
export function taxFigures(bills: TaxBillRow[], { fiscalYear }: Period = {}): TaxFigures {
  const years = new Map<number, { billed: number; collected: number; bills: number; paidBills: number }>();
  for (const b of bills) {
    if (b.status === 'cancelled' || (fiscalYear && b.taxYear !== fiscalYear)) continue;
    const y = years.get(b.taxYear) ?? years.set(b.taxYear, { billed: 0, collected: 0, bills: 0, paidBills: 0 }).get(b.taxYear)!;
    y.billed += money(b.taxAmount);
    y.collected += money(b.paidAmount);
    y.bills += 1;
    if (b.status === 'paid') y.paidBills += 1;
  }
  return {
    byYear: [...years.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, y]) => ({ year, billed: round(y.billed, 2), collected: round(y.collected, 2), share: share(y.collected, y.billed), bills: y.bills, paidBills: y.paidBills })),
  };
}

const QUARTERS_TH = ['ไตรมาสที่ 1', 'ไตรมาสที่ 2', 'ไตรมาสที่ 3', 'ไตรมาสที่ 4'];
const HALVES_TH = ['รอบ 6 เดือนแรก', 'รอบ 6 เดือนหลัง'];

/**
 * The complaints-assessment form of the ITA/OIT for one fiscal year: complaints received in each
 * month, quarter and half, and of those how many are now completed (in a closed meaning: answered,
 * closed, rejected, referred or merged) and how many still in progress.
 */
export function assessmentFigures(all: ComplaintRow[], states: StateDef[], fiscalYear: number): AssessmentFigures {
  const isClosed = closedIn(states);
  const months = fiscalMonths(fiscalYear);
  const perMonth = months.map(() => ({ total: 0, completed: 0 }));
  for (const c of all) {
    const i = months.indexOf(bangkokMonth(c.receivedAt));
    if (i < 0) continue;
    perMonth[i].total += 1;
    if (isClosed(c.state)) perMonth[i].completed += 1;
  }
  const row = (period: string, labelTh: string, labelEn: string, from: number, to: number): AssessmentRow => {
    const part = perMonth.slice(from, to);
    const total = part.reduce((n, m) => n + m.total, 0);
    const completed = part.reduce((n, m) => n + m.completed, 0);
    return { period, labelTh, labelEn, total, inProgress: total - completed, completed };
  };
  const span = (from: number, to: number) => {
    const a = monthLabel(months[from]);
    const b = monthLabel(months[to - 1]);
    return { th: `${a.th.split(' ')[0]}–${b.th}`, en: `${a.en.split(' ')[0]}–${b.en}` };
  };
  return {
    fiscalYear,
    byMonth: months.map((m, i) => row(m, monthLabel(m).th, monthLabel(m).en, i, i + 1)),
    byQuarter: [0, 1, 2, 3].map((q) => {
      const s = span(q * 3, q * 3 + 3);
      return row(`Q${q + 1}`, `${QUARTERS_TH[q]} (${s.th})`, `Quarter ${q + 1} (${s.en})`, q * 3, q * 3 + 3);
    }),
    byHalf: [0, 1].map((h) => {
      const s = span(h * 6, h * 6 + 6);
      return row(`H${h + 1}`, `${HALVES_TH[h]} (${s.th})`, `${h ? 'Second' : 'First'} half (${s.en})`, h * 6, h * 6 + 6);
    }),
    year: row(String(fiscalYear), `ปีงบประมาณ ${fiscalYear}`, `Fiscal year ${fiscalYear}`, 0, 12),
  };
}
