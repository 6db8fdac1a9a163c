import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { isFetchError } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';
import type { Text } from '../types';

/** formatMessage with the plugin's prefix: every string of the plugin lives in translations/{th,en}.json. */
export function useT() {
  const intl = useIntl();
  return useCallback((id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values), [intl]);
}

/** Picks the admin's language from a text the server sends in both (targets' labels, row issues). */
export function useLang() {
  const { locale } = useIntl();
  const thai = locale.toLowerCase().startsWith('th');
  return useCallback((text: Text | null | undefined) => (text ? (thai ? text.th : text.en) : ''), [thai]);
}

/** Fills `{name}` placeholders of a target's text (its summary line) with numbers. */
export const fill = (template: string, values: Record<string, number>) => template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));

/**
 * A failed request's message in the admin's language: the server sends the stable code and its text
 * in both languages (`details.messages`); `message` alone is in the browser's language.
 */
export function errorText(e: unknown, thai: boolean, fallback: string) {
  if (!isFetchError(e)) return fallback;
  const error = e.response?.data?.error as { message?: string; details?: { messages?: Partial<Text>; th?: string; en?: string } } | undefined;
  const messages = error?.details?.messages ?? error?.details;
  return (thai ? messages?.th : messages?.en) ?? error?.message ?? fallback;
}
