/**
 * Surveys on the website: the contract (types and rules) is the server's own
 * (src/shared/survey-rules.ts, as GET /api/surveys/{slug} and GET /api/case-ratings/{token} answer it).
 */
export type { Question, QuestionResult, SurveyDefinition, SurveyResults, SurveySummary } from '../../src/shared/survey-rules';
export { RATING_ASPECTS, checkCaseRating, checkSurveyAnswers } from '../../src/shared/survey-rules';

/** A question's control id (its fieldset or textarea): ids stay valid whatever the question's name. */
export const questionId = (name: string): string => `q-${name}`;
