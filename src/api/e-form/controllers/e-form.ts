import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { fieldRefusal, inputOf, notFound } from '../../../http/contract';
import { fieldMessage } from '../../../http/messages';
import { getForm, listForms, submitForm } from '../contracts';
import type { EFormService } from '../services/e-form';
import type { SubmissionService } from '../../e-form-submission/services/e-form-submission';
import { fileFormSubmission } from '../../e-form-submission/form-submission';
import type { Upload } from '../../e-form-submission/files';
import { toPublicSubmission } from '../../e-form-submission/domain/public-view';
import { signedInUser } from '../../account/identity';

const UID = 'api::e-form.e-form';

interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/** The multipart parts `files.<field>` as uploads of that field, in the order they came. */
function uploadsOf(ctx: Context): Upload[] {
  const files = (ctx.request as { files?: Record<string, IncomingFile | IncomingFile[] | undefined> }).files ?? {};
  return Object.entries(files).flatMap(([part, value]) => {
    const m = /^files\.([a-z][a-z0-9_]*)$/.exec(part);
    if (!m || !value) return [];
    return (Array.isArray(value) ? value : [value]).map((f) => ({ field: m[1], filepath: f.filepath, originalFilename: f.originalFilename, size: f.size }));
  });
}

/** Thin: the route's contract validated the parameters; call the service, shape the public answer. */
export default factories.createCoreController(UID, ({ strapi }) => {
  const forms = () => strapi.service(UID) as EFormService;
  const submissions = () => strapi.service('api::e-form-submission.e-form-submission') as SubmissionService;
  return {
    /** GET /api/e-forms: the open forms. */
    async list(ctx: Context) {
      inputOf(ctx, listForms);
      ctx.body = { data: await forms().listOpen() };
    },

    /** GET /api/e-forms/:slug: one published form (a closed one too, marked isOpen: false), or 404. */
    async get(ctx: Context) {
      const { params, language } = inputOf(ctx, getForm);
      const form = await forms().findPublished(params.slug);
      if (!form) throw notFound('form_not_found', language);
      ctx.body = { data: form.definition };
    },

    /** POST /api/e-forms/:slug/submissions (JSON, or multipart with `data` and `files.<field>` parts). */
    async submit(ctx: Context) {
      const { params, language } = inputOf(ctx, submitForm);
      const form = await forms().findPublished(params.slug);
      if (!form) throw notFound('form_not_found', language);
      if (!form.definition.isOpen) ctx.throw(409, fieldMessage('form_closed', language), { details: { code: 'form_closed' } });
      const multipart = Boolean(ctx.is('multipart'));
      if (!multipart && !ctx.is('application/json')) ctx.throw(415);
      const body = (ctx.request as { body?: unknown }).body;
      let data: unknown = body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
      if (multipart && typeof data === 'string') {
        try {
          data = JSON.parse(data) as unknown;
        } catch {
          throw fieldRefusal(['data'], 'malformed_body', language);
        }
      }
      if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) throw fieldRefusal(['data'], 'invalid_type', language);
      // A valid Bearer ties the request to that account; filing never needs one.
      const owner = await signedInUser(strapi, ctx);
      const created = await fileFormSubmission(strapi, form, { data, uploads: multipart ? uploadsOf(ctx) : [] }, language, new Date(), owner?.id);
      const record = await submissions().findByTrackingCode(created.trackingCode);
      if (!record) throw new Error(`request ${created.trackingCode} vanished after it was filed`);
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: toPublicSubmission(record) };
    },
  };
});
