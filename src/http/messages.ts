import type { Context } from 'koa';
import { pickLanguage, type Language } from '../shared/language';
import th from './messages/th.json';
import en from './messages/en.json';

export type { Language };

const CATALOGUES: Record<Language, Record<string, string>> = { th, en };

/** The caller's language: `?locale=`, else `Accept-Language` (by q-value); Thai by default. */
export const languageOf = (ctx: Context): Language => pickLanguage(ctx.query.locale, ctx.get('accept-language'));

/** The message of a code in one language, from the catalogues (never two joined); `{name}` filled from vars. */
export const fieldMessage = (code: string, lang: Language, vars: Record<string, string | number> = {}): string =>
  (CATALOGUES[lang][code] ?? CATALOGUES[lang].invalid_format).replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
