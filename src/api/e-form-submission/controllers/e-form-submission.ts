import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TRACKING_CODE_PATTERN } from '../../../../plugins/complaint-workflow/server/src/public';
import { fieldIssues, submissionInput } from '../domain/input';
import { toPublicSubmission } from '../domain/public-view';
import type { SubmissionService } from '../services/e-form-submission';

const UID = 'api::e-form-submission.e-form-submission';

/** The caller's language: ?locale=, else Accept-Language, Thai by default. */
const languageOf = (ctx: Context): 'th' | 'en' => {
  const asked = typeof ctx.query.locale === 'string' ? ctx.query.locale : ctx.get('accept-language');
  return /^en\b/i.test(asked.trim()) ? 'en' : 'th';
};

const MESSAGES = {
  invalid: { th: 'ข้อมูลคำขอไม่ถูกต้อง', en: 'The request has invalid fields' },
  notFound: { th: 'ไม่พบคำขอตามรหัสติดตามนี้', en: 'No e-service request has this tracking code' },
};

export default factories.createCoreController(UID, ({ strapi }) => {
  const submissions = () => strapi.service(UID) as SubmissionService;
  return {
  /** POST /api/e-form-submissions: a citizen files a request and gets its tracking code. */
  async create(ctx: Context) {
    const lang = languageOf(ctx);
    const body = (ctx.request as { body?: unknown }).body;
    const data = body && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
    const parsed = submissionInput.safeParse(data);
    if (!parsed.success) {
      const issues = fieldIssues(parsed.error, lang).map((i) => ({ ...i, path: ['data', ...i.path] }));
      throw new errors.ValidationError(MESSAGES.invalid[lang], { errors: issues.map((i) => ({ ...i, name: 'ValidationError' })) });
    }
    const created = await submissions().createFromCitizen(parsed.data, lang);
    const record = await submissions().findByTrackingCode(created.trackingCode);
    if (!record) throw new Error(`request ${created.trackingCode} vanished after it was filed`);
    ctx.status = 201;
    ctx.body = { data: toPublicSubmission(record) };
  },

  /** GET /api/e-form-submissions/track/:trackingCode: where the request stands, or 404. */
  async track(ctx: Context) {
    const code = String((ctx.params as Record<string, string>).trackingCode || '').toUpperCase();
    const found = TRACKING_CODE_PATTERN.test(code) ? await submissions().findByTrackingCode(code) : null;
    if (!found) throw new errors.NotFoundError(MESSAGES.notFound[languageOf(ctx)]);
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = { data: toPublicSubmission(found) };
  },
};
});
