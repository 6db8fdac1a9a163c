import { factories, type Core } from '@strapi/strapi';
import { checkSurveyAnswers, isSurveyOpen, surveyResults, type SurveyDefinition, type SurveyResults, type SurveySummary } from '../../../shared/survey-rules';
import type { CodedIssue } from '../../../shared/field-rules';
import { toSurveyDefinition, toSurveySummary, type StoredSurvey } from '../domain/definition';

const UID = 'api::survey.survey';
const RESPONSE = 'api::survey.survey-response';

type Row = StoredSurvey & { id: number; documentId: string };

export interface PublishedSurvey {
  id: number;
  documentId: string;
  definition: SurveyDefinition;
}

const methods = ({ strapi }: { strapi: Core.Strapi }) => {
  // Published versions only, whatever the caller asked: a draft is staff's work in progress.
  const published = (filters: Record<string, unknown>) =>
    strapi.documents(UID).findMany({ status: 'published', filters, sort: [{ closesAt: 'asc' }, { titleTh: 'asc' }], populate: ['questions'] }) as unknown as Promise<Row[]>;

  /** Responses of a survey: by its document (any of its versions), or by the slug they were sent to. */
  const responsesOf = (s: PublishedSurvey) => ({ $or: [{ survey: { documentId: s.documentId } }, { surveySlug: s.definition.slug }] });

  return {
    /** GET /api/surveys: the surveys open now. */
    async listOpen(now: Date = new Date()): Promise<SurveySummary[]> {
      return (await published({})).filter((s) => isSurveyOpen(s, now)).map((s) => toSurveySummary(s));
    },

    async findPublished(slug: string): Promise<PublishedSurvey | null> {
      const [s] = await published({ slug });
      return s ? { id: s.id, documentId: s.documentId, definition: toSurveyDefinition(s) } : null;
    },

    /** Stores one anonymous response, or answers the refused answers (nothing stored). */
    async respond(s: PublishedSurvey, answers: unknown): Promise<{ submittedAt: string; issues?: undefined } | { issues: CodedIssue[] }> {
      const checked = checkSurveyAnswers(s.definition.questions, answers);
      if (checked.issues) return { issues: checked.issues };
      const submittedAt = new Date();
      await strapi.db.query(RESPONSE).create({ data: { survey: s.id, surveySlug: s.definition.slug, answers: checked.data, submittedAt } });
      return { submittedAt: submittedAt.toISOString() };
    },

    async results(s: PublishedSurvey): Promise<SurveyResults> {
      const rows = (await strapi.db.query(RESPONSE).findMany({ where: responsesOf(s), select: ['answers'] })) as Array<{ answers?: Record<string, unknown> | null }>;
      return surveyResults(s.definition.questions, rows.map((r) => r.answers));
    },

    /** Responses per published survey (the statistics read it). */
    async responseCounts(): Promise<Array<{ slug: string; titleTh: string; titleEn: string; responses: number }>> {
      const out = [];
      for (const row of await published({})) {
        const s = { id: row.id, documentId: row.documentId, definition: toSurveyDefinition(row) };
        out.push({ slug: row.slug, titleTh: s.definition.title.th, titleEn: s.definition.title.en, responses: await strapi.db.query(RESPONSE).count({ where: responsesOf(s) }) });
      }
      return out;
    },
  };
};

export type SurveyService = ReturnType<typeof methods>;
export default factories.createCoreService(UID, methods);
