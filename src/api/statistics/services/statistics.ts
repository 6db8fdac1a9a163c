import type { Core } from '@strapi/strapi';
import { COMPLAINT_WORKFLOW } from '../../complaint/workflow';
import { E_SERVICE_WORKFLOW } from '../../e-form-submission/workflow';
import { AREAS, type AreaName, type Areas, type Statistics } from '../domain/areas';
import { fiscalYearOf } from '../domain/calendar';
import {
  assessmentFigures,
  complaintFigures,
  datasetFigures,
  eServiceFigures,
  satisfactionFigures,
  taxFigures,
  type ComplaintRow,
  type DatasetRow,
  type EServiceRow,
  type FormRow,
  type RatingRow,
  type StateDef,
  type SurveyRow,
  type TaxBillRow,
} from '../domain/figures';

export interface StatisticsOptions {
  /** One fiscal year (Buddhist era); all time when absent. The assessment form defaults to the current one. */
  fiscalYear?: number;
  /** The clock (tests; the default is now). */
  now?: Date;
}

/**
 * The public statistics, read by the API, the website's /statistics page, the live open datasets and
 * the good-governance dashboard: `area(name, { fiscalYear })` for one area, `all()` for every one.
 */
export interface StatisticsService {
  all(options?: StatisticsOptions): Promise<Statistics>;
  area<K extends AreaName>(name: K, options?: StatisticsOptions): Promise<Areas[K]>;
}

const COMPLAINT = 'api::complaint.complaint';
const SUBMISSION = 'api::e-form-submission.e-form-submission';
const FORM = 'api::e-form.e-form';
const RATING = 'api::survey.case-rating';
const SURVEY = 'api::survey.survey';
const RESPONSE = 'api::survey.survey-response';
const DATASET = 'api::dataset.dataset';
const TAX_BILL = 'api::tax-bill.tax-bill';

const states = (w: { states: readonly StateDef[] }): StateDef[] => w.states.map((s) => ({ key: s.key, label: s.label, meaning: s.meaning }));

/**
 * Reads a few fields of every row (a municipality has thousands of cases a year, not millions) and
 * hands them to the pure figures. A type or field another part of the platform adds later (the case
 * ratings, the reopen count) is read only once its schema is there.
 */
export default ({ strapi }: { strapi: Core.Strapi }): StatisticsService => {
  const types = () => strapi.contentTypes as unknown as Record<string, { attributes?: Record<string, unknown> } | undefined>;
  const hasType = (uid: string) => Boolean(types()[uid]);
  const hasField = (uid: string, field: string) => field in (types()[uid]?.attributes ?? {});
  const query = (uid: string) => strapi.db.query(uid);

  async function complaints(): Promise<ComplaintRow[]> {
    const withReopens = hasField(COMPLAINT, 'reopenCount');
    const rows = (await query(COMPLAINT).findMany({
      select: ['state', 'receivedAt', 'dueAt', 'resolvedAt', 'village', ...(withReopens ? ['reopenCount'] : [])],
      populate: { category: { select: ['code', 'nameTh', 'nameEn'] } },
    })) as Array<Omit<ComplaintRow, 'reopenCount'> & { reopenCount?: number | null }>;
    return rows.map((r) => ({ ...r, reopenCount: r.reopenCount ?? 0 }));
  }

  async function eService(): Promise<{ rows: EServiceRow[]; forms: FormRow[] }> {
    const [rows, forms] = await Promise.all([
      query(SUBMISSION).findMany({ select: ['formSlug', 'title', 'state', 'receivedAt', 'paperPages'] }) as Promise<EServiceRow[]>,
      // Published forms only: a draft is nobody's service yet.
      query(FORM).findMany({ where: { publishedAt: { $notNull: true } }, select: ['slug', 'titleTh', 'titleEn'] }) as Promise<FormRow[]>,
    ]);
    return { rows, forms };
  }

  async function ratings(): Promise<RatingRow[]> {
    if (!hasType(RATING)) return [];
    return (await query(RATING).findMany({ select: ['caseType', 'channel', 'speed', 'staff', 'result', 'overall', 'answeredAt'] })) as RatingRow[];
  }

  async function surveys(): Promise<SurveyRow[]> {
    if (!hasType(SURVEY) || !hasType(RESPONSE)) return [];
    const list = (await query(SURVEY).findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId', 'slug', 'titleTh', 'titleEn'], orderBy: [{ slug: 'asc' }] })) as Array<{
      documentId: string;
      slug: string;
      titleTh: string;
      titleEn: string | null;
    }>;
    const responses = (await query(RESPONSE).findMany({
      select: ['submittedAt', ...(hasField(RESPONSE, 'surveySlug') ? ['surveySlug'] : [])],
      populate: { survey: { select: ['documentId'] } },
    })) as Array<{ submittedAt: string | null; surveySlug?: string | null; survey: { documentId: string } | null }>;
    return list.map((s) => ({
      slug: s.slug,
      titleTh: s.titleTh,
      titleEn: s.titleEn,
      // A response may point at the draft or the published row of its survey (the document is the survey), or only name its slug.
      responses: responses.filter((r) => (r.survey ? r.survey.documentId === s.documentId : r.surveySlug === s.slug)).map((r) => r.submittedAt),
    }));
  }

  async function datasets(): Promise<DatasetRow[]> {
    const rows = (await query(DATASET).findMany({ where: { publishedAt: { $notNull: true } }, select: ['category'], populate: { resources: { select: ['id'] } } })) as Array<{
      category: string;
      resources: Array<{ id: number }> | null;
    }>;
    return rows.map((d) => ({ category: d.category, resources: d.resources?.length ?? 0 }));
  }

  const taxBills = async () => (await query(TAX_BILL).findMany({ select: ['taxYear', 'taxAmount', 'paidAmount', 'status'] })) as TaxBillRow[];

  const compute: { [K in AreaName]: (o: StatisticsOptions) => Promise<Areas[K]> } = {
    complaints: async (o) => complaintFigures(await complaints(), states(COMPLAINT_WORKFLOW), o),
    'e-service': async (o) => {
      const { rows, forms } = await eService();
      return eServiceFigures(rows, forms, states(E_SERVICE_WORKFLOW), o);
    },
    satisfaction: async (o) => satisfactionFigures(await ratings(), await surveys(), o),
    datasets: async () => datasetFigures(await datasets()),
    tax: async (o) => taxFigures(await taxBills(), o),
    'complaints-assessment': async (o) => assessmentFigures(await complaints(), states(COMPLAINT_WORKFLOW), o.fiscalYear ?? fiscalYearOf(o.now ?? new Date())),
  };

  return {
    area(name, options = {}) {
      return compute[name](options);
    },
    async all(options = {}) {
      const now = options.now ?? new Date();
      const o = { ...options, now };
      const entries: Array<[AreaName, unknown]> = [];
      // One after the other: SQLite answers one query at a time anyway.
      for (const name of AREAS) entries.push([name, await compute[name](o)]);
      return { generatedAt: now.toISOString(), fiscalYear: options.fiscalYear ?? null, areas: Object.fromEntries(entries) as unknown as Areas };
    },
  };
};
