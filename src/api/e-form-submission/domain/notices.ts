import type { Happening, Notice } from '../../../../plugins/complaint-workflow/server/src/public';
import { formatDate, languageOf, messagesOf } from '../../../shared/messages';
import { E_SERVICE_WORKFLOW } from '../workflow';
import { offersSurvey } from '../../../shared/survey-rules';
import { surveyMailLine, type SurveyLinkOf } from '../../survey/domain/invite';
import th from '../messages/th.json';
import en from '../messages/en.json';

/** The e-service module's copy, per language (`src/api/e-form-submission/messages`). */
export const E_SERVICE_MESSAGES = { th, en };

/** What an e-service request's applicant and officers are told, in the language the applicant used. */
export interface SubmissionLike {
  id?: number;
  trackingCode: string;
  title: string;
  contactEmail?: string | null;
  language?: 'th' | 'en' | null;
  dueAt?: string | Date | null;
  assignee?: { email?: string | null; preferedLanguage?: string | null } | null;
}

interface Context {
  publicUrl: string;
  caseLink: string;
  /** The one-time satisfaction survey link of a request (none: no link is sent). */
  surveyLink?: SurveyLinkOf;
}

const OPEN_STATES = E_SERVICE_WORKFLOW.states.filter((s) => s.meaning === 'open').map((s) => s.key);

export function eServiceNotices(c: SubmissionLike, what: Happening, ctx: Context): Notice[] {
  const lang = languageOf(c.language);
  const t = messagesOf(E_SERVICE_MESSAGES, lang);
  const code = c.trackingCode;
  const link = `${ctx.publicUrl}${lang === 'en' ? '/en' : ''}/track?code=${encodeURIComponent(code)}`;
  const toApplicant = (subject: string, lines: string[]): Notice[] =>
    c.contactEmail ? [{ channel: 'email', to: c.contactEmail, subject: `[${code}] ${subject}`, text: [...lines, '', t('citizen.follow', { link }), ''].join('\n') }] : [];
  /** Officers read their own language (Thai unless their admin profile says English). */
  const toOfficer = (officer: { email?: string | null; preferedLanguage?: string | null } | null | undefined, kind: 'assigned' | 'overdue'): Notice[] => {
    if (!officer?.email) return [];
    const s = messagesOf(E_SERVICE_MESSAGES, languageOf(officer.preferedLanguage));
    return [{ channel: 'email', to: officer.email, subject: `[${code}] ${s(`staff.${kind}.subject`)}`, text: [s(`staff.${kind}.body`, { title: c.title }), ctx.caseLink].join('\n') }];
  };

  switch (what.kind) {
    case 'created':
      return toApplicant(t('citizen.created.subject'), [t('citizen.created.body', { title: c.title, code, due: formatDate(c.dueAt, lang) })]);
    case 'transition': {
      const state = E_SERVICE_WORKFLOW.states.find((s) => s.key === what.to)?.label[lang] ?? what.to;
      // Decided: the one-time satisfaction survey link.
      const survey = c.id && ctx.surveyLink && offersSurvey('e-service', what, OPEN_STATES) ? ctx.surveyLink(c.id, lang) : null;
      return toApplicant(t('citizen.transition.subject', { state }), [
        t('citizen.transition.body', { code, state }),
        ...(what.reason ? [t('citizen.reason', { reason: what.reason })] : []),
        ...(survey ? ['', surveyMailLine(survey, lang)] : []),
      ]);
    }
    case 'public_reply':
      return toApplicant(t('citizen.reply.subject'), [t('citizen.reply.body', { message: what.message })]);
    case 'assignment':
      return toOfficer(what.assignee, 'assigned');
    case 'overdue':
      return toOfficer(what.assignee, 'overdue');
  }
}
