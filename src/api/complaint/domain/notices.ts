import { OPEN_STATES, STATE_LABELS } from '../workflow';
import { offersSurvey } from '../../../shared/survey-rules';
import { surveyChatLine, surveyMailLine, type SurveyLinkOf } from '../../survey/domain/invite';
import { formatDate, languageOf, messagesOf, type Language, type Vars } from '../../../shared/messages';
import th from '../messages/th.json';
import en from '../messages/en.json';

/** The complaint module's copy, per language (`src/api/complaint/messages`). */
export const COMPLAINT_MESSAGES = { th, en };

/** Fills a chat text by its key in a language (staff may have reworded it): the channels service's render. */
export type RenderText = (key: string, vars?: Vars, lang?: Language) => string;

/**
 * What the complaint channel tells people: the citizen in the language they filed in, staff in
 * their own (Thai unless their admin profile says English). Plain TypeScript: the workflow engine
 * decides when, this decides what and to whom; the words are in the catalogues.
 */
export interface NoticeContext {
  publicUrl: string;
  staffEmail?: string;
  /** The bot's wording for chat cases (staff may have changed it). */
  chatText: RenderText;
  /** The case's page in the admin, for messages to staff. */
  caseLink: string;
  /** The one-time satisfaction survey link of a case (none: no link is sent). */
  surveyLink?: SurveyLinkOf;
}

/** An officer as the engine loads them; `preferedLanguage` is Strapi's spelling. */
export interface StaffLike {
  email?: string | null;
  preferedLanguage?: string | null;
}

export interface ComplaintLike {
  id?: number;
  trackingCode: string;
  channel?: string | null;
  platformUserId?: string | null;
  /** The language the citizen filed in; none (older complaints) is Thai. */
  language?: string | null;
  title?: string | null;
  description?: string | null;
  contactEmail?: string | null;
  dueAt?: string | Date | null;
  category?: { nameTh?: string; nameEn?: string | null } | null;
  assignee?: StaffLike | null;
  /** How often the case was reopened (the survey is offered on its first finish only). */
  reopenCount?: number | null;
}

export type NoticeHappening =
  | { kind: 'created' }
  | { kind: 'transition'; from: string; to: string; reason?: string }
  | { kind: 'public_reply'; message: string }
  | { kind: 'assignment'; assignee: StaffLike & { firstname?: string | null } }
  | { kind: 'overdue'; assignee?: StaffLike | null };

/** Where a citizen follows a case on the website. */
/** Where a citizen follows a case on the website, in their language (English pages live under /en). */
export const trackingLink = (publicUrl: string, code: string, lang: Language = 'th') => `${publicUrl}${lang === 'en' ? '/en' : ''}/track?code=${encodeURIComponent(code)}`;

const stateLabel = (state: string, lang: Language) => STATE_LABELS[state as keyof typeof STATE_LABELS]?.[lang] ?? state;

export function complaintNotices(c: ComplaintLike, what: NoticeHappening, ctx: NoticeContext) {
  const code = c.trackingCode;
  const lang = languageOf(c.language);
  const link = trackingLink(ctx.publicUrl, code, lang);
  const t = messagesOf(COMPLAINT_MESSAGES, lang);
  const due = formatDate(c.dueAt, lang);

  const toCitizen = (subject: string, lines: string[]) =>
    c.contactEmail ? [{ channel: 'email', to: c.contactEmail, subject: `[${code}] ${subject}`, text: [...lines, '', t('citizen.follow', { link }), ''].join('\n') }] : [];
  // A case that came by chat is answered in the same chat (LINE push, Messenger update).
  const toChat = (message: string) =>
    (c.channel === 'line' || c.channel === 'facebook') && c.platformUserId ? [{ channel: c.channel, to: c.platformUserId, subject: `[${code}]`, text: message }] : [];

  /** An e-mail to an officer, in their language, with the case's page in the admin. */
  const toStaff = (staff: StaffLike | null | undefined, fallbackEmail: string | null | undefined, kind: 'created' | 'assigned' | 'overdue') => {
    const email = staff?.email || fallbackEmail;
    if (!email) return [];
    const staffLang = languageOf(staff?.email ? staff.preferedLanguage : null);
    const s = messagesOf(COMPLAINT_MESSAGES, staffLang);
    const category = (staffLang === 'en' ? c.category?.nameEn || c.category?.nameTh : c.category?.nameTh) ?? '';
    const summary = s('staff.summary', { category, title: c.title || (c.description ?? '').slice(0, 80) });
    const body = s(`staff.${kind}.body`, { summary, due: formatDate(c.dueAt, staffLang) });
    return [{ channel: 'email', to: email, subject: `[${code}] ${s(`staff.${kind}.subject`)}`, text: [body, ctx.caseLink, ''].join('\n') }];
  };

  switch (what.kind) {
    case 'created':
      return [
        // A category with a default assignee routes the new case straight to that officer.
        ...toStaff(c.assignee, null, 'created'),
        ...toCitizen(t('citizen.created.subject'), [t('citizen.created.body', { code, due })]),
      ];
    case 'transition': {
      const state = stateLabel(what.to, lang);
      const reason = what.reason ? [t('citizen.reason', { reason: what.reason })] : [];
      // Fixed for the first time: the one-time satisfaction survey link, by the way the citizen came.
      const survey = c.id && ctx.surveyLink && offersSurvey('complaint', what, OPEN_STATES, c.reopenCount) ? ctx.surveyLink(c.id, lang) : null;
      return [
        ...toChat(
          [ctx.chatText('stateChanged', { code, state }, lang), ...(what.reason ? [ctx.chatText('reasonLine', { reason: what.reason }, lang)] : []), ...(survey ? [surveyChatLine(code, survey, lang)] : [])].join('\n')
        ),
        ...toCitizen(t('citizen.transition.subject', { state }), [t('citizen.transition.body', { code, state }), ...reason, ...(survey ? ['', surveyMailLine(survey, lang)] : [])]),
      ];
    }
    case 'public_reply':
      return [
        ...toChat(ctx.chatText('staffReply', { code, text: what.message }, lang)),
        ...toCitizen(t('citizen.reply.subject'), [t('citizen.reply.body', { message: what.message })]),
      ];
    case 'assignment':
      return toStaff(what.assignee, null, 'assigned');
    case 'overdue':
      return toStaff(what.assignee, ctx.staffEmail, 'overdue');
  }
}
