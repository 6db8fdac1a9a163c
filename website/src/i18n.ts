import th from '../translations/th.json';
import en from '../translations/en.json';

export type Lang = 'th' | 'en';
type Key = keyof typeof th;
const dictionaries: Record<Lang, Record<string, string>> = { th, en };
const STORAGE_KEY = 'nokok-lang';

/** Thai unless the URL (?lang=en) or an earlier choice says English. */
function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'th') return fromUrl;
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

export let lang: Lang = initialLang();

export function setLang(next: Lang): void {
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* private mode: the URL still carries the choice */
  }
  document.documentElement.lang = next;
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

/** Internal links keep the language in the URL, so a shared link opens in the same language. */
export function href(path: string): string {
  if (lang === 'th') return path;
  return path + (path.includes('?') ? '&' : '?') + 'lang=en';
}

const dateFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};
export function formatDate(iso: string): string {
  const f = (dateFormats[lang] ??= new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Bangkok' }));
  return f.format(new Date(`${iso}T00:00:00+07:00`));
}

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
