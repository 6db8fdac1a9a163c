import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { isoDate, label } from '../../http/schemas';
import { GROUPS, INDICATORS } from './domain/checklist';

/** The public ITA/OIT checklist route, with the one schema that validates, types and documents it. */

/** A Buddhist-era fiscal year, as the query gives it. */
export const fiscalYearQuery = z
  .string()
  .refine((s) => /^\d{4}$/.test(s) && Number(s) >= 2500 && Number(s) <= 2700, { params: { code: 'invalid_fiscal_year' } })
  .transform(Number)
  .meta({ description: 'Buddhist-era fiscal year (1 October – 30 September, named by the year it ends in); default: the current one', examples: ['2570'] });

const counts = { total: z.int(), ok: z.int(), missing: z.int(), stale: z.int() };

export const ChecklistItemSchema = z.object({
  code: z.string().meta({ examples: ['o1'] }),
  title: label,
  requirement: label.meta({ description: 'What the assessment asks to be published' }),
  href: z.string().nullable().meta({ description: 'Where the answer is: a site path (/pages/…, /news?category=…, /data/…, /statistics#…, /e-service, /surveys) or a file or outside address; null when nothing is linked' }),
  steps: z.object({ th: z.array(z.string()), en: z.array(z.string()) }).meta({ description: 'The clicks from the home page to the answer' }),
  status: z.enum(['ok', 'missing', 'stale']).meta({ description: 'missing: nothing linked, or the target is unpublished or absent; stale: the target was not updated in the fiscal year, or the item was last reviewed over 365 days ago' }),
  reason: z.enum(['no_target', 'not_published', 'nothing_published', 'not_updated_in_year', 'review_overdue']).nullable(),
  updatedAt: isoDate.nullable().meta({ description: 'When the linked content last changed, when known' }),
  reviewedAt: z.string().nullable().meta({ description: 'The date staff last checked the item (YYYY-MM-DD)' }),
});

export const ChecklistSchema = z.object({
  fiscalYear: z.int(),
  years: z.array(z.int()).meta({ description: 'Fiscal years that have a checklist, newest first' }),
  counts: z.object(counts),
  groups: z.array(
    z.object({
      key: z.enum(GROUPS.map((g) => g.key) as [string, ...string[]]),
      indicator: z.enum(INDICATORS),
      title: label,
      ...counts,
      items: z.array(ChecklistItemSchema),
    })
  ),
});

export const getChecklist = {
  method: 'GET',
  path: '/transparency',
  operationId: 'getTransparencyChecklist',
  summary: 'The ITA/OIT open-information checklist of a fiscal year: each item, where its answer is on the site, how to get there and whether it is there',
  description: 'Grouped as the assessment groups them (indicator 9 information disclosure, indicator 10 corruption prevention). The website shows it at /transparency.',
  tags: ['Transparency'],
  request: { query: z.object({ fiscalYear: fiscalYearQuery.optional() }) },
  codes: ['invalid_fiscal_year'],
  responses: {
    200: { description: 'The checklist (every group, an empty one too)', schema: z.object({ data: ChecklistSchema }) },
    400: { description: 'fiscalYear is not a Buddhist-era year (code invalid_fiscal_year)' },
  },
} satisfies RouteContract;
