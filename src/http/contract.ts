import type { Context, Next } from 'koa';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { codedIssues, tooDeep } from '../shared/field-rules';
import { fieldMessage, languageOf, type Language } from './messages';

/**
 * One schema per route: the same zod schemas validate the request, type the handler's input and
 * write the route's OpenAPI operation, so a limit lives in one place. A route is declared with
 * `route(contract, handler)`: that adds `validate(contract)` as its middleware and lists the
 * contract for `GET /api/openapi.json`.
 */
export interface ResponseSpec {
  description: string;
  /** The body's schema; an error status without one answers Strapi's error envelope. */
  schema?: z.core.$ZodType;
  /** Media types of the answer (default JSON); a binary type without a schema is documented as bytes. */
  media?: string[];
}

export interface RouteContract<TBody extends z.core.$ZodType = z.core.$ZodType, TQuery extends z.core.$ZodType = z.core.$ZodType, TParams extends z.core.$ZodType = z.core.$ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Koa-style path under /api, e.g. `/e-form-submissions/track/:trackingCode`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  request?: {
    body?: TBody;
    query?: TQuery;
    params?: TParams;
    /** Media type of the body (default JSON; Open311 posts a form). */
    bodyMedia?: string;
    /**
     * A multipart upload: the field holding the files, how many at most, and what they are. `optional`:
     * the route also takes JSON and counts its own files (an e-service form's parts `files.<field>`).
     */
    files?: { field: string; max: number; media: string; optional?: boolean };
  };
  /** Every answer the route can give. */
  responses: Record<number, ResponseSpec>;
  /** Codes of this route's own rules (beyond the generic ones) that its 400 can name. */
  codes?: string[];
  /** Writes a refusal in the route's own format (Open311's error list) instead of Strapi's envelope. */
  refuse?: (ctx: Context, status: number, found: FieldError[]) => void;
}

/** What a handler reads after validation: parsed, typed, with unknown keys dropped. */
export interface Input<C extends RouteContract> {
  body: C['request'] extends { body: infer B extends z.core.$ZodType } ? z.core.output<B> : undefined;
  query: C['request'] extends { query: infer Q extends z.core.$ZodType } ? z.core.output<Q> : undefined;
  params: C['request'] extends { params: infer P extends z.core.$ZodType } ? z.core.output<P> : undefined;
  language: Language;
}

export interface FieldError {
  path: Array<string | number>;
  code: string;
  message: string;
}

/** Codes any schema can give, whatever the route: zod's own checks under stable names. */
export const GENERIC_CODES = ['required', 'invalid_type', 'too_long', 'too_short', 'too_many', 'too_few', 'too_large', 'too_small', 'invalid_choice', 'invalid_format', 'malformed_body', 'control_characters', 'invalid_encoding'];

/** zod's issues as field errors: a stable code per field and a message in the caller's language. */
export function fieldErrors(error: z.core.$ZodError, lang: Language, prefix: Array<string | number> = []): FieldError[] {
  return codedIssues(error).map(({ path, code }) => ({ path: [...prefix, ...path], code, message: fieldMessage(code, lang) }));
}

/** A 400 naming every wrong field at once, in Strapi's error envelope. */
export function invalid(errorsFound: FieldError[], lang: Language): errors.ValidationError {
  return new errors.ValidationError(fieldMessage('invalid_request', lang), { errors: errorsFound.map((e) => ({ ...e, name: 'ValidationError' })) });
}

/** One field refused by a rule only the service can check (a category that does not exist). */
export const fieldRefusal = (path: Array<string | number>, code: string, lang: Language) => invalid([{ path, code, message: fieldMessage(code, lang) }], lang);

/** A 404 with its stable code and the message in the caller's language. */
export const notFound = (code: string, lang: Language) => new errors.NotFoundError(fieldMessage(code, lang), { code });

const INPUT = Symbol('contract-input');

/** The route middleware: parses body, query and params; refuses the request with every wrong field. */
export function validate(contract: RouteContract) {
  return async (ctx: Context, next: Next) => {
    const lang = languageOf(ctx);
    // A JSON route reads JSON only: a form or text body is refused before anything is parsed (and a
    // plain HTML form on another site cannot file through it).
    if (contract.request?.body && (contract.request.bodyMedia ?? 'application/json') === 'application/json' && !ctx.is('application/json')) ctx.throw(415);
    const found: FieldError[] = [];
    const parsed: Record<string, unknown> = { language: lang };
    const parts = [
      ['params', contract.request?.params, ctx.params],
      ['query', contract.request?.query, ctx.query],
      ['body', contract.request?.body, (ctx.request as { body?: unknown }).body],
    ] as const;
    for (const [part, schema, value] of parts) {
      if (!schema) continue;
      if (tooDeep(value)) {
        found.push({ path: part === 'body' ? [] : [part], code: 'malformed_body', message: fieldMessage('malformed_body', lang) });
        continue;
      }
      // The input rides on each issue only to tell a missing value from a wrong one (never sent back).
      const result = z.safeParse(schema, value ?? {}, { reportInput: true });
      if (result.success) parsed[part] = result.data;
      else found.push(...fieldErrors(result.error, lang, part === 'body' ? [] : [part]));
    }
    const files = contract.request?.files;
    if (files && !files.optional) {
      const raw = (ctx.request as { files?: Record<string, unknown> }).files?.[files.field];
      const count = Array.isArray(raw) ? raw.length : raw ? 1 : 0;
      const code = count === 0 ? 'required' : count > files.max ? 'too_many' : undefined;
      if (code) found.push({ path: [files.field], code, message: fieldMessage(code, lang) });
    }
    if (found.length) {
      if (contract.refuse) return contract.refuse(ctx, 400, found);
      throw invalid(found, lang);
    }
    (ctx.state as Record<symbol, unknown>)[INPUT] = parsed;
    await next();
  };
}

/** The validated input of this request (the route's `validate` middleware ran first). */
export function inputOf<C extends RouteContract>(ctx: Context, _contract: C): Input<C> {
  const input = (ctx.state as Record<symbol, unknown>)[INPUT];
  if (!input) throw new Error('inputOf: the route has no validate(contract) middleware');
  return input as Input<C>;
}

/** Every contract a route was declared with, for the OpenAPI document. */
const CONTRACTS = new Map<string, RouteContract>();
export const contracts = (): RouteContract[] => [...CONTRACTS.values()];

type Middleware = string | { name: string; config: Record<string, unknown> } | ((ctx: Context, next: Next) => Promise<unknown>);

/** The complaint-filing budget: one per address across every route that files a complaint. */
export const COMPLAINT_BUDGET = { name: 'global::rate-limit', config: { bucket: 'complaints' } };
/** The e-service filing budget: one per address across the free-form request and every form. */
export const E_SERVICE_BUDGET = { name: 'global::rate-limit', config: { bucket: 'e-service' } };
/**
 * The tracking read budget (READ_LIMIT_PER_MINUTE, generous, apart from the write budget): one per
 * address across every way of reading a complaint by its code (the API, Open311, the website's page).
 */
export const TRACKING_BUDGET = { name: 'global::rate-limit', config: { bucket: 'tracking', reads: true } };

/** Who may call a route: anyone (the default), or a signed-in citizen (users-permissions). */
export type RouteAuth = 'public' | 'user';

/** Route contracts of signed-in routes: the OpenAPI writer marks them and documents their 401. */
const SIGNED_IN = new Set<string>();
export const isSignedInRoute = (contract: RouteContract): boolean => SIGNED_IN.has(contract.operationId);

/**
 * Refused because nobody (or nobody still signed in) is calling: 401 with a stable code. Thrown as
 * an HTTP error, not Strapi's UnauthorizedError: Strapi's authorize step catches that one from
 * anything after it and answers a bare 401 without the code.
 */
export function signInRequired(ctx: Context): never {
  ctx.throw(401, fieldMessage('sign_in_required', languageOf(ctx)), { details: { code: 'sign_in_required' } });
}

type StrapiGlobal = { strapi: import('@strapi/strapi').Core.Strapi };
type UpUser = { id: number; confirmed?: boolean; blocked?: boolean; role?: { id: number } | null };
/** What users-permissions' services give (the plugin ships no types for them). */
export interface UpJwtService {
  getToken(ctx: Context): Promise<{ id?: number | string; sessionId?: string } | null> | null;
}
type Ability = Awaited<ReturnType<import('@strapi/strapi').Core.Strapi['contentAPI']['permissions']['engine']['generateAbility']>>;
type ContentApiPermission = Parameters<import('@strapi/strapi').Core.Strapi['contentAPI']['permissions']['engine']['generateAbility']>[0][number];
interface UpPermissionService {
  findRolePermissions(roleId: number): Promise<unknown[]>;
  toContentAPIPermission(permission: unknown): ContentApiPermission;
}

/**
 * The users-permissions strategy, with one difference: without a valid access token the answer is a
 * 401 naming `sign_in_required` in the caller's language (the stock strategy falls back to the
 * public role and answers an uncoded 403). The route's action must still be granted to the user's
 * role (ROLE_PERMISSIONS.authenticated), checked by `verify` like Strapi's own.
 */
export const citizenStrategy = {
  name: 'users-permissions',
  async authenticate(ctx: Context) {
    const { strapi } = globalThis as unknown as StrapiGlobal;
    const up = strapi.plugin('users-permissions');
    // An expired or forged token is the same as none.
    const token = await Promise.resolve(up.service<UpJwtService>('jwt').getToken(ctx)).catch(() => null);
    if (!token || token.id === undefined) signInRequired(ctx);
    const user = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: token.id }, populate: ['role'] })) as UpUser | null;
    // A person who has not confirmed their e-mail, or was blocked, is not signed in.
    if (!user || user.blocked || !user.confirmed || !user.role) signInRequired(ctx);
    const permissionService = up.service<UpPermissionService>('permission');
    const permissions = (await permissionService.findRolePermissions(user.role.id)).map((p) => permissionService.toContentAPIPermission(p));
    const ability: Ability = await strapi.contentAPI.permissions.engine.generateAbility(permissions);
    ctx.state.user = user;
    if (token.sessionId) ctx.state.session = { id: token.sessionId };
    return { authenticated: true, credentials: user, ability };
  },
  verify(auth: { credentials?: unknown; ability?: { can(action: string): boolean } | null }, config: { scope?: string | string[] }) {
    const ability = auth.ability;
    if (!auth.credentials || !ability) throw new errors.UnauthorizedError();
    const scopes = config.scope === undefined ? [] : Array.isArray(config.scope) ? config.scope : [config.scope];
    // The action is missing from ROLE_PERMISSIONS.authenticated: a mistake of ours, not the caller's.
    if (!scopes.every((s) => ability.can(s))) throw new errors.ForbiddenError();
  },
};

/**
 * A route from its contract: the handler runs only on input its schemas accepted, and the contract
 * is documented. Middlewares listed here (rate limits) run before validation. `auth: 'user'`: only a
 * signed-in citizen whose session is still alive (sign-out everywhere ends it at once); the action
 * must be in ROLE_PERMISSIONS.authenticated.
 */
export function route(contract: RouteContract, handler: string, options: { middlewares?: Middleware[]; auth?: RouteAuth } = {}) {
  CONTRACTS.set(contract.operationId, contract);
  const middlewares = [...(options.middlewares ?? []), validate(contract)];
  if (options.auth === 'user') {
    SIGNED_IN.add(contract.operationId);
    return {
      method: contract.method,
      path: contract.path,
      handler,
      config: { auth: { strategies: [citizenStrategy] }, policies: ['global::active-session'], middlewares },
    };
  }
  return {
    method: contract.method,
    path: contract.path,
    handler,
    config: { auth: false as const, policies: [], middlewares },
  };
}

/* ------------------------------------------------------------------------------------------------
 * OpenAPI 3.1 from the same schemas
 * ---------------------------------------------------------------------------------------------- */

type Json = Record<string, unknown>;

/** An OpenAPI operation of a path, written from its contract. */
export interface Operation {
  path: string;
  method: 'get' | 'post' | 'put' | 'delete';
  operation: Json;
}

/** JSON Schema 2020-12, the dialect of OpenAPI 3.1, without the `$schema` line each call adds. */
export function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  return rest;
}

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/** The 400 envelope of one route: every code its fields can be refused with. */
const validationError = (codes: string[]) => ({
  type: 'object',
  required: ['data', 'error'],
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'name', 'message', 'details'],
      properties: {
        status: { const: 400 },
        name: { const: 'ValidationError' },
        message: { type: 'string' },
        details: {
          type: 'object',
          required: ['errors'],
          properties: {
            errors: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['path', 'code', 'message'],
                properties: {
                  path: { type: 'array', items: { type: ['string', 'integer'] } },
                  code: { type: 'string', enum: codes },
                  message: { type: 'string', description: "In the caller's language (?locale= or Accept-Language; Thai by default)" },
                },
              },
            },
          },
        },
      },
    },
  },
});

const koaPathToOpenApi = (path: string) => path.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');

/** The route's OpenAPI operation, written from the same schemas that validate it. */
export function operationOf(contract: RouteContract): Operation {
  const parameters: Json[] = [];
  const objectProps = (schema: z.core.$ZodType | undefined) => {
    if (!schema) return [];
    const js = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
    return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, schema: s, required: (js.required ?? []).includes(name) }));
  };
  for (const p of objectProps(contract.request?.params)) parameters.push({ in: 'path', name: p.name, required: true, schema: p.schema });
  for (const p of objectProps(contract.request?.query)) parameters.push({ in: 'query', name: p.name, required: p.required, schema: p.schema });
  const codes = [...new Set([...GENERIC_CODES, ...(contract.codes ?? [])])];
  const signedIn = isSignedInRoute(contract);
  // A signed-in route always documents its 401, whether or not its contract names it.
  const declared = signedIn && !contract.responses[401] ? { ...contract.responses, 401: { description: 'Not signed in, or the session was ended (code sign_in_required)' } } : contract.responses;
  const responses = Object.fromEntries(
    Object.entries(declared).map(([status, r]) => {
      const media = r.media ?? ['application/json'];
      const schema = r.schema ? jsonSchema(r.schema, 'output') : undefined;
      const content = Object.fromEntries(
        media.map((type) => {
          // XML and images are documented as what they are; their shape is the JSON one's (Open311) or bytes.
          if (!/json/.test(type)) return [type, { schema: { type: 'string', contentMediaType: type } }];
          if (schema) return [type, { schema }];
          return [type, { schema: Number(status) === 400 && !contract.refuse ? validationError(codes) : ERROR_REF }];
        })
      );
      return [status, { description: r.description, content }];
    })
  );
  const body = contract.request?.body;
  const files = contract.request?.files;
  const upload = files && {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: [files.field],
          properties: { [files.field]: { type: 'array', minItems: 1, maxItems: files.max, items: { type: 'string', contentMediaType: files.media } } },
        },
      },
    },
  };
  return {
    path: koaPathToOpenApi(contract.path),
    method: contract.method.toLowerCase() as Operation['method'],
    operation: {
      operationId: contract.operationId,
      summary: contract.summary,
      ...(contract.description ? { description: contract.description } : {}),
      tags: contract.tags,
      ...(signedIn ? { security: [{ citizenBearer: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: { required: true, content: { [contract.request?.bodyMedia ?? 'application/json']: { schema: jsonSchema(body, 'input') } } } } : {}),
      ...(upload ? { requestBody: upload } : {}),
      responses,
    },
  };
}
