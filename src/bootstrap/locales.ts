import type { Core } from '@strapi/strapi';

/** The parts of the i18n plugin's `locales` service used here (Strapi types services as `any`). */
interface LocalesService {
  findByCode(code: string): Promise<{ id: number; name: string } | null>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  update(where: { id: number }, data: { name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string>;
  setDefaultLocale(locale: { code: string }): Promise<unknown>;
}

/** Thai is the default content locale, English the second, both named in Thai for staff; idempotent. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service<LocalesService>('locales');
  const wanted = [
    { code: 'th', name: 'ภาษาไทย (th)' },
    { code: 'en', name: 'ภาษาอังกฤษ (en)' },
  ];
  for (const locale of wanted) {
    const existing = await locales.findByCode(locale.code);
    if (!existing) await locales.create(locale);
    else if (existing.name !== locale.name) await locales.update({ id: existing.id }, { name: locale.name });
  }
  if ((await locales.getDefaultLocale()) !== 'th') await locales.setDefaultLocale({ code: 'th' });
}
