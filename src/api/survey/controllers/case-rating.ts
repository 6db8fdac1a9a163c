import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { inputOf, invalid, notFound } from '../../../http/contract';
import { fieldMessage, type Language } from '../../../http/messages';
import { isRatedState } from '../../../shared/survey-rules';
import { getCaseRating, rateCase } from '../contracts';
import { readSurveyToken } from '../domain/token';
import { surveySecret } from '../invite-link';
import type { CaseRatingService, RatedCase } from '../services/case-rating';

const UID = 'api::survey.case-rating';

/** The public view of what a link rates: the case's code and service, never who filed it. */
const toPublicRatingView = (c: RatedCase, answered: boolean) => ({
  caseType: c.caseType,
  trackingCode: c.trackingCode,
  service: c.serviceLabel,
  answered,
  closed: isRatedState(c.caseType, c.state),
});

export default factories.createCoreController(UID, ({ strapi }) => {
  const ratings = () => strapi.service(UID) as CaseRatingService;

  /** The case the token names: 400 invalid_token when not ours, 404 when the case is gone. */
  async function caseOf(token: string, language: Language): Promise<RatedCase> {
    const named = readSurveyToken(surveySecret(strapi), token);
    if (!named) throw invalid([{ path: ['params', 'token'], code: 'invalid_token', message: fieldMessage('survey.invalid_token', language) }], language);
    const c = await ratings().findCase(named.caseType, named.caseId);
    if (!c) throw notFound('case_not_found', language);
    return c;
  }

  return {
    async get(ctx: Context) {
      const { params, language } = inputOf(ctx, getCaseRating);
      const c = await caseOf(params.token, language);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: toPublicRatingView(c, await ratings().answered(c)) };
    },

    async rate(ctx: Context) {
      const { params, body, language } = inputOf(ctx, rateCase);
      const c = await caseOf(params.token, language);
      const outcome = await ratings().rate(c, body.data);
      if (outcome === 'answered') ctx.throw(409, fieldMessage('already_answered', language), { details: { code: 'already_answered' } });
      if (outcome === 'not_closed') ctx.throw(409, fieldMessage('case_not_closed', language), { details: { code: 'case_not_closed' } });
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: toPublicRatingView(c, true) };
    },
  };
});
