import type { StrapiApp } from '@strapi/strapi/admin';
import { Upload } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';

const prefix = (data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([k, v]) => [`${PLUGIN_ID}.${k}`, v]));

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Upload,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Spreadsheet import' },
      // Each target has its own permission, registered by the server at start; the page lists the
      // targets this user holds one of (GET /spreadsheet-import/targets), so the link is for all staff.
      permissions: [],
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Record<string, string> };
          return { data: prefix(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
