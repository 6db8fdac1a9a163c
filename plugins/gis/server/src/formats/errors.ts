import en from './messages/en.json';
import th from './messages/th.json';

/** What makes a whole file unusable (a feature-level problem is a `Rejected` entry instead). */
export type FormatErrorCode = 'unsupported_format' | 'unreadable_file' | 'missing_part' | 'unknown_crs' | 'too_large';

export class FormatError extends Error {
  constructor(
    readonly code: FormatErrorCode,
    /** An English detail for logs (which part is missing, what the parser said); users see `formatMessage(code)`. */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'FormatError';
  }
}

export const isFormatError = (e: unknown): e is FormatError => e instanceof FormatError;

const MESSAGES: Record<'th' | 'en', Record<string, string>> = { th, en };

/** Every code this module produces (file errors and feature rejects), each with a Thai and an English message. */
export const FORMAT_CODES = Object.keys(en);

/** The message of a file error or a reject code in the user's language (Thai first); unknown codes get the generic one. */
export function formatMessage(code: string, locale: 'th' | 'en' = 'th'): string {
  const words = MESSAGES[locale] ?? MESSAGES.th;
  return words[code] ?? words.unreadable_file;
}
