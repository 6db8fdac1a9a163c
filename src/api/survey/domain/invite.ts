import { messagesOf, type Language } from '../../../shared/messages';
import th from '../messages/th.json';
import en from '../messages/en.json';

/** The survey module's copy, per language (`src/api/survey/messages`). */
export const SURVEY_MESSAGES = { th, en };

/** Builds a case's one-time survey link in the case's language (the case type's notices add it). */
export type SurveyLinkOf = (caseId: number, lang: Language) => string;

/** The line an e-mail gets when the case was finished. */
export const surveyMailLine = (link: string, lang: Language) => messagesOf(SURVEY_MESSAGES, lang)('invite.line', { link });

/** The chat message (LINE push, Messenger) that carries the link. */
export const surveyChatLine = (code: string, link: string, lang: Language) => messagesOf(SURVEY_MESSAGES, lang)('invite.chat', { code, link });
