import type { Context, Next } from 'koa';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { ExtraOperation } from '../openapi/document';
import { fieldMessage, languageOf, type Language } from './messages';

/**
 * One schema per route: the same zod schemas validate the request, type the handler's input and
 * write the route's OpenAPI operation, so a limit lives in one place. A route declares its contract;
 * `validate(contract)` is its Strapi route middleware and `operationOf(contract)` its documentation.
 */
export interface RouteContract<TBody extends z.ZodType = z.ZodType, TQuery extends z.ZodType = z.ZodType, TParams extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST';
  /** Koa-style path under /api, e.g. `/e-form-submissions/track/:trackingCode`. */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  request?: { body?: TBody; query?: TQuery; params?: TParams };
  /** Every answer the route can give; an error status without a schema answers Strapi's error envelope. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

/** What a handler reads after validation: parsed, typed, with unknown keys dropped. */
export interface Input<C extends RouteContract> {
  body: C['request'] extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;
  query: C['request'] extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
  params: C['request'] extends { params: infer P extends z.ZodType } ? z.output<P> : undefined;
  language: Language;
}

export interface FieldError {
  path: Array<string | number>;
  code: string;
  message: string;
}

/** zod's issues as field errors: a stable code per field and a message in the caller's language. */
export function fieldErrors(error: z.ZodError, lang: Language, prefix: Array<string | number> = []): FieldError[] {
  return error.issues.map((issue) => {
    const params = (issue as { params?: { code?: string } }).params;
    let code: string = params?.code ?? issue.code;
    if (issue.code === 'invalid_type') {
      // zod reports the input only when asked (reportInput); its message says "received undefined" otherwise.
      const missing = 'input' in issue ? issue.input === undefined : /received undefined/.test(issue.message);
      code = missing ? 'required' : 'invalid_type';
    }
    if (issue.code === 'too_big') code = 'too_long';
    if (issue.code === 'too_small') code = 'too_short';
    if (issue.code === 'invalid_value') code = 'invalid_choice';
    if (issue.code === 'unrecognized_keys') code = 'unknown_field';
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    return { path, code, message: fieldMessage(code, lang) };
  });
}

/** A 400 naming every wrong field at once, in Strapi's error envelope. */
export function invalid(errorsFound: FieldError[], lang: Language): errors.ValidationError {
  return new errors.ValidationError(fieldMessage('invalid_request', lang), { errors: errorsFound.map((e) => ({ ...e, name: 'ValidationError' })) });
}

const INPUT = Symbol('contract-input');

/** The route middleware: parses body, query and params; refuses the request with every wrong field. */
export function validate(contract: RouteContract) {
  return async (ctx: Context, next: Next) => {
    const lang = languageOf(ctx);
    const found: FieldError[] = [];
    const parsed: Record<string, unknown> = { language: lang };
    const parts = [
      ['body', contract.request?.body, (ctx.request as { body?: unknown }).body],
      ['query', contract.request?.query, ctx.query],
      ['params', contract.request?.params, ctx.params],
    ] as const;
    for (const [part, schema, value] of parts) {
      if (!schema) continue;
      const result = schema.safeParse(value ?? {});
      if (result.success) parsed[part] = result.data;
      else found.push(...fieldErrors(result.error, lang, part === 'body' ? [] : [part]));
    }
    if (found.length) throw invalid(found, lang);
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

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });

/** The route's OpenAPI operation, written from the same schemas that validate it. */
export function operationOf(contract: RouteContract): ExtraOperation {
  const parameters: Array<Record<string, unknown>> = [];
  const objectProps = (schema: z.ZodType | undefined) => {
    if (!schema) return [];
    const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, schema: s, required: (js.required ?? []).includes(name) }));
  };
  for (const p of objectProps(contract.request?.params)) parameters.push({ in: 'path', name: p.name, required: true, schema: p.schema });
  for (const p of objectProps(contract.request?.query)) parameters.push({ in: 'query', name: p.name, required: p.required, schema: p.schema });
  const responses = Object.fromEntries(
    Object.entries(contract.responses).map(([status, r]) => [
      status,
      { description: r.description, content: { 'application/json': { schema: r.schema ? jsonSchema(r.schema, 'output') : ERROR_REF } } },
    ])
  );
  return {
    path: contract.path.replace(/:(\w+)/g, '{$1}'),
    method: contract.method === 'GET' ? 'get' : 'post',
    operation: {
      operationId: contract.operationId,
      summary: contract.summary,
      tags: contract.tags,
      ...(parameters.length ? { parameters } : {}),
      ...(contract.request?.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(contract.request.body, 'input') } } } } : {}),
      responses,
    },
  };
}
