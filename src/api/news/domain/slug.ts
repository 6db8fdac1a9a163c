/**
 * URL slugs from titles, for news items and pages. Thai words stay in the URL (browsers show them
 * as Thai: `/news/ขอเชิญร่วมงานลอยกระทง-2569`); a transliteration would be unreadable to the people
 * who use the site, and dropping Thai leaves nothing (Strapi's own slugify turned a Thai title into
 * `3`). Pure: no Strapi import, unit tested.
 */

export const SLUG_MAX_LENGTH = 80;

/** What a slug may hold: Latin letters and digits in any case, Thai, and `-_.~` (Strapi's own set plus Thai). */
export const SLUG_PATTERN = /^[A-Za-z0-9\u0E01-\u0E3A\u0E40-\u0E4E_.~-]+$/;

// Thai consonants, vowels, tone and other marks; not ฿ (U+0E3F), ๏ ๚ ๛ (signs) or Thai digits (made 0-9).
const NOT_KEPT = /[^a-z0-9\u0E01-\u0E3A\u0E40-\u0E4E]+/g;
// Thai marks that sit on a consonant: one left alone at the start of a word has nothing to sit on.
const THAI_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
const ORPHAN_MARKS = /(^|-)[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]+/g;
const LATIN_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th', ð: 'd' };

// Node 20 has Intl.Segmenter (full ICU); the project's TypeScript lib (ES2020) does not declare it yet.
type WordSegmenter = { segment(text: string): Iterable<{ index: number }> };
const { Segmenter } = Intl as unknown as { Segmenter: new (locale: string, options: { granularity: 'word' }) => WordSegmenter };
const words = new Segmenter('th', { granularity: 'word' });

/** Where words start in a text, Thai words included (Thai writes them without spaces). */
export const wordStarts = (text: string): number[] => [...words.segment(text)].map((s) => s.index);

export interface SlugOptions {
  /** The word of the content type (`news`, `page`): the slug of a title with no letters, before its digits. */
  fallback: string;
  maxLength?: number;
}

/**
 * The slug of a title: lower-case Latin without accents, Thai kept whole (its marks too), Thai and
 * full-width digits as 0-9, every run of spaces and punctuation one hyphen, at most `maxLength`
 * characters cut at a word boundary (Thai writes words without spaces: the boundary is found by
 * the platform's Thai word breaker). Never empty and never only digits: a title without letters
 * gets the type's word in front (`news-2569`, `news`).
 */
export function slugify(title: string, { fallback, maxLength = SLUG_MAX_LENGTH }: SlugOptions): string {
  const slug = trimAtWord(
    String(title ?? '')
      .normalize('NFC')
      // Full-width Latin and digits (typed with a Thai or CJK keyboard) as their plain forms.
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\u0E50-\u0E59]/g, (c) => String(c.charCodeAt(0) - 0x0e50))
      // Latin accents go (é → e); Thai has no canonical decomposition, so NFD leaves it whole.
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[ßæœøđłþð]/g, (c) => LATIN_LETTERS[c])
      .replace(NOT_KEPT, '-')
      .replace(ORPHAN_MARKS, '$1')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, ''),
    maxLength
  );
  if (slug === '') return fallback;
  if (/^[0-9-]+$/.test(slug)) return `${fallback}-${slug}`;
  return slug;
}

/**
 * At most `max` characters, ending at a word boundary. Every character left is one UTF-16 unit
 * (a-z, 0-9, `-`, Thai), so lengths are characters.
 */
function trimAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  let cut = 0;
  for (const index of wordStarts(slug)) {
    if (index > max) break;
    cut = index;
  }
  if (slug[max] === '-' || slug.length === max) cut = max;
  if (cut === 0) {
    // One word longer than the limit: cut inside it, never between a letter and its marks.
    cut = max;
    while (cut > 1 && THAI_MARK.test(slug[cut])) cut--;
  }
  return slug.slice(0, cut).replace(/-+$/, '');
}

/**
 * Whether `slug` is what the title gives, with or without the `-2`, `-3` that kept it unique: the
 * slug follows the title, so a new title may give a new one.
 */
export function isSlugOfTitle(slug: string, title: string, options: SlugOptions): boolean {
  const base = slugify(title, options);
  return slug === base || (slug.startsWith(`${base}-`) && /^\d+$/.test(slug.slice(base.length + 1)));
}

/**
 * A slug nobody chose: empty, Strapi's placeholder (the type's name, `news-item`, `news-item-1`,
 * given before a title is typed) or only digits (what Strapi made of a Thai title).
 */
export function isPlaceholderSlug(slug: string | null | undefined, placeholder: string): boolean {
  const s = (slug ?? '').trim();
  return s === '' || /^[0-9-]+$/.test(s) || s === placeholder || (s.startsWith(`${placeholder}-`) && /^\d+$/.test(s.slice(placeholder.length + 1)));
}

/** The first of `base`, `base-2`, `base-3`, … that is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The slugs a document answered before, with the one it leaves added and the one it takes removed. */
export function withPreviousSlug(previous: unknown, leaving: string | null | undefined, taking: string): string[] {
  const list = Array.isArray(previous) ? previous.filter((s): s is string => typeof s === 'string' && s !== '') : [];
  if (leaving && leaving !== taking && !list.includes(leaving)) list.push(leaving);
  return list.filter((s) => s !== taking);
}
