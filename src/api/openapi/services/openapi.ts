import crypto from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import { contracts, jsonSchema, operationOf } from '../../../http/contract';
import { buildOpenApiDocument, type ContentTypeSchema } from '../../../openapi/document';
import { isPublicAction } from '../../../permissions';
import { publicUrl } from '../../../public-url';
import { answersSchema, submissionEnvelope, type FormDefinition } from '../../../shared/e-form-rules';
import type { EFormService } from '../../e-form/services/e-form';
import { IDEMPOTENT_ROUTES } from '../../../middlewares/idempotency';

type Json = Record<string, unknown>;

/**
 * Content types and routes cannot change while the server runs, but e-service forms can: the
 * document is built once per revision of the published forms (each open form's answers are
 * described from the same schema that checks them).
 */
let cached: { body: string; etag: string; revision: string } | undefined;

const SUBMIT_PATH = '/e-forms/{slug}/submissions';

/** The body of one form's submission: the envelope with that form's answers. */
function formBody(form: FormDefinition): Json {
  const envelope = jsonSchema(submissionEnvelope, 'input') as { properties: Json; [k: string]: unknown };
  const answers = { ...jsonSchema(answersSchema(form.fields), 'input'), description: `The answers of “${form.title.th}” (${form.title.en}), by field name; file fields are sent as parts files.<name>` };
  return {
    title: form.slug,
    description: `${form.title.th} / ${form.title.en}: POST /e-forms/${form.slug}/submissions`,
    type: 'object',
    required: ['data'],
    properties: { data: { ...envelope, required: ['answers'], properties: { ...envelope.properties, answers } } },
  };
}

/** The submission operation's body: one schema per open form, named by its slug. */
function describeForms(doc: Json, forms: FormDefinition[]): void {
  const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
  // Forms a client can file with JSON alone (no required file) first: the first is the example.
  const jsonOnly = (f: FormDefinition) => !f.fields.some((x) => x.__component === 'eform.file' && x.required);
  const ordered = [...forms.filter(jsonOnly), ...forms.filter((f) => !jsonOnly(f))];
  const refs = ordered.map((form) => {
    const name = `EFormSubmission.${form.slug}`;
    schemas[name] = formBody(form);
    return { slug: form.slug, $ref: `#/components/schemas/${name}` };
  });
  const operation = (doc.paths as Record<string, Record<string, Json> | undefined>)[SUBMIT_PATH]?.post;
  if (!operation) return;
  const fileParts = [...new Set(forms.flatMap((f) => f.fields.filter((x) => x.__component === 'eform.file').map((x) => x.name)))];
  operation.requestBody = {
    required: true,
    description: 'The body of the form named by the path’s slug: one schema per open form (x-e-forms maps each slug to its schema).',
    content: {
      'application/json': { schema: refs.length ? { anyOf: refs.map((r) => ({ $ref: r.$ref })) } : { type: 'object' } },
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['data'],
          properties: {
            data: { type: 'string', contentMediaType: 'application/json', description: 'The JSON body’s `data` object, as text' },
            ...Object.fromEntries(fileParts.map((name) => [`files.${name}`, { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' }, description: 'The files of the file field of this name (PDF, JPEG, PNG or WebP as the field accepts)' }])),
          },
        },
      },
    },
  };
  const slug = ((operation.parameters ?? []) as Json[]).find((p) => p.name === 'slug');
  if (slug && refs.length) slug.schema = { ...(slug.schema as Json), examples: [refs[0].slug] };
  operation['x-e-forms'] = Object.fromEntries(refs.map((r) => [r.slug, { $ref: r.$ref }]));
}

/** The Idempotency-Key header and its answers on every public write that takes it (src/middlewares/idempotency.ts). */
function describeIdempotency(doc: Json): void {
  for (const [template, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    const concrete = `/api${template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'format' ? 'json' : 'x'))}`;
    for (const [method, operation] of Object.entries(ops)) {
      if (!IDEMPOTENT_ROUTES.some(([m, pattern]) => m.toLowerCase() === method && pattern.test(concrete))) continue;
      operation.parameters = [
        ...((operation.parameters as Json[] | undefined) ?? []),
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Any 1–255 visible ASCII characters (a UUID): the same submission sent again with the same key (after a timeout or a lost answer) gets the first answer back, with `Idempotent-Replayed: true`, and is not stored twice. Keys are kept 24 hours.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
        },
      ];
      const responses = (operation.responses ??= {}) as Record<string, Json>;
      responses['409'] ??= { description: 'The same Idempotency-Key is being processed by another request: try again (code idempotency_in_progress)' };
      responses['422'] ??= { description: 'This Idempotency-Key was used for a different body (code idempotency_key_reused)' };
    }
  }
}

const openapiService = ({ strapi }: { strapi: Core.Strapi }) => {
  const forms = () => strapi.service('api::e-form.e-form') as EFormService;
  return {
    async document(): Promise<{ body: string; etag: string }> {
      const revision = await forms().revision();
      if (cached?.revision === revision) return cached;
      // The document builder reads schemas as plain data (it imports nothing of Strapi): the loaded
      // schemas carry every field it reads, in Strapi's wider attribute types.
      const contentTypes = (Object.keys(strapi.contentTypes) as UID.ContentType[])
        .filter((uid) => uid.startsWith('api::'))
        .map((uid) => strapi.contentType(uid)) as unknown as ContentTypeSchema[];
      const doc = buildOpenApiDocument({
        contentTypes,
        isPublic: isPublicAction,
        serverUrl: publicUrl(strapi),
        version: strapi.config.get<string>('info.version') || '0.0.0',
        // Every custom public route is declared with its contract (src/http/contract.ts `route`).
        extraOperations: contracts().map(operationOf),
      });
      describeForms(doc, await forms().openDefinitions());
      describeIdempotency(doc);
      const body = JSON.stringify(doc);
      cached = { body, revision, etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"` };
      return cached;
    },

    /** A second boot in the same process (tests) may see other settings, such as PUBLIC_URL. */
    reset() {
      cached = undefined;
    },
  };
};

export type OpenApiService = ReturnType<typeof openapiService>;
export default openapiService;
