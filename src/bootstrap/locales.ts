import type { Core } from '@strapi/strapi';

/** Thai is the default content locale, English the second; idempotent. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  const wanted = [
    { code: 'th', name: 'Thai (th)' },
    { code: 'en', name: 'English (en)' },
  ];
  for (const locale of wanted) {
    if (!(await locales.findByCode(locale.code))) await locales.create(locale);
  }
  if ((await locales.getDefaultLocale()) !== 'th') await locales.setDefaultLocale({ code: 'th' });
}
