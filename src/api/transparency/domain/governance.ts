import { fiscalYearStart, type Checklist, type Group } from './checklist';

/**
 * The good-governance dashboard as rules (no Strapi): the six principles of good governance
 * (หลักธรรมาภิบาล 6 ประการ), each with indicators computed from the public statistics (part C's
 * figures), the ITA/OIT checklist and the finished complaints, for one fiscal year and by quarter.
 * Every indicator says in a sentence how it is computed.
 */

export const PRINCIPLES = ['rule_of_law', 'ethics', 'transparency', 'participation', 'accountability', 'value_for_money'] as const;
export type Principle = (typeof PRINCIPLES)[number];

/** How a value reads: a count, a share 0..1, days, pages. */
export type Unit = 'count' | 'share' | 'days' | 'pages';

/** The figures of the statistics service this dashboard reads (a subset of its areas). */
export interface StatisticsFigures {
  complaints: {
    total: number;
    byMonth: Array<{ month: string; received: number; resolved: number }>;
    resolveDays: { median: number | null };
    onTime: { answered: number; withinDeadline: number; share: number | null };
    reopened: { cases: number; reopens: number };
  };
  'e-service': { total: number; paperPagesSaved: number };
  satisfaction: { overall: { count: number; overall: number | null } };
  datasets: { published: number };
  tax: { byYear: Array<{ year: number; billed: number; collected: number; share: number | null }> };
  'complaints-assessment': { byQuarter: Array<{ period: string; total: number; inProgress: number; completed: number }> };
}

/** A finished complaint (a closed-meaning state), and whether the citizen was told why. */
export interface FinishedCase {
  resolvedAt: string | null;
  withReason: boolean;
}

export interface Indicator {
  key: string;
  value: number | null;
  unit: Unit;
  /** Q1 (Oct–Dec) … Q4 (Jul–Sep); null where the figure exists only for the whole year. */
  quarters: Array<number | null> | null;
}
export interface PrincipleFigures {
  key: Principle;
  indicators: Indicator[];
}
export interface Governance {
  fiscalYear: number;
  /** False when the statistics service is not there: its indicators are null. */
  statistics: boolean;
  principles: PrincipleFigures[];
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const shareOf = (part: number, whole: number): number | null => (whole > 0 ? round(part / whole, 4) : null);

/** The quarter (0..3) of a fiscal year a Gregorian month `YYYY-MM` falls in, or -1 outside it. */
export function quarterOfMonth(month: string, fiscalYear: number): number {
  const [y, m] = month.split('-').map(Number);
  const start = fiscalYear - 543 - 1; // October of this Gregorian year starts the fiscal year
  const index = (y - start) * 12 + (m - 10);
  return index >= 0 && index < 12 ? Math.floor(index / 3) : -1;
}

/** The quarter (0..3) of a fiscal year an instant falls in (Bangkok), or -1 outside it. */
export function quarterOfInstant(at: string | Date, fiscalYear: number): number {
  const ms = new Date(at).getTime() - fiscalYearStart(fiscalYear).getTime();
  if (ms < 0) return -1;
  const bangkok = new Date(new Date(at).getTime() + 7 * 3600_000);
  return quarterOfMonth(`${bangkok.getUTCFullYear()}-${String(bangkok.getUTCMonth() + 1).padStart(2, '0')}`, fiscalYear);
}

const sumByQuarter = <R extends { month: string }>(rows: R[], pick: (r: R) => number, fiscalYear: number): number[] => {
  const q = [0, 0, 0, 0];
  for (const r of rows) {
    const i = quarterOfMonth(r.month, fiscalYear);
    if (i >= 0) q[i] += pick(r);
  }
  return q;
};

/** The share of a checklist's items that are ok, over the given groups (all when none given). */
export function itemsOkShare(list: Checklist, groups?: Group[]): number | null {
  const chosen = list.groups.filter((g) => !groups || groups.includes(g.key));
  return shareOf(
    chosen.reduce((n, g) => n + g.ok, 0),
    chosen.reduce((n, g) => n + g.total, 0)
  );
}

/** Every principle's indicators for the fiscal year. */
export function governance(fiscalYear: number, stats: StatisticsFigures | null, list: Checklist, finished: FinishedCase[]): Governance {
  const inYear = finished.filter((f) => f.resolvedAt && quarterOfInstant(f.resolvedAt, fiscalYear) >= 0);
  const reasonQuarters = [0, 1, 2, 3].map((q) => {
    const mine = inYear.filter((f) => quarterOfInstant(f.resolvedAt as string, fiscalYear) === q);
    return shareOf(mine.filter((f) => f.withReason).length, mine.length);
  });
  const assessment = stats?.['complaints-assessment'].byQuarter ?? null;
  const complaints = stats?.complaints ?? null;
  // The tax year of the fiscal year's bills, else the latest year billed.
  const taxYears = stats?.tax.byYear ?? [];
  const tax = taxYears.find((y) => y.year === fiscalYear || y.year === fiscalYear - 543) ?? [...taxYears].sort((a, b) => b.year - a.year)[0] ?? null;

  const ind = (key: string, value: number | null, unit: Unit, quarters: Array<number | null> | null = null): Indicator => ({ key, value, unit, quarters });
  return {
    fiscalYear,
    statistics: stats !== null,
    principles: [
      {
        key: 'rule_of_law',
        indicators: [
          ind('answered_with_reason', shareOf(inYear.filter((f) => f.withReason).length, inYear.length), 'share', reasonQuarters),
          ind('legal_information_ok', itemsOkShare(list, ['basic_information']), 'share'),
        ],
      },
      {
        key: 'ethics',
        indicators: [ind('integrity_items_ok', itemsOkShare(list, ['corruption_prevention', 'internal_measures']), 'share')],
      },
      {
        key: 'transparency',
        indicators: [ind('ita_items_ok', itemsOkShare(list), 'share'), ind('datasets_published', stats ? stats.datasets.published : null, 'count')],
      },
      {
        key: 'participation',
        indicators: [
          ind('complaints_received', complaints ? complaints.total : null, 'count', complaints ? sumByQuarter(complaints.byMonth, (r) => r.received, fiscalYear) : null),
          ind('survey_answers', stats ? stats.satisfaction.overall.count : null, 'count'),
          ind('e_service_requests', stats ? stats['e-service'].total : null, 'count'),
        ],
      },
      {
        key: 'accountability',
        indicators: [
          ind('answered_on_time', complaints ? complaints.onTime.share : null, 'share'),
          ind(
            'completed_share',
            assessment ? shareOf(assessment.reduce((n, q) => n + q.completed, 0), assessment.reduce((n, q) => n + q.total, 0)) : null,
            'share',
            assessment ? assessment.map((q) => shareOf(q.completed, q.total)) : null
          ),
          ind('reopen_rate', complaints ? shareOf(complaints.reopened.cases, complaints.total) : null, 'share'),
        ],
      },
      {
        key: 'value_for_money',
        indicators: [
          ind('paper_pages_saved', stats ? stats['e-service'].paperPagesSaved : null, 'pages'),
          ind('tax_collected_share', tax ? tax.share : null, 'share'),
          ind('median_days_to_resolve', complaints ? complaints.resolveDays.median : null, 'days'),
        ],
      },
    ],
  };
}
