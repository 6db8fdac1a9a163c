import th from '../translations/th.json';
import en from '../translations/en.json';

export type Lang = 'th' | 'en';
type Key = keyof typeof th;
const dictionaries: Record<Lang, Record<string, string>> = { th, en };
/** English pages live under /en (so links and search results keep the language); Thai at the root. */
const EN_PREFIX = /^\/en(?=\/|$)/;

/** The page's language, from its path. */
const langOfPath = (pathname: string): Lang => (EN_PREFIX.test(pathname) ? 'en' : 'th');

/** The path without its language: what the router matches. */
export const sitePath = (pathname: string = location.pathname): string => pathname.replace(EN_PREFIX, '') || '/';

/**
 * The language `t`, `href` and the date formats speak. In the browser it follows the address; on the
 * server (no `location`) it is set by `inLang` around each synchronous render, so concurrent requests
 * in two languages never see each other's.
 */
export let lang: Lang = typeof location === 'undefined' ? 'th' : langOfPath(location.pathname);

/** Follows the address after a navigation (the language is part of it). Browser only. */
export function syncLang(): void {
  lang = langOfPath(location.pathname);
  document.documentElement.lang = lang;
}

/** Runs `work` (synchronous: a render) in a language, then restores the one before. */
export function inLang<T>(language: Lang, work: () => T): T {
  const before = lang;
  lang = language;
  try {
    return work();
  } finally {
    lang = before;
  }
}

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const text = dictionaries[lang][key] ?? dictionaries.th[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const isKey = (key: string): key is Key => Object.prototype.hasOwnProperty.call(th, key);

/**
 * The text of a key made from data at run time (a state, a category, a channel): the key itself when
 * it has no translation, as `t` does, so a value the server adds later still shows.
 */
export function tDynamic(key: string, vars: Record<string, string | number> = {}): string {
  return isKey(key) ? t(key, vars) : key;
}

/** A site path in a language: `/news` in English is `/en/news`. */
export function pathIn(path: string, language: Lang): string {
  if (language === 'th') return path;
  return path === '/' ? '/en/' : `/en${path}`;
}

/** Internal links keep the page's language. */
export const href = (path: string): string => pathIn(path, lang);

const dateFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};
export function formatDate(iso: string): string {
  const f = (dateFormats[lang] ??= new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Bangkok' }));
  return f.format(new Date(`${iso}T00:00:00+07:00`));
}

/** A year the town keeps in the Buddhist era (a tax year, 2569) in the page's calendar: 2026 in English, like its dates. */
export const formatYear = (yearBE: number): string => String(lang === 'th' ? yearBE : yearBE - 543);

const instantFormats = new Map<string, Intl.DateTimeFormat>();
/** A moment (an ISO date-time) as a Bangkok date, optionally with the time; Buddhist era in Thai. */
export function formatInstant(iso: string, withTime = false): string {
  const key = `${lang}|${withTime}`;
  let f = instantFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'Asia/Bangkok',
    });
    instantFormats.set(key, f);
  }
  return f.format(new Date(iso));
}

/**
 * What to say about a refused field, from the page's own catalogue by the API's stable code: the
 * field's own wording first (`err.<field>.<code>`), then the code's (`err.<code>`), else the server's
 * message (asked for in the page's language).
 */
export function errorText(path: ReadonlyArray<string | number>, code: string, serverMessage = '', vars: Record<string, string | number> = {}): string {
  const field = path.filter((p) => p !== 'data').join('.');
  for (const key of [`err.${field}.${code}`, `err.${code}`]) if (isKey(key)) return t(key, vars);
  return serverMessage || t('err.invalid_format');
}

/** Headers for the API: JSON, in the page's language (the server words its errors in it). */
export const apiHeaders = (json = false): Record<string, string> => ({ Accept: 'application/json', 'Accept-Language': lang, ...(json ? { 'Content-Type': 'application/json' } : {}) });
