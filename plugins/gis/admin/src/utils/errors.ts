import { isFetchError } from '@strapi/strapi/admin';
import { isThai } from './i18n';

interface Texts {
  th: string;
  en: string;
}

interface ApiError {
  message?: string;
  details?: { messages?: Texts; errors?: Array<{ path?: unknown[]; message?: string; messages?: Texts }> };
}

export interface FormError {
  /** A message for the form as a whole. */
  message: string;
  /** Messages by field: the path after `body`/`properties` (an attribute name), or the whole path joined by dots. */
  fields: Record<string, string>;
}

/** A refused request as a form shows it: the server's own message per field, the admin's language picks where both are sent. */
export function toFormError(error: unknown, locale: string, fallback: string): FormError {
  if (!isFetchError(error)) return { message: fallback, fields: {} };
  const apiError = error.response?.data?.error as ApiError | undefined;
  const pick = (texts: Texts | undefined, message: string | undefined) => (texts ? (isThai(locale) ? texts.th : texts.en) : message);
  const fields: Record<string, string> = {};
  const lines: string[] = [];
  for (const e of apiError?.details?.errors ?? []) {
    const text = pick(e.messages, e.message);
    if (!text) continue;
    lines.push(text);
    if (!Array.isArray(e.path) || !e.path.length) continue;
    const path = e.path.map(String).filter((p) => p !== 'body');
    // An attribute's refusal comes as ['properties', name]: the form shows it under that field.
    const key = path[0] === 'properties' && path[1] ? path[1] : path.join('.');
    if (!fields[key]) fields[key] = text;
  }
  const main = pick(apiError?.details?.messages, apiError?.message);
  return { message: main && main !== 'Bad Request' ? main : lines[0] ?? main ?? fallback, fields };
}

/** One line for a notification. */
export const errorText = (error: unknown, locale: string, fallback: string) => {
  const e = toFormError(error, locale, fallback);
  const extra = Object.values(e.fields).filter((m) => m !== e.message);
  return [e.message, ...extra].join(' — ');
};
