import type { Core } from '@strapi/strapi';

/** The parts of the i18n plugin's `locales` service used here (Strapi types services as `any`). */
interface LocalesService {
  findByCode(code: string): Promise<unknown>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string>;
  setDefaultLocale(locale: { code: string }): Promise<unknown>;
}

/** Thai is the default content locale, English the second; idempotent. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service<LocalesService>('locales');
  const wanted = [
    { code: 'th', name: 'Thai (th)' },
    { code: 'en', name: 'English (en)' },
  ];
  for (const locale of wanted) {
    if (!(await locales.findByCode(locale.code))) await locales.create(locale);
  }
  if ((await locales.getDefaultLocale()) !== 'th') await locales.setDefaultLocale({ code: 'th' });
}
