import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type { Label } from './engine/workflow';

/**
 * The plugin's refusals carry a stable code and their text in both languages as data
 * (`details.messages`, and per field `errors[].messages`); `message` is Thai until the controller
 * puts it in the caller's language. No string ever joins the two languages.
 */
export interface FieldRefusal {
  path: string[];
  code: string;
  messages: Label;
}

const fieldsOf = (fields: FieldRefusal[]) => fields.map((f) => ({ path: f.path, code: f.code, message: f.messages.th, messages: f.messages, name: 'ValidationError' }));

/** 400: the input cannot be used; each field named with its code. */
export const refused = (code: string, messages: Label, fields: FieldRefusal[] = []) =>
  new errors.ValidationError(messages.th, { code, messages, errors: fieldsOf(fields) });

/** 400 for one field. */
export const fieldRefused = (path: string[], code: string, messages: Label) => refused(code, messages, [{ path, code, messages }]);

export const notFound = (code: string, messages: Label) => new errors.NotFoundError(messages.th, { code, messages });

export const forbidden = (code: string, messages: Label) => new errors.ForbiddenError(messages.th, { code, messages });

/** Puts a refusal's message (and each field's) in the caller's language, where it carries both. */
export function localize(error: unknown, lang: 'th' | 'en'): void {
  if (!(error instanceof Error)) return;
  const e = error as Error & { details?: unknown };
  const details = e.details as { messages?: Label; errors?: Array<{ message?: string; messages?: Label }> } | undefined;
  if (!details || typeof details !== 'object') return;
  if (details.messages) e.message = details.messages[lang];
  for (const f of details.errors ?? []) if (f.messages) f.message = f.messages[lang];
}

/** The officer's language: ?locale=, else Accept-Language, else their admin language; Thai by default. */
export function officerLanguage(ctx: Context): 'th' | 'en' {
  const user = (ctx.state as { user?: { preferedLanguage?: string | null } }).user;
  const asked = typeof ctx.query.locale === 'string' ? ctx.query.locale : ctx.get('accept-language') || user?.preferedLanguage || '';
  return /^\s*en\b/i.test(asked) ? 'en' : 'th';
}
