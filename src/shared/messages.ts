/**
 * Message catalogues: each module keeps its copy in `messages/th.json` and `messages/en.json` (flat
 * keys, `{name}` placeholders) and renders one language at a time, never two joined. Pure: the
 * server and the website use the same rules.
 */
export type Language = 'th' | 'en';

export const LANGUAGES: readonly Language[] = ['th', 'en'];

/** One language's copy: key to text. */
export type Catalogue = Record<string, string>;

/** The values a text's placeholders are filled with. */
export type Vars = Record<string, string | number>;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** A stored or preferred language (`en`, `en-GB`); anything else (none, an old record) is Thai. */
export const languageOf = (value: unknown): Language => (typeof value === 'string' && /^en\b/i.test(value) ? 'en' : 'th');

/** The placeholders a text uses, each once, in order of first use. */
export const placeholdersOf = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];

/** Fills a text's placeholders; one without a value is left as written, so a gap shows. */
export const fill = (text: string, vars: Vars = {}): string =>
  text.replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole));

/**
 * A module's render function for one language: `t('created.subject', { code })`. The keys are the
 * Thai catalogue's, so a typo fails the type check; an unknown key at run time renders as itself.
 */
export function messagesOf<K extends string>(catalogues: Record<Language, Record<K, string>>, lang: Language) {
  const copy = catalogues[lang];
  return (key: K, vars?: Vars): string => fill(copy[key] ?? key, vars);
}

/** What is wrong with a pair of catalogues: a key missing from one, or different placeholders. */
export function catalogueProblems(catalogues: Record<Language, Catalogue>): string[] {
  const problems: string[] = [];
  const keys = new Set(LANGUAGES.flatMap((l) => Object.keys(catalogues[l])));
  for (const key of keys) {
    const missing = LANGUAGES.filter((l) => typeof catalogues[l][key] !== 'string' || !catalogues[l][key].trim());
    if (missing.length) {
      problems.push(`${key}: missing in ${missing.join(', ')}`);
      continue;
    }
    const [first, ...rest] = LANGUAGES.map((l) => placeholdersOf(catalogues[l][key]).sort().join(' '));
    if (rest.some((p) => p !== first)) problems.push(`${key}: placeholders differ (${LANGUAGES.map((l) => `${l}: ${placeholdersOf(catalogues[l][key]).join(' ') || '-'}`).join('; ')})`);
  }
  return problems;
}

/** A date as people read it in the language: Buddhist era in Thai, day month year in English. */
export const formatDate = (d: string | Date | null | undefined, lang: Language): string =>
  d
    ? new Date(d).toLocaleDateString(lang === 'th' ? 'th-TH' : 'en-GB', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'long', year: 'numeric' })
    : '-';
