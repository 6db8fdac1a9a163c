import * as z from 'zod/mini';
import { check, code, text, type CodedIssue } from './field-rules';
import { withoutBlanks, type Bilingual } from './e-form-rules';

/**
 * Surveys, one set of rules for the server's validation, its OpenAPI document and the website's
 * check before sending: the four 1–5 scales of a case rating, and the answers of a general
 * stakeholder survey (built from its questions, as an e-service form's answers are built from its
 * fields). Pure: no Strapi, no DOM.
 */

/* ------------------------------------------------------------------------------------------------
 * Case rating: how a citizen rates one finished complaint or e-service request
 * ---------------------------------------------------------------------------------------------- */

export const CASE_TYPES = ['complaint', 'e-service'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** The four scales a case is rated on, in the order the page asks them. */
export const RATING_ASPECTS = ['speed', 'staff', 'result', 'overall'] as const;
export type RatingAspect = (typeof RATING_ASPECTS)[number];

export const COMMENT_MAX = 2000;

const score = z.int().check(z.gte(1), z.lte(5));

/** `data` of POST /api/case-ratings/:token. */
export const caseRatingSchema = z.object({
  speed: score,
  staff: score,
  result: score,
  overall: score,
  comment: z.optional(text(COMMENT_MAX)),
});
export type CaseRatingInput = z.output<typeof caseRatingSchema>;

/**
 * Checks a rating as a form sends it too: "4" reads as 4 (a plain HTML form's radio value), a blank
 * comment as none.
 */
export function checkCaseRating(input: unknown): { data: CaseRatingInput; issues?: undefined } | { data?: undefined; issues: CodedIssue[] } {
  const raw = withoutBlanks(input ?? {});
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const copy: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    for (const k of RATING_ASPECTS) if (typeof copy[k] === 'string' && /^\d$/.test(copy[k])) copy[k] = Number(copy[k]);
    const r = check(caseRatingSchema, copy);
    return r.issues ? r : { data: Object.fromEntries(Object.entries(r.data).filter(([, v]) => v !== undefined)) as CaseRatingInput };
  }
  return check(caseRatingSchema, raw);
}

/**
 * The states after which a case is rated: a complaint that was fixed (resolved, then closed) and an
 * e-service request that was decided (done or refused). Rejected, referred and duplicate complaints
 * were not served by the town, so nobody is asked about them.
 */
export const RATED_STATES: Record<CaseType, readonly string[]> = {
  complaint: ['resolved', 'closed'],
  'e-service': ['done', 'refused'],
};

export const isRatedState = (caseType: CaseType, state: string | null | undefined): boolean => RATED_STATES[caseType].includes(state ?? '');

/**
 * Whether this state change sends the survey link: the case enters a rated state from an open one,
 * for the first time (never reopened before: a case leaves its closed meaning only by being reopened,
 * which is counted, so moving resolved → closed or resolving again sends nothing).
 */
export function offersSurvey(caseType: CaseType, change: { from: string; to: string }, openStates: readonly string[], reopenCount?: number | null): boolean {
  return isRatedState(caseType, change.to) && openStates.includes(change.from) && !(Number(reopenCount) > 0);
}

/* ------------------------------------------------------------------------------------------------
 * General surveys: questions composed like an e-service form
 * ---------------------------------------------------------------------------------------------- */

export type QuestionKind = 'rating' | 'choice' | 'text' | 'yes-no';
export const QUESTION_KINDS: QuestionKind[] = ['rating', 'choice', 'text', 'yes-no'];

interface QuestionBase {
  /** The answer's key: stable, `^[a-z][a-z0-9_]*$`. */
  name: string;
  label: Bilingual;
  required: boolean;
}

export type Question =
  | (QuestionBase & { __component: 'survey.rating' })
  | (QuestionBase & { __component: 'survey.choice'; multiple: boolean; options: Array<{ value: string; label: Bilingual }> })
  | (QuestionBase & { __component: 'survey.text'; maxLength: number })
  | (QuestionBase & { __component: 'survey.yes-no' });

export const questionKind = (q: Pick<Question, '__component'>): QuestionKind => q.__component.slice('survey.'.length) as QuestionKind;

/** What GET /api/surveys lists of each open survey. */
export interface SurveySummary {
  slug: string;
  title: Bilingual;
  description: Bilingual;
  opensAt: string | null;
  closesAt: string | null;
  questionCount: number;
  showResults: boolean;
}

/** A survey as GET /api/surveys/:slug serves it. */
export interface SurveyDefinition extends SurveySummary {
  isOpen: boolean;
  questions: Question[];
}

/** Open at `now`: published (the caller's part), opened and not yet closed; a blank end never closes. */
export function isSurveyOpen(s: { opensAt?: string | Date | null; closesAt?: string | Date | null }, now: Date = new Date()): boolean {
  const t = now.getTime();
  if (s.opensAt && new Date(s.opensAt).getTime() > t) return false;
  if (s.closesAt && new Date(s.closesAt).getTime() <= t) return false;
  return true;
}

/** The codes a survey's answers can be refused with. */
export const SURVEY_CODES = ['required', 'invalid_type', 'too_long', 'too_small', 'too_large', 'invalid_choice', 'control_characters', 'invalid_encoding'];

function answerSchema(q: Question): z.core.$ZodType {
  switch (q.__component) {
    case 'survey.rating':
      return score;
    case 'survey.yes-no':
      return z.boolean();
    case 'survey.text':
      return text(q.maxLength);
    case 'survey.choice': {
      const values = q.options.map((o) => o.value);
      const one = values.length ? z.enum(values as [string, ...string[]]) : z.never();
      return q.multiple ? z.array(one).check(z.refine((a: string[]) => new Set(a).size === a.length, code('invalid_choice'))) : one;
    }
  }
}

/** The schema of a survey's answers: one key per question, required ones required; unknown keys dropped. */
export function surveyAnswersSchema(questions: Question[]) {
  const shape: Record<string, z.core.$ZodType> = {};
  for (const q of questions) {
    const s = answerSchema(q);
    shape[q.name] = q.required ? s : z.optional(s);
  }
  return z.object(shape);
}

/** Checks a survey's answers (blanks read as not given): the parsed answers, or every refusal at `[name, …]`. */
export function checkSurveyAnswers(questions: Question[], answers: unknown): { data: Record<string, unknown>; issues?: undefined } | { data?: undefined; issues: CodedIssue[] } {
  const r = check(surveyAnswersSchema(questions), withoutBlanks(answers ?? {}));
  if (r.issues) return { issues: r.issues };
  return { data: Object.fromEntries(Object.entries(r.data).filter(([, v]) => v !== undefined)) };
}

/* ------------------------------------------------------------------------------------------------
 * Results: what may be shown of everyone's answers (text answers never)
 * ---------------------------------------------------------------------------------------------- */

export type QuestionResult =
  | { name: string; kind: 'rating'; label: Bilingual; answered: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> }
  | { name: string; kind: 'choice'; label: Bilingual; answered: number; options: Array<{ value: string; label: Bilingual; count: number }> }
  | { name: string; kind: 'yes-no'; label: Bilingual; answered: number; yes: number; no: number }
  | { name: string; kind: 'text'; label: Bilingual; answered: number };

export interface SurveyResults {
  responses: number;
  questions: QuestionResult[];
}

/** An average to two decimals; null when nothing was counted. */
export const average2 = (sum: number, count: number): number | null => (count ? Math.round((sum / count) * 100) / 100 : null);

/** Counts answers per question from the stored answers (answers to questions no longer asked are ignored). */
export function surveyResults(questions: Question[], answerSets: Array<Record<string, unknown> | null | undefined>): SurveyResults {
  const sets = answerSets.map((a) => (a && typeof a === 'object' ? a : {}));
  const results = questions.map((q): QuestionResult => {
    const given = sets.map((a) => a[q.name]).filter((v) => v !== undefined && v !== null && v !== '');
    const base = { name: q.name, label: q.label };
    switch (q.__component) {
      case 'survey.rating': {
        const scores = given.filter((v): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5);
        const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
        for (const s of scores) distribution[String(s) as keyof typeof distribution] += 1;
        return { ...base, kind: 'rating', answered: scores.length, average: average2(scores.reduce((a, b) => a + b, 0), scores.length), distribution };
      }
      case 'survey.choice': {
        const counts = new Map(q.options.map((o) => [o.value, 0]));
        let answered = 0;
        for (const v of given) {
          const picked = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && counts.has(x));
          if (picked.length) answered += 1;
          for (const p of picked) counts.set(p, (counts.get(p) ?? 0) + 1);
        }
        return { ...base, kind: 'choice', answered, options: q.options.map((o) => ({ ...o, count: counts.get(o.value) ?? 0 })) };
      }
      case 'survey.yes-no': {
        const yes = given.filter((v) => v === true).length;
        const no = given.filter((v) => v === false).length;
        return { ...base, kind: 'yes-no', answered: yes + no, yes, no };
      }
      case 'survey.text':
        // How many wrote something, never what: free text may name people.
        return { ...base, kind: 'text', answered: given.filter((v) => typeof v === 'string').length };
    }
  });
  return { responses: sets.length, questions: results };
}
