import crypto from 'crypto';
import { CASE_TYPES, type CaseType } from '../../../shared/survey-rules';

/**
 * The one-time survey link's token: `<caseType>.<caseId>.<hmac>`, signed with SURVEY_SECRET, so no
 * invitation table is needed; "one time" is the rating's unique case key. Pure (Node's crypto only).
 */
const sign = (secret: string, caseType: CaseType, caseId: number) =>
  crypto.createHmac('sha256', secret).update(`survey:${caseType}:${caseId}`).digest('base64url').slice(0, 32);

export function surveyToken(secret: string, caseType: CaseType, caseId: number): string {
  if (!secret) throw new Error('SURVEY_SECRET is not set');
  return `${caseType}.${caseId}.${sign(secret, caseType, caseId)}`;
}

/** The case a token names, or null when it is malformed or its signature does not match. */
export function readSurveyToken(secret: string, token: string): { caseType: CaseType; caseId: number } | null {
  if (!secret || token.length > 100) return null;
  const m = /^(complaint|e-service)\.([1-9]\d{0,9})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const caseType = m[1] as CaseType;
  const caseId = Number(m[2]);
  if (!(CASE_TYPES as readonly string[]).includes(caseType) || !Number.isSafeInteger(caseId)) return null;
  const expected = Buffer.from(sign(secret, caseType, caseId));
  const given = Buffer.from(m[3]);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? { caseType, caseId } : null;
}

/** The link a citizen follows: the website's rating page, under /en for English cases. */
export const surveyLink = (publicUrl: string, token: string, lang: 'th' | 'en' = 'th') => `${publicUrl}${lang === 'en' ? '/en' : ''}/survey?token=${encodeURIComponent(token)}`;
