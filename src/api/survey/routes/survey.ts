import { route } from '../../../http/contract';
import { answerSurvey, getCaseRating, getSurvey, getSurveyResults, listSurveys, rateCase } from '../contracts';

/** Surveys' write budget: one per address across rating a case and answering a survey. */
const SURVEY_BUDGET = { name: 'global::rate-limit', config: { bucket: 'surveys' } };
/** Reading a link counts against the generous read budget (a token is guessed by no one, but tried). */
const SURVEY_READS = { name: 'global::rate-limit', config: { bucket: 'survey-reads', reads: true } };

/** Public routes only: staff compose surveys in the Content Manager and read answers there. */
export default {
  routes: [
    route(getCaseRating, 'case-rating.get', { middlewares: [SURVEY_READS] }),
    route(rateCase, 'case-rating.rate', { middlewares: [SURVEY_BUDGET] }),
    route(listSurveys, 'survey.list'),
    route(getSurvey, 'survey.get'),
    route(answerSurvey, 'survey.respond', { middlewares: [SURVEY_BUDGET] }),
    route(getSurveyResults, 'survey.results'),
  ],
};
