import type { Core } from '@strapi/strapi';
import { publicUrl } from '../../public-url';
import type { CaseType } from '../../shared/survey-rules';
import { surveyLink, surveyToken } from './domain/token';
import type { SurveyLinkOf } from './domain/invite';

/** The signing secret (SURVEY_SECRET, config/survey.ts); '' when unset. */
export const surveySecret = (strapi: Core.Strapi): string => String(strapi.config.get<string>('survey.secret') ?? '');

/** A case type's survey link builder for its notices; none without a secret (nothing to sign with). */
export function caseSurveyLink(strapi: Core.Strapi, caseType: CaseType): SurveyLinkOf | undefined {
  const secret = surveySecret(strapi);
  if (!secret) return undefined;
  return (caseId, lang) => surveyLink(publicUrl(strapi), surveyToken(secret, caseType, caseId), lang);
}
