import { isFetchError } from '@strapi/strapi/admin';
import { pickLanguage } from './i18n';

export interface FormError {
  /** A message for the form as a whole. */
  message: string;
  /** Messages by field name (the first element of the error's path). */
  fields: Record<string, string>;
}

/** Turns a failed request into what a form shows: the 400's message split by the admin's language, per field. */
export function toFormError(error: unknown, locale: string, fallback: string): FormError {
  if (isFetchError(error)) {
    const apiError = error.response?.data?.error as { message?: string; details?: { errors?: Array<{ path?: unknown[]; message?: string }> } } | undefined;
    const fields: Record<string, string> = {};
    for (const e of apiError?.details?.errors ?? []) {
      if (!Array.isArray(e.path) || !e.path.length || !e.message) continue;
      // By the first path element (a form's field) and by the whole path (texts.opened).
      for (const key of new Set([String(e.path[0]), e.path.join('.')])) if (!fields[key]) fields[key] = pickLanguage(e.message, locale);
    }
    const message = apiError?.message ? pickLanguage(apiError.message, locale) : fallback;
    return { message, fields };
  }
  return { message: fallback, fields: {} };
}
