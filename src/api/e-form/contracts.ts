import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { RATE_LIMITED, isoDate, label } from '../../http/schemas';
import { E_FORM_CODES } from '../../shared/e-form-rules';
import { PublicSubmission } from '../e-form-submission/contracts';

/** The public e-service form routes, each with the one schema that validates, types and documents it. */

const slugParam = z.object({ slug: z.string().max(80).meta({ examples: ['elderly-allowance'] }) });
const optionalLabel = label.nullable();

const fieldBase = { name: z.string().meta({ description: "The answer's key in data.answers (files: the part name files.<name>)" }), label, help: optionalLabel, required: z.boolean() };

/** A field of a form: what every kind has, plus its own options. */
export const FieldSchema = z.discriminatedUnion('__component', [
  z.object({ ...fieldBase, __component: z.enum(['eform.short-text', 'eform.long-text']), maxLength: z.int() }),
  z.object({ ...fieldBase, __component: z.literal('eform.number'), min: z.number().nullable(), max: z.number().nullable(), integer: z.boolean(), unit: optionalLabel }),
  z.object({ ...fieldBase, __component: z.literal('eform.date'), allow: z.enum(['any', 'past', 'future']) }),
  z.object({ ...fieldBase, __component: z.literal('eform.choice'), multiple: z.boolean(), options: z.array(z.object({ value: z.string(), label })) }),
  z.object({ ...fieldBase, __component: z.enum(['eform.yes-no', 'eform.national-id', 'eform.phone', 'eform.email', 'eform.location']) }),
  z.object({ ...fieldBase, __component: z.literal('eform.address'), defaults: z.object({ subdistrict: z.string().nullable(), district: z.string().nullable(), province: z.string().nullable() }) }),
  z.object({
    ...fieldBase,
    __component: z.literal('eform.file'),
    accept: z.enum(['pdf_images', 'pdf', 'images']),
    mimeTypes: z.array(z.string()),
    maxSizeMb: z.int(),
    maxFiles: z.int(),
  }),
  z.object({ ...fieldBase, __component: z.literal('eform.consent'), text: label }),
]);

export const FormSummarySchema = z.object({
  slug: z.string(),
  title: label,
  description: label,
  department: z.string().nullable(),
  processingDays: z.int().meta({ description: 'Calendar days from receipt to the due date' }),
  fee: z.number().meta({ description: 'Baht; 0 = free' }),
  fieldCount: z.int(),
  acceptsFiles: z.boolean(),
  updatedAt: isoDate,
});

export const FormDefinitionSchema = FormSummarySchema.extend({
  isOpen: z.boolean().meta({ description: 'False: the form is shown but takes no requests (409 form_closed)' }),
  documents: z.object({ th: z.array(z.string()), en: z.array(z.string()) }).meta({ description: 'Documents to bring or attach' }),
  workflow: z.enum(['full', 'short']),
  paperPages: z.int().meta({ description: 'Pages the paper form took (paper saved per request)' }),
  fields: z.array(FieldSchema),
});

export const listForms = {
  method: 'GET',
  path: '/e-forms',
  operationId: 'listEServiceForms',
  summary: 'The e-service forms open for requests, in display order',
  tags: ['E-service'],
  responses: { 200: { description: 'Open, published forms', schema: z.object({ data: z.array(FormSummarySchema) }) } },
} satisfies RouteContract;

export const getForm = {
  method: 'GET',
  path: '/e-forms/:slug',
  operationId: 'getEServiceForm',
  summary: 'One e-service form with its fields: what to ask and the rules of each answer',
  description: 'A closed form is still answered (isOpen: false) so that a page can say the service is closed.',
  tags: ['E-service'],
  request: { params: slugParam },
  codes: ['form_not_found'],
  responses: {
    200: { description: 'The form', schema: z.object({ data: FormDefinitionSchema }) },
    404: { description: 'No published form has this slug (code form_not_found)' },
  },
} satisfies RouteContract;

/** Every file a form takes, at most (5 fields' worth is far beyond any real form). */
export const MAX_SUBMISSION_FILES = 20;

export const submitForm = {
  method: 'POST',
  path: '/e-forms/:slug/submissions',
  operationId: 'submitEServiceForm',
  summary: 'File a request through an e-service form (rate-limited per client address); the tracking code, state and dates are the server’s',
  description:
    'JSON `{ "data": { "answers": { <field name>: value }, "contact"?, "consent"?, "language"? } }`, or multipart/form-data with a part `data` holding that JSON as text and one part `files.<field name>` per file. Each form’s answers are described below (one schema per open form, by its slug). Files are checked by content (PDF, JPEG, PNG, WebP) and kept privately, never published. All or nothing: a refusal stores nothing.',
  tags: ['E-service'],
  request: { params: slugParam, files: { field: 'files.<field name>', max: MAX_SUBMISSION_FILES, media: 'application/pdf', optional: true } },
  codes: [...E_FORM_CODES, 'invalid_phone', 'invalid_format', 'malformed_body', 'form_not_found', 'form_closed'],
  responses: {
    201: { description: 'Filed: the tracking code and the public view of the request', schema: z.object({ data: PublicSubmission }) },
    400: { description: 'Invalid answers or files: error.details.errors lists each, at ["answers", <field name>, …], with its code and a message in the caller’s language' },
    404: { description: 'No published form has this slug (code form_not_found)' },
    409: { description: 'The form is closed (code form_closed)' },
    413: { description: 'The body or its files are too large' },
    415: { description: 'Neither JSON nor multipart/form-data' },
    429: RATE_LIMITED,
  },
} satisfies RouteContract;
