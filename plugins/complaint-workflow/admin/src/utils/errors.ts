import { isFetchError } from '@strapi/strapi/admin';
import { isThai } from './i18n';

export interface FormError {
  /** A message for the form as a whole. */
  message: string;
  /** Messages by field name (the first element of the error's path). */
  fields: Record<string, string>;
}

interface Texts {
  th: string;
  en: string;
}

interface ApiError {
  message?: string;
  details?: { messages?: Texts; errors?: Array<{ path?: unknown[]; message?: string; messages?: Texts }> };
}

/**
 * Turns a failed request into what a form shows: the server sends each refusal's text in both
 * languages as data (`messages`), and the admin's language picks one; `message` is the fallback.
 */
export function toFormError(error: unknown, locale: string, fallback: string): FormError {
  if (!isFetchError(error)) return { message: fallback, fields: {} };
  const apiError = error.response?.data?.error as ApiError | undefined;
  const pick = (texts: Texts | undefined, message: string | undefined) => (texts ? (isThai(locale) ? texts.th : texts.en) : message);
  const fields: Record<string, string> = {};
  for (const e of apiError?.details?.errors ?? []) {
    const text = pick(e.messages, e.message);
    if (!Array.isArray(e.path) || !e.path.length || !text) continue;
    // By the first path element (a form's field) and by the whole path (texts.opened).
    for (const key of new Set([String(e.path[0]), e.path.join('.')])) if (!fields[key]) fields[key] = text;
  }
  return { message: pick(apiError?.details?.messages, apiError?.message) ?? fallback, fields };
}
