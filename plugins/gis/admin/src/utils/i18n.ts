import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

type Values = Record<string, string | number | boolean | null | undefined | Date>;

/** formatMessage with the plugin's prefix: every string of the plugin lives in translations/{th,en}.json. */
export function useT() {
  const intl = useIntl();
  return useCallback((id: string, values?: Values) => intl.formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values), [intl]);
}

/** The admin's language decides Thai or English where the server or a layer offers both. */
export const isThai = (locale: string) => locale.toLowerCase().startsWith('th');

/** The server answers refusals in the language asked for (Thai by default). */
export const languageHeaders = (locale: string) => ({ 'Accept-Language': isThai(locale) ? 'th' : 'en' });
