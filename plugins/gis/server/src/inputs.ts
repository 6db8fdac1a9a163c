import type { Context, Next } from 'koa';
import { z } from 'zod';
import { GisError, officerLanguage, toStrapiError, type FieldRefusal } from './messages';
import { MAX_LIMIT } from './services/features';

/** What staff send to the admin routes, one zod schema each, checked before the controller runs. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const layerParams = z.object({ slug: z.string().max(60).regex(SLUG), id: z.coerce.number().int().min(1).optional() });
export const featureBody = z.object({ geometry: z.unknown(), properties: z.record(z.string(), z.unknown()).nullish() });
export const featurePatch = z.object({ geometry: z.unknown().optional(), properties: z.record(z.string(), z.unknown()).nullish() });
export const CRS = ['auto', 'EPSG:4326', 'EPSG:32647', 'EPSG:32648', 'EPSG:24047', 'EPSG:24048', 'EPSG:4240'] as const;
export const importBody = z.object({
  crs: z.enum(CRS).default('auto'),
  commit: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((v) => v === true || v === 'true'),
});
export const exportQuery = z.object({ format: z.enum(['geojson', 'kml', 'csv']).default('geojson'), locale: z.string().max(35).optional() });
export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(MAX_LIMIT).optional(), locale: z.string().max(35).optional() });

/** zod's issue as a stable code. */
function codeOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return 'input' in issue && issue.input !== undefined ? 'invalid_type' : 'required';
  if (issue.code === 'too_big') return issue.origin === 'string' ? 'too_long' : 'too_large';
  if (issue.code === 'too_small') return issue.origin === 'string' ? 'required' : 'too_small';
  if (issue.code === 'invalid_value') return 'invalid_choice';
  return 'invalid_format';
}

const INPUT = Symbol('gis-route-input');

/** The route middleware: validates params, query and body; refusals name every wrong field. */
export const validate =
  (parts: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType }) =>
  async (ctx: Context, next: Next): Promise<void> => {
    const parsed: Record<string, unknown> = {};
    const fields: FieldRefusal[] = [];
    for (const [part, schema, value] of [
      ['params', parts.params, ctx.params],
      ['query', parts.query, ctx.query],
      ['body', parts.body, (ctx.request as { body?: unknown }).body],
    ] as const) {
      if (!schema) continue;
      const r = schema.safeParse(value ?? {}, { reportInput: true });
      if (r.success) parsed[part] = r.data;
      else fields.push(...r.error.issues.map((i) => ({ path: [...(part === 'body' ? [] : [part]), ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))], code: codeOf(i) })));
    }
    if (fields.length) throw toStrapiError(new GisError(400, 'invalid_request', fields), officerLanguage(ctx));
    (ctx.state as Record<symbol, unknown>)[INPUT] = parsed;
    await next();
  };

/** What the route's `validate` parsed. */
export const routeInput = <B = undefined, Q = undefined>(ctx: Context) => (ctx.state as Record<symbol, unknown>)[INPUT] as { params: z.output<typeof layerParams>; query: Q; body: B };
