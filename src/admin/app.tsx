import type { StrapiApp } from '@strapi/strapi/admin';
import th from './translations/th.json';
import en from './translations/en.json';
import { VolumeUp } from '@strapi/icons';
import logo from './extensions/logo.svg';

// The admin reads this key before it renders; staff who never chose a language get Thai.
const LANGUAGE_KEY = 'strapi-admin-language';
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'th');
}

export default {
  config: {
    locales: ['th'],
    auth: { logo },
    menu: { logo },
    head: { favicon: logo },
    translations: { th, en },
    tutorials: false,
    notifications: { releases: false },
  },
  /** The loudspeaker poles: status map and printable QR labels (public data, so every officer sees it). */
  register(app: StrapiApp) {
    app.addMenuLink({
      to: 'poles',
      icon: VolumeUp,
      intlLabel: { id: 'nokok.poles.menu', defaultMessage: 'Loudspeaker poles' },
      permissions: [],
      Component: () => import('../api/pole/admin/PolesPage'),
    });
  },
  bootstrap(_app: StrapiApp) {},
};
