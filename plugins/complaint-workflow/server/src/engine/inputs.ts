import type { Context, Next } from 'koa';
import { z } from 'zod';
import { localize, officerLanguage, refused, type FieldRefusal } from '../errors';
import type { Label } from './workflow';

/**
 * What staff send to the case routes, one zod schema each: the route validates with it before the
 * controller runs, and the engine's commands check their text with the same rules when code (a chat
 * channel, the demo seed) calls them directly. Refusals name each field with a stable code.
 */
export const MAX_MESSAGE = 5000;

/** Message text: trimmed, something to read, at most MAX_MESSAGE characters. */
export const messageText = z
  .string()
  .max(MAX_MESSAGE)
  .transform((s) => s.trim())
  .refine((s) => s !== '', { params: { code: 'required' } });

/** An optional reason (a state change's note to the citizen): blank counts as none. */
export const reasonText = z
  .string()
  .max(MAX_MESSAGE)
  .transform((s) => s.trim() || undefined)
  .nullish();

export const caseParams = z.object({
  id: z.coerce.number().int().min(1),
  messageId: z.coerce.number().int().min(1).optional(),
  photoId: z.coerce.number().int().min(1).optional(),
  fileKey: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
});
/** A photo route's query: the case type, and the thumbnail or (by default) the whole photo. */
export const photoQuery = z.object({ type: z.string().max(60).optional(), size: z.enum(['full', 'thumb']).optional() });
export const transitionBody = z.object({ action: z.string().min(1).max(60), reason: reasonText, expectedState: z.string().max(60).nullish() });
export const messageBody = z.object({ message: messageText });
export const assignBody = z.object({ assignee: z.int().min(1).nullable() });
// A text set to null goes back to its default; the service checks each against its placeholders.
export const textsBody = z.object({ texts: z.record(z.string().max(60), z.string().max(1000).nullable()), language: z.enum(['th', 'en']).optional() });

const WORDS: Record<string, Label> = {
  invalid_request: { th: 'ข้อมูลที่ส่งมาไม่ถูกต้อง', en: 'The request has invalid fields' },
  required: { th: 'กรุณากรอกข้อมูลนี้', en: 'This field is required' },
  invalid_type: { th: 'รูปแบบข้อมูลไม่ถูกต้อง', en: 'The value has the wrong type' },
  too_long: { th: 'ข้อความยาวเกินกำหนด', en: 'The text is too long' },
  too_small: { th: 'ค่าน้อยเกินกำหนด', en: 'The value is too small' },
  invalid_choice: { th: 'ค่าที่เลือกไม่ถูกต้อง', en: 'The value is not one of the choices' },
  invalid_format: { th: 'รูปแบบไม่ถูกต้อง', en: 'The format is not valid' },
};

function codeOf(issue: z.core.$ZodIssue): string {
  const own = (issue as { params?: { code?: string } }).params?.code;
  if (own) return own;
  if (issue.code === 'invalid_type') return 'input' in issue && issue.input !== undefined ? 'invalid_type' : 'required';
  if (issue.code === 'too_big') return issue.origin === 'string' ? 'too_long' : 'invalid_format';
  if (issue.code === 'too_small') return issue.origin === 'string' ? 'required' : 'too_small';
  if (issue.code === 'invalid_value') return 'invalid_choice';
  return 'invalid_format';
}

/** zod's issues as the plugin's field refusals: each with its code and words in both languages. */
const fieldsOf = (error: z.core.$ZodError, prefix: string[] = []): FieldRefusal[] =>
  error.issues.map((issue) => {
    const code = codeOf(issue);
    return { path: [...prefix, ...issue.path.map(String)], code, messages: WORDS[code] ?? WORDS.invalid_format };
  });

/** Checks a value a command was given directly, with the route's rules. */
export function checked<T extends z.ZodType>(schema: T, value: unknown, path: string): z.output<T> {
  const r = schema.safeParse(value, { reportInput: true });
  if (!r.success) throw refused('invalid_request', WORDS.invalid_request, fieldsOf(r.error, [path]));
  return r.data;
}

const INPUT = Symbol('case-route-input');

/** The route middleware: validates params and body; the controller reads the parsed input. */
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
      else fields.push(...fieldsOf(r.error, part === 'body' ? [] : [part]));
    }
    if (fields.length) {
      const error = refused('invalid_request', WORDS.invalid_request, fields);
      localize(error, officerLanguage(ctx));
      throw error;
    }
    (ctx.state as Record<symbol, unknown>)[INPUT] = parsed;
    await next();
  };

/** What the route's `validate` parsed. */
export const routeInput = <B = undefined, Q = undefined>(ctx: Context) => (ctx.state as Record<symbol, unknown>)[INPUT] as { params: z.output<typeof caseParams>; query: Q; body: B };
