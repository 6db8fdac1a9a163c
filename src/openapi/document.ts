/**
 * Builds the OpenAPI 3.1 document of the public content API from the content-type schemas and the
 * public permissions table, so it can never drift from what the server really exposes. Plain
 * TypeScript with no Strapi import: it takes the schemas as data.
 */
export interface AttributeSchema {
  type: string;
  private?: boolean;
  required?: boolean;
  enum?: string[];
  multiple?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  relation?: string;
  target?: string;
}

export interface ContentTypeSchema {
  uid: string;
  kind: 'collectionType' | 'singleType';
  info: { singularName: string; pluralName: string; displayName: string; description?: string };
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
  attributes: Record<string, AttributeSchema>;
}

/** Operations of custom (non content-type) public routes, written from their contracts (src/http/contract.ts). */
export interface ExtraOperation {
  path: string;
  method: 'get' | 'post' | 'put' | 'delete';
  operation: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const SYSTEM_ATTRIBUTES = new Set(['createdBy', 'updatedBy', 'localizations', 'locale', 'publishedAt', 'createdAt', 'updatedAt']);

const schemaName = (ct: ContentTypeSchema) =>
  ct.info.singularName
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

function attributeSchema(attr: AttributeSchema): Json | undefined {
  switch (attr.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
    case 'password':
      return { type: 'string', ...(attr.maxLength ? { maxLength: attr.maxLength } : {}) };
    case 'email':
      return { type: 'string', format: 'email' };
    case 'enumeration':
      return { type: 'string', enum: attr.enum };
    case 'integer':
    case 'biginteger':
      return { type: 'integer', ...(attr.min !== undefined ? { minimum: attr.min } : {}), ...(attr.max !== undefined ? { maximum: attr.max } : {}) };
    case 'decimal':
    case 'float':
      return { type: 'number', ...(attr.min !== undefined ? { minimum: attr.min } : {}), ...(attr.max !== undefined ? { maximum: attr.max } : {}) };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
    case 'time':
      return { type: 'string', pattern: '^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$' };
    case 'json':
      return { type: 'object', additionalProperties: true };
    case 'blocks':
      return { type: 'array', description: 'Rich text as Strapi blocks', items: { $ref: '#/components/schemas/Block' } };
    case 'media':
      return attr.multiple
        ? { type: 'array', items: { $ref: '#/components/schemas/Media' }, description: 'Present when populated' }
        : { anyOf: [{ $ref: '#/components/schemas/Media' }, { type: 'null' }], description: 'Present when populated' };
    default:
      return undefined; // relations, components and dynamic zones are not part of the public surface yet
  }
}

/** An attribute that is not required answers null when empty (JSON Schema 2020-12 spells that out). */
function orNull(schema: Json): Json {
  if (typeof schema.type === 'string') {
    const out: Json = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) out.enum = [...(schema.enum as unknown[]), null];
    return out;
  }
  if (Array.isArray(schema.anyOf)) return schema; // media: already with null
  return { anyOf: [schema, { type: 'null' }] };
}

function entitySchema(ct: ContentTypeSchema): Json {
  const properties: Record<string, Json> = {
    id: { type: 'integer' },
    documentId: { type: 'string', description: 'Stable id of the document across locales and versions' },
  };
  const required = ['id', 'documentId'];
  for (const [name, attr] of Object.entries(ct.attributes)) {
    if (attr.private || SYSTEM_ATTRIBUTES.has(name)) continue;
    const schema = attributeSchema(attr);
    if (!schema) continue;
    properties[name] = attr.required ? schema : orNull(schema);
    // Not listed as required: `fields` (the caller's, or a route's own) may leave any attribute out.
  }
  properties.createdAt = { type: 'string', format: 'date-time' };
  properties.updatedAt = { type: 'string', format: 'date-time' };
  if (ct.options?.draftAndPublish) properties.publishedAt = { type: 'string', format: 'date-time' };
  if (ct.pluginOptions?.i18n?.localized) properties.locale = { type: 'string', enum: ['th', 'en'] };
  return { type: 'object', description: ct.info.description, properties, required };
}

const param = (name: string, description: string, schema: Json = { type: 'string' }, extra: Json = {}): Json => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
  ...extra,
});

function queryParameters(ct: ContentTypeSchema, list: boolean): Json[] {
  const params: Json[] = [
    param('fields', 'Attributes to return, e.g. fields[0]=title', { type: 'array', items: { type: 'string' } }, { style: 'deepObject', explode: true }),
    param('populate', 'Media and relations to include, e.g. populate=cover or populate=*', { type: 'string' }),
  ];
  if (ct.pluginOptions?.i18n?.localized) params.push(param('locale', 'th (default) or en', { type: 'string', enum: ['th', 'en'], default: 'th' }));
  if (list) {
    params.push(
      param('filters', 'Filters, e.g. filters[slug][$eq]=history', { type: 'object', additionalProperties: true }, { style: 'deepObject', explode: true }),
      param('sort', 'Sort, e.g. sort=publishedDate:desc', { type: 'string' }),
      param('pagination[page]', 'Page number (from 1)', { type: 'integer', minimum: 1 }),
      param('pagination[pageSize]', 'Items per page (at most 100)', { type: 'integer', minimum: 1, maximum: 100, default: 25 })
    );
  }
  return params;
}

const errorResponses = {
  '400': { description: 'Invalid parameters', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '404': { description: 'Not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

export function buildOpenApiDocument(opts: {
  contentTypes: ContentTypeSchema[];
  isPublic: (action: string) => boolean;
  serverUrl?: string;
  version: string;
  extraOperations?: ExtraOperation[];
}): Json {
  const paths: Record<string, Json> = {};
  const schemas: Record<string, Json> = {
    Media: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        documentId: { type: 'string' },
        name: { type: 'string' },
        alternativeText: { type: ['string', 'null'] },
        width: { type: ['integer', 'null'] },
        height: { type: ['integer', 'null'] },
        mime: { type: 'string' },
        url: { type: 'string', description: 'Path of the file on this server, e.g. /uploads/x.jpg' },
        formats: { type: ['object', 'null'], additionalProperties: { type: 'object', properties: { url: { type: 'string' }, width: { type: 'integer' }, height: { type: 'integer' } } } },
      },
    },
    Block: { type: 'object', properties: { type: { type: 'string' }, children: { type: 'array', items: { type: 'object' } } }, additionalProperties: true },
    Pagination: { type: 'object', properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } } },
    Error: {
      type: 'object',
      properties: {
        data: { type: 'null' },
        error: { type: 'object', properties: { status: { type: 'integer' }, name: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } } },
      },
    },
  };

  for (const ct of [...opts.contentTypes].sort((a, b) => a.uid.localeCompare(b.uid))) {
    const canFind = opts.isPublic(`${ct.uid}.find`);
    const canFindOne = opts.isPublic(`${ct.uid}.findOne`);
    if (!canFind && !canFindOne) continue;
    const name = schemaName(ct);
    schemas[name] = entitySchema(ct);
    const ref = { $ref: `#/components/schemas/${name}` };
    const tag = ct.info.displayName;
    if (ct.kind === 'singleType') {
      if (canFind)
        paths[`/${ct.info.singularName}`] = {
          get: {
            operationId: `get${name}`,
            summary: `Get the ${ct.info.displayName.toLowerCase()}`,
            tags: [tag],
            parameters: queryParameters(ct, false),
            responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { data: ref, meta: { type: 'object' } } } } } }, ...errorResponses },
          },
        };
      continue;
    }
    if (canFind)
      paths[`/${ct.info.pluralName}`] = {
        get: {
          operationId: `list${name}`,
          summary: `List published ${ct.info.displayName.toLowerCase()}`,
          tags: [tag],
          parameters: queryParameters(ct, true),
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { data: { type: 'array', items: ref }, meta: { type: 'object', properties: { pagination: { $ref: '#/components/schemas/Pagination' } } } } },
                },
              },
            },
            ...errorResponses,
          },
        },
      };
    if (canFindOne)
      paths[`/${ct.info.pluralName}/{documentId}`] = {
        get: {
          operationId: `get${name}`,
          summary: `Get one ${ct.info.displayName.toLowerCase()} by documentId`,
          tags: [tag],
          parameters: [{ name: 'documentId', in: 'path', required: true, schema: { type: 'string' } }, ...queryParameters(ct, false)],
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { data: ref, meta: { type: 'object' } } } } } }, ...errorResponses },
        },
      };
  }

  for (const extra of opts.extraOperations ?? []) {
    paths[extra.path] = { ...(paths[extra.path] as Json | undefined), [extra.method]: extra.operation };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Nok Ok Digital Municipality public API',
      version: opts.version,
      description:
        'The public content API of the municipality website: everything the website shows, for integrators. Read-only unless stated. Responses are JSON; list answers carry meta.pagination.',
      license: { name: 'MIT' },
    },
    servers: [{ url: `${opts.serverUrl ?? ''}/api` }],
    paths,
    components: {
      schemas,
      // A citizen's access token: POST /auth/local (or /account/sign-in-code/verify), renewed by POST /auth/refresh.
      securitySchemes: { citizenBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "A signed-in citizen's access token (10 minutes), from POST /auth/local or POST /account/sign-in-code/verify, renewed with POST /auth/refresh and the nokok_session cookie" } },
    },
  };
}
