import { lines } from '../../../shared/e-form-rules';
import { isSurveyOpen, type Question, type SurveyDefinition, type SurveySummary } from '../../../shared/survey-rules';
import { bilingual, fillFieldNames } from '../../e-form/domain/definition';

/**
 * A stored survey (an `api::survey.survey` row with its `questions` dynamic zone) as the public sees
 * it, from an allow-list of fields; English falls back to Thai where blank. Names are filled as a
 * save would (the same rule as an e-service form's fields).
 */
export interface StoredQuestion {
  __component: string;
  id?: number;
  name?: string | null;
  labelTh?: string | null;
  labelEn?: string | null;
  required?: boolean | null;
  [option: string]: unknown;
}

export interface StoredSurvey {
  slug: string;
  titleTh: string;
  titleEn?: string | null;
  descriptionTh?: string | null;
  descriptionEn?: string | null;
  opensAt?: string | Date | null;
  closesAt?: string | Date | null;
  showResults?: boolean | null;
  questions?: StoredQuestion[] | null;
}

export const TEXT_DEFAULT_MAX = 1000;

const KINDS = ['rating', 'choice', 'text', 'yes-no'];

export function toQuestion(stored: StoredQuestion): Question | null {
  const kind = stored.__component.replace(/^survey\./, '');
  const name = typeof stored.name === 'string' ? stored.name.trim() : '';
  if (!KINDS.includes(kind) || !stored.__component.startsWith('survey.') || !name) return null;
  const base = { name, label: bilingual(stored.labelTh, stored.labelEn), required: stored.required === true };
  switch (kind) {
    case 'choice': {
      const th = lines(typeof stored.optionsTh === 'string' ? stored.optionsTh : '');
      const en = lines(typeof stored.optionsEn === 'string' ? stored.optionsEn : '');
      const seen = new Set<string>();
      const options = th.flatMap((value, i) => (seen.has(value) ? [] : (seen.add(value), [{ value, label: { th: value, en: en[i] || value } }])));
      return { ...base, __component: 'survey.choice', multiple: stored.multiple === true, options };
    }
    case 'text': {
      const max = Number(stored.maxLength);
      return { ...base, __component: 'survey.text', maxLength: Number.isInteger(max) && max >= 1 && max <= 2000 ? max : TEXT_DEFAULT_MAX };
    }
    case 'rating':
      return { ...base, __component: 'survey.rating' };
    default:
      return { ...base, __component: 'survey.yes-no' };
  }
}

export function toQuestions(stored: StoredQuestion[] | null | undefined): Question[] {
  const seen = new Set<string>();
  return fillFieldNames(stored ?? [])
    .map(toQuestion)
    .filter((q): q is Question => q !== null && !seen.has(q.name) && Boolean(seen.add(q.name)));
}

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toSurveySummary(s: StoredSurvey, questions: Question[] = toQuestions(s.questions)): SurveySummary {
  return {
    slug: s.slug,
    title: bilingual(s.titleTh, s.titleEn),
    description: bilingual(s.descriptionTh, s.descriptionEn),
    opensAt: iso(s.opensAt),
    closesAt: iso(s.closesAt),
    questionCount: questions.length,
    showResults: s.showResults !== false,
  };
}

export function toSurveyDefinition(s: StoredSurvey, now: Date = new Date()): SurveyDefinition {
  const questions = toQuestions(s.questions);
  return { ...toSurveySummary(s, questions), isOpen: isSurveyOpen(s, now), questions };
}
