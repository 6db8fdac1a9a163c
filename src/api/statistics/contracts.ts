import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { isoDate } from '../../http/schemas';
import { AREAS, FISCAL_YEAR_MAX, FISCAL_YEAR_MIN } from './domain/areas';

/** The public statistics routes, each with the one schema that validates, types and documents it. */

const count = z.number().int().min(0);
const average = z.number().min(1).max(5).nullable().meta({ description: 'Average of the 1–5 answers, two decimals; null when nobody answered' });
const shareOf = z.number().min(0).max(1).nullable().meta({ description: 'A fraction 0..1 (four decimals); null when the whole is zero' });
const month = z.string().meta({ examples: ['2026-10'], description: 'A month in Bangkok time, YYYY-MM' });

const StatusCount = z.object({ state: z.string(), labelTh: z.string(), labelEn: z.string(), publicStatus: z.enum(['open', 'closed']), count });

export const ComplaintFigures = z.object({
  total: count,
  byCategory: z.array(z.object({ code: z.string().nullable(), nameTh: z.string().nullable(), nameEn: z.string().nullable(), count })),
  byStatus: z.array(StatusCount),
  byVillage: z.array(z.object({ village: z.number().int().nullable(), count })),
  byMonth: z.array(z.object({ month, received: count, resolved: count })),
  resolveDays: z.object({ median: z.number().nullable(), p90: z.number().nullable(), count }).meta({ description: 'Days from receipt to resolution (one decimal); p90 by the nearest-rank method' }),
  onTime: z.object({ answered: count, withinDeadline: count, share: shareOf }).meta({ description: 'Complaints with a deadline that were resolved, and how many by the deadline' }),
  reopened: z.object({ cases: count, reopens: count }),
});

export const EServiceFigures = z.object({
  total: count,
  byService: z.array(z.object({ slug: z.string().nullable(), titleTh: z.string().nullable(), titleEn: z.string().nullable(), count, open: count, closed: count })),
  byStatus: z.array(StatusCount),
  paperPagesSaved: count,
});

const Averages = { count, speed: average, staff: average, result: average, overall: average };
export const SatisfactionFigures = z.object({
  overall: z.object(Averages),
  byCaseType: z.array(z.object({ caseType: z.string(), ...Averages })),
  byChannel: z.array(z.object({ channel: z.string().nullable(), ...Averages })),
  surveys: z.array(z.object({ slug: z.string(), titleTh: z.string(), titleEn: z.string().nullable(), responses: count })),
});

export const DatasetFigures = z.object({
  published: count,
  byCategory: z.array(z.object({ category: z.string(), count })),
  resources: count,
  downloads: count.nullable().meta({ description: 'null: downloads are not counted' }),
});

export const TaxFigures = z.object({
  byYear: z.array(z.object({ year: z.number().int(), billed: z.number(), collected: z.number(), share: shareOf, bills: count, paidBills: count })),
});

const AssessmentRow = z.object({ period: z.string(), labelTh: z.string(), labelEn: z.string(), total: count, inProgress: count, completed: count });
export const AssessmentFigures = z.object({
  fiscalYear: z.number().int(),
  byMonth: z.array(AssessmentRow).meta({ description: 'October to September' }),
  byQuarter: z.array(AssessmentRow),
  byHalf: z.array(AssessmentRow),
  year: AssessmentRow,
});

const Areas = z.object({
  complaints: ComplaintFigures,
  'e-service': EServiceFigures,
  satisfaction: SatisfactionFigures,
  datasets: DatasetFigures,
  tax: TaxFigures,
  'complaints-assessment': AssessmentFigures,
});

const fiscalYear = z
  .string()
  .max(8)
  .optional()
  .meta({ description: 'A fiscal year in the Buddhist era (1 October – 30 September), e.g. 2570; all time when absent', examples: ['2570'] })
  .refine((s) => s === undefined || (/^\d{4}$/.test(s) && Number(s) >= FISCAL_YEAR_MIN && Number(s) <= FISCAL_YEAR_MAX), { params: { code: 'invalid_fiscal_year' } })
  .transform((s) => (s === undefined ? undefined : Number(s)));

const query = z.object({ fiscalYear });

export const getStatistics = {
  method: 'GET',
  path: '/statistics',
  operationId: 'getStatistics',
  summary: 'Public service statistics: complaints, e-service requests, satisfaction, open data, tax and the ITA complaints-assessment form',
  description: 'Counts, sums and averages only, computed from the records when asked (never cached across data changes).',
  tags: ['Statistics'],
  request: { query },
  codes: ['invalid_fiscal_year'],
  responses: {
    200: { description: 'Every area', schema: z.object({ data: z.object({ generatedAt: isoDate, fiscalYear: z.number().int().nullable(), areas: Areas }) }) },
    400: { description: 'The fiscal year is not one' },
  },
} satisfies RouteContract;

export const getStatisticsArea = {
  method: 'GET',
  path: '/statistics/:area',
  operationId: 'getStatisticsArea',
  summary: 'One area of the public statistics',
  tags: ['Statistics'],
  request: { params: z.object({ area: z.string().max(40).meta({ examples: [...AREAS] }) }), query },
  codes: ['invalid_fiscal_year'],
  responses: {
    200: { description: 'The area’s figures (the schema of that area in getStatistics)', schema: z.object({ data: z.union(Object.values(Areas.shape)) }) },
    400: { description: 'The fiscal year is not one' },
    404: { description: 'No such area (code unknown_area)' },
  },
} satisfies RouteContract;
