import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { inputOf, invalid, notFound } from '../../../http/contract';
import { fieldMessage } from '../../../http/messages';
import { answerSurvey, getSurvey, getSurveyResults, listSurveys } from '../contracts';
import type { SurveyService } from '../services/survey';

const UID = 'api::survey.survey';

/** Thin: the route's contract validated the parameters; call the service, shape the public answer. */
export default factories.createCoreController(UID, ({ strapi }) => {
  const surveys = () => strapi.service(UID) as SurveyService;
  return {
    async list(ctx: Context) {
      inputOf(ctx, listSurveys);
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = { data: await surveys().listOpen() };
    },

    async get(ctx: Context) {
      const { params, language } = inputOf(ctx, getSurvey);
      const s = await surveys().findPublished(params.slug);
      if (!s) throw notFound('survey_not_found', language);
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = { data: s.definition };
    },

    async respond(ctx: Context) {
      const { params, body, language } = inputOf(ctx, answerSurvey);
      const s = await surveys().findPublished(params.slug);
      if (!s) throw notFound('survey_not_found', language);
      if (!s.definition.isOpen) ctx.throw(409, fieldMessage('survey_closed', language), { details: { code: 'survey_closed' } });
      const result = await surveys().respond(s, body.data.answers);
      if (result.issues) throw invalid(result.issues.map((i) => ({ path: ['data', 'answers', ...i.path], code: i.code, message: fieldMessage(i.code, language) })), language);
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: { slug: s.definition.slug, submittedAt: result.submittedAt } };
    },

    async results(ctx: Context) {
      const { params, language } = inputOf(ctx, getSurveyResults);
      const s = await surveys().findPublished(params.slug);
      if (!s || !s.definition.showResults) throw notFound('survey_not_found', language);
      const r = await surveys().results(s);
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = { data: { slug: s.definition.slug, title: s.definition.title, ...r } };
    },
  };
});
