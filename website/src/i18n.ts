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

/** The server's messages read "ไทย / English": the part in the page's language. */
export function bilingual(message: string): string {
  const i = message.indexOf(' / ');
  if (i < 0) return message;
  return lang === 'en' ? message.slice(i + 3) : message.slice(0, i);
}
