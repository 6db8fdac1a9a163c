import type { Context } from 'koa';
import th from './messages/th.json';
import en from './messages/en.json';
import type { Text } from './types';

/** The plugin's refusals: one stable code each, worded in messages/th.json and messages/en.json. */
export type MessageCode = keyof typeof th;

export type Language = keyof Text;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));

/** A code's message in both languages, `{name}` placeholders filled in: the admin shows its user's. */
export const messagesOf = (code: MessageCode, values: Record<string, string | number> = {}): Text => ({ th: fill(th[code], values), en: fill(en[code], values) });

/**
 * The caller's language for an error's `message`: `?locale=`, else `Accept-Language`; Thai by default.
 * Read through `ctx.request`: a policy's context is a copy of the request context's own properties.
 */
export function languageOf(ctx: Pick<Context, 'request'>): Language {
  const locale = ctx.request.query.locale;
  const asked = typeof locale === 'string' ? locale : ctx.request.get('accept-language');
  return /^\s*en\b/i.test(asked) ? 'en' : 'th';
}
