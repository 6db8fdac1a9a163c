import type { Municipality } from '../api';
import { lang, t } from '../i18n';

/** What every page may show about the town: the record the server embeds with the page. */
export interface Site {
  municipality: Municipality | null;
  /** The site's public address (PUBLIC_URL, no trailing slash), for addresses shown as text (API calls). */
  publicUrl?: string;
}

export const siteName = (m: Municipality | null): string => (m ? (lang === 'en' ? m.nameEn : m.nameTh) : t('site.fallbackName'));
export const localized = (th?: string, en?: string): string => (lang === 'en' && en ? en : th) ?? '';
