import type { Context } from 'koa';
import th from './messages/th.json';
import en from './messages/en.json';

export type Language = 'th' | 'en';

const CATALOGUES: Record<Language, Record<string, string>> = { th, en };

/** The caller's language: `?locale=`, else `Accept-Language`; Thai by default. */
export function languageOf(ctx: Context): Language {
  const asked = typeof ctx.query.locale === 'string' ? ctx.query.locale : ctx.get('accept-language');
  return /^\s*en\b/i.test(asked) ? 'en' : 'th';
}

/** The message of a field error code in one language, from the catalogues (never two joined). */
export const fieldMessage = (code: string, lang: Language): string => CATALOGUES[lang][code] ?? CATALOGUES[lang].invalid_format;
