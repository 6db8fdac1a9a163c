import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { RATE_LIMITED, label } from '../../http/schemas';
import { caseRatingSchema, SURVEY_CODES } from '../../shared/survey-rules';

/** The public survey routes, each with the one schema that validates, types and documents it. */

const tokenParam = z.object({
  token: z.string().max(100).meta({ description: 'The token of the one-time link sent when the case was finished', examples: ['complaint.42.Zs1kq0b7V7m2O9xYc3rQ0lH2m5nT8aPz'] }),
});
const slugParam = z.object({ slug: z.string().max(80).meta({ examples: ['satisfaction-2570'] }) });

export const CaseRatingView = z.object({
  caseType: z.enum(['complaint', 'e-service']),
  trackingCode: z.string(),
  service: label.meta({ description: 'The complaint category or the e-service form' }),
  answered: z.boolean().meta({ description: 'True once the case has been rated (a second answer is refused)' }),
  closed: z.boolean().meta({ description: 'False while the case is open again (rating refused with case_not_closed)' }),
});

export const getCaseRating = {
  method: 'GET',
  path: '/case-ratings/:token',
  operationId: 'getCaseRating',
  summary: 'What a one-time satisfaction link rates: the case, its service, and whether it was rated already',
  tags: ['Surveys'],
  request: { params: tokenParam },
  codes: ['invalid_token', 'case_not_found'],
  responses: {
    200: { description: 'The case the link rates (nothing personal)', schema: z.object({ data: CaseRatingView }) },
    400: { description: 'The token is malformed or not signed by this site (code invalid_token)' },
    404: { description: 'The case no longer exists (code case_not_found)' },
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

export const rateCase = {
  method: 'POST',
  path: '/case-ratings/:token',
  operationId: 'rateCase',
  summary: 'Rate a finished complaint or e-service request once: speed, staff, result and overall from 1 (poor) to 5 (excellent)',
  description: 'The comment is kept for staff and never published. One answer per case: a second is refused with 409 already_answered.',
  tags: ['Surveys'],
  request: { params: tokenParam, body: z.object({ data: caseRatingSchema }) },
  codes: ['invalid_token', 'case_not_found', 'already_answered', 'case_not_closed'],
  responses: {
    201: { description: 'Rated', schema: z.object({ data: CaseRatingView }) },
    400: { description: 'A score or the comment is invalid, or the token is (code invalid_token)' },
    404: { description: 'The case no longer exists (code case_not_found)' },
    409: { description: 'Already rated (already_answered), or the case is open again (case_not_closed)' },
    415: { description: 'Not JSON' },
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

const questionBase = { name: z.string().meta({ description: 'The answer’s key in data.answers' }), label, required: z.boolean() };

export const QuestionSchema = z.discriminatedUnion('__component', [
  z.object({ ...questionBase, __component: z.literal('survey.rating').meta({ description: 'An integer from 1 (poor) to 5 (excellent)' }) }),
  z.object({ ...questionBase, __component: z.literal('survey.choice'), multiple: z.boolean(), options: z.array(z.object({ value: z.string(), label })) }),
  z.object({ ...questionBase, __component: z.literal('survey.text'), maxLength: z.int() }),
  z.object({ ...questionBase, __component: z.literal('survey.yes-no') }),
]);

export const SurveySummarySchema = z.object({
  slug: z.string(),
  title: label,
  description: label,
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  questionCount: z.int(),
  showResults: z.boolean(),
});

export const SurveyDefinitionSchema = SurveySummarySchema.extend({
  isOpen: z.boolean().meta({ description: 'False: shown, but answers are refused (409 survey_closed)' }),
  questions: z.array(QuestionSchema),
});

const distribution = z.object({ 1: z.int(), 2: z.int(), 3: z.int(), 4: z.int(), 5: z.int() });
export const SurveyResultsSchema = z.object({
  slug: z.string(),
  title: label,
  responses: z.int(),
  questions: z.array(
    z.discriminatedUnion('kind', [
      z.object({ name: z.string(), label, kind: z.literal('rating'), answered: z.int(), average: z.number().nullable(), distribution }),
      z.object({ name: z.string(), label, kind: z.literal('choice'), answered: z.int(), options: z.array(z.object({ value: z.string(), label, count: z.int() })) }),
      z.object({ name: z.string(), label, kind: z.literal('yes-no'), answered: z.int(), yes: z.int(), no: z.int() }),
      z.object({ name: z.string(), label, kind: z.literal('text'), answered: z.int().meta({ description: 'How many wrote something; what they wrote is never public' }) }),
    ])
  ),
});

export const listSurveys = {
  method: 'GET',
  path: '/surveys',
  operationId: 'listSurveys',
  summary: 'The general surveys open now (published, opened, not yet closed)',
  tags: ['Surveys'],
  responses: { 200: { description: 'Open surveys, the soonest to close first', schema: z.object({ data: z.array(SurveySummarySchema) }) } },
} satisfies RouteContract;

export const getSurvey = {
  method: 'GET',
  path: '/surveys/:slug',
  operationId: 'getSurvey',
  summary: 'One published survey with its questions (a closed one too, isOpen: false)',
  tags: ['Surveys'],
  request: { params: slugParam },
  codes: ['survey_not_found'],
  responses: {
    200: { description: 'The survey', schema: z.object({ data: SurveyDefinitionSchema }) },
    404: { description: 'No published survey has this slug (code survey_not_found)' },
  },
} satisfies RouteContract;

export const answerSurvey = {
  method: 'POST',
  path: '/surveys/:slug/responses',
  operationId: 'answerSurvey',
  summary: 'Answer a general survey (rate-limited per client address); anonymous',
  description: '`{ "data": { "answers": { <question name>: value } } }`: a rating is an integer 1–5, a yes/no a boolean, a choice one of its options (a list when multiple), a text a string.',
  tags: ['Surveys'],
  request: { params: slugParam, body: z.object({ data: z.object({ answers: z.record(z.string().max(40), z.unknown()) }) }) },
  codes: [...SURVEY_CODES, 'survey_not_found', 'survey_closed'],
  responses: {
    201: { description: 'Answered', schema: z.object({ data: z.object({ slug: z.string(), submittedAt: z.string() }) }) },
    400: { description: 'Invalid answers: error.details.errors lists each at ["data", "answers", <question name>]' },
    404: { description: 'No published survey has this slug (code survey_not_found)' },
    409: { description: 'The survey is not open (code survey_closed)' },
    415: { description: 'Not JSON' },
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

export const getSurveyResults = {
  method: 'GET',
  path: '/surveys/:slug/results',
  operationId: 'getSurveyResults',
  summary: 'A survey’s results: the number of answers, and per question the rating average and distribution, choice and yes/no counts (text answers never)',
  tags: ['Surveys'],
  request: { params: slugParam },
  codes: ['survey_not_found'],
  responses: {
    200: { description: 'The results', schema: z.object({ data: SurveyResultsSchema }) },
    404: { description: 'No published survey has this slug, or its results are not shown (code survey_not_found)' },
  },
} satisfies RouteContract;
