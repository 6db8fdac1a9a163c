import type { FormDefinition } from '../../../shared/e-form-rules';

/**
 * What an e-service request keeps of its answers once its applicant erased their data: only the
 * kinds of answer that cannot name, reach or locate a person (a number, a date, a choice, yes/no,
 * the consent box). Text, IDs, phones, e-mails, addresses, places and files go. Answers of a request
 * with no form snapshot (free-form) are the person's own words: all go. Pure, unit tested.
 */
const ANONYMOUS_KINDS = new Set(['eform.number', 'eform.date', 'eform.choice', 'eform.yes-no', 'eform.consent']);

export function erasedAnswers(form: Pick<FormDefinition, 'fields'> | null, answers: unknown): Record<string, unknown> {
  if (!form || !Array.isArray(form.fields) || !answers || typeof answers !== 'object' || Array.isArray(answers)) return {};
  const keep = new Set(form.fields.filter((f) => ANONYMOUS_KINDS.has(f.__component)).map((f) => f.name));
  return Object.fromEntries(Object.entries(answers as Record<string, unknown>).filter(([name]) => keep.has(name)));
}
