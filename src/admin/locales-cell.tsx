import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

/**
 * The list view's "available in" cell: the languages a record exists in, named through the
 * messages (ภาษาไทย, ภาษาอังกฤษ). Strapi's own cell appends an untranslatable "(default)".
 */
export function LocalesCell({ locale, localizations }: { locale?: string | null; localizations?: Array<{ locale?: string | null }> | null }) {
  const { formatMessage } = useIntl();
  const codes = [...new Set([locale, ...(localizations ?? []).map((l) => l.locale)].filter((c): c is string => Boolean(c)))].sort();
  return <Typography textColor="neutral800">{codes.map((code) => formatMessage({ id: code, defaultMessage: code })).join(', ')}</Typography>;
}

interface ListHeader {
  name: string;
  cellFormatter?: (data: Record<string, unknown>, header: unknown, meta: unknown) => unknown;
}

/** Hook of the Content Manager's list view: the i18n plugin's locales column gets the cell above. */
export function thaiLocalesColumn<T extends { displayedHeaders: ListHeader[] }>(args: T): T {
  return {
    ...args,
    displayedHeaders: args.displayedHeaders.map((h) =>
      h.name === 'locales'
        ? { ...h, cellFormatter: (data: Record<string, unknown>) => <LocalesCell locale={data.locale as string | null} localizations={data.localizations as Array<{ locale?: string }> | null} /> }
        : h
    ),
  };
}
