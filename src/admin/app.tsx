import type { StrapiApp } from '@strapi/strapi/admin';
import th from './translations/th.json';
import en from './translations/en.json';
// Strapi 5.54's own Thai leaves about 1,600 of its admin strings in English: ours fill the gap.
import strapiTh from './translations/strapi-th.json';
import { contentTypeMessages } from '../shared/content-types';
import taxTh from '../api/tax-bill/admin/translations/th.json';
import taxEn from '../api/tax-bill/admin/translations/en.json';
import sharingTh from '../api/dataset/admin/translations/th.json';
import sharingEn from '../api/dataset/admin/translations/en.json';
import dataStoreTh from '../api/dataset/admin/data-store/translations/th.json';
import dataStoreEn from '../api/dataset/admin/data-store/translations/en.json';
import eServiceTh from '../api/e-form-submission/admin/translations/th.json';
import eServiceEn from '../api/e-form-submission/admin/translations/en.json';
import itaTh from '../api/transparency/admin/translations/th.json';
import itaEn from '../api/transparency/admin/translations/en.json';
import governanceTh from '../api/transparency/admin/governance/th.json';
import governanceEn from '../api/transparency/admin/governance/en.json';
import { GOVERNANCE_READ, TRANSPARENCY_READ } from '../api/transparency/staff-permissions';
import DataStorePanel from '../api/dataset/admin/data-store/DataStorePanel';
import { Book, ChartBubble, ChartPie, CheckCircle, Key, SealCheck, VolumeUp } from '@strapi/icons';
import logo from './extensions/logo.svg';
import { RECONCILE_PERMISSION } from '../api/tax-bill/staff-permissions';
import { SHARING_MANAGE, SHARING_READ_LOG } from '../api/dataset/staff-permissions';
import { E_SERVICE_DASHBOARD } from '../api/e-form-submission/staff-permissions';
import { thaiLocalesColumn } from './locales-cell';

/** A feature's staff strings sit beside its page (src/api/<domain>/admin/translations); the admin reads them prefixed. */
const prefixed = (prefix: string, data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([k, v]) => [`${prefix}.${k}`, v]));

// The admin reads this key before it renders; staff who never chose a language get Thai.
const LANGUAGE_KEY = 'strapi-admin-language';
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'th');
}

/**
 * Strapi's guided tour (English steps, a pop-up over the news list, Strapi Cloud) and its
 * "new Media Library" banner keep their state in localStorage only: both are set off here, before
 * the admin reads them. The banner's key ends with the project's uuid, `false` when telemetry is off
 * (package.json), `undefined` before the first answer of /admin/init.
 */
function quietAdmin(storage: Storage) {
  const TOUR = 'STRAPI_GUIDED_TOUR';
  let tour: Record<string, unknown> = {};
  try {
    tour = (JSON.parse(storage.getItem(TOUR) ?? '{}') as Record<string, unknown> | null) ?? {};
  } catch {
    tour = {};
  }
  if (tour.enabled !== false) storage.setItem(TOUR, JSON.stringify({ ...tour, enabled: false, hidden: true }));
  for (const legacy of ['true', 'false']) {
    for (const scope of ['false', 'undefined']) storage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${scope}`, 'true');
  }
}
if (typeof window !== 'undefined') quietAdmin(window.localStorage);

/**
 * Strapi titles the login and loading screens "Strapi Admin" whatever the language, and a few
 * Settings pages with an English name written in its code ("ตั้งค่า - Webhooks").
 */
const SETTINGS_PAGE_NAMES: Array<[string, string]> = [
  ['API Tokens', 'โทเค็น API'],
  ['Transfer Tokens', 'โทเค็นถ่ายโอนข้อมูล'],
  ['Admin Tokens', 'โทเค็นผู้ดูแลระบบ'],
  ['Webhooks', 'เว็บฮุก'],
  ['Roles', 'บทบาท'],
  ['Users', 'ผู้ใช้'],
];
function staffTitle(doc: Document, storage: Storage) {
  const thai = storage.getItem(LANGUAGE_KEY) !== 'en';
  const title = thai ? 'ระบบเจ้าหน้าที่ เทศบาลตำบลนกออก' : 'Nok Ok Municipality staff';
  const mend = () => {
    if (doc.title === 'Strapi Admin') doc.title = title;
    if (!thai) return;
    for (const [en, th] of SETTINGS_PAGE_NAMES) {
      if (doc.title.includes(` - ${en} |`)) doc.title = doc.title.replace(` - ${en} |`, ` - ${th} |`);
    }
  };
  mend();
  new MutationObserver(mend).observe(doc.head, { subtree: true, childList: true, characterData: true });
}
if (typeof document !== 'undefined') staffTitle(document, window.localStorage);

export default {
  config: {
    locales: ['th'],
    auth: { logo },
    menu: { logo },
    head: { favicon: logo },
    translations: {
      th: { ...strapiTh, ...contentTypeMessages('th'), ...th, ...prefixed('nokok.tax', taxTh), ...prefixed('nokok.dataStore', dataStoreTh), ...prefixed('nokok.sharing', sharingTh), ...prefixed('nokok.eservice', eServiceTh), ...prefixed('nokok.ita', itaTh), ...prefixed('nokok.governance', governanceTh) },
      en: { ...contentTypeMessages('en'), ...en, ...prefixed('nokok.tax', taxEn), ...prefixed('nokok.dataStore', dataStoreEn), ...prefixed('nokok.sharing', sharingEn), ...prefixed('nokok.eservice', eServiceEn), ...prefixed('nokok.ita', itaEn), ...prefixed('nokok.governance', governanceEn) },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // The staff guide's widget, first on the home page (src/admin/staff-guide/).
    app.widgets.register((widgets) => [
      { id: 'staff-guide', icon: Book, title: { id: 'nokok.guide.title', defaultMessage: 'Staff guide' }, component: () => import('./staff-guide/StaffGuideWidget').then((m) => m.default) },
      ...widgets,
    ]);
    // The loudspeaker poles: status map and printable QR labels (public data, so every officer sees it).
    app.addMenuLink({
      to: 'poles',
      icon: VolumeUp,
      intlLabel: { id: 'nokok.poles.menu', defaultMessage: 'Loudspeaker poles' },
      permissions: [],
      Component: () => import('../api/pole/admin/PolesPage'),
    });
    // Bank payments the reconciliation flagged: for whoever may import the bank's report.
    app.addMenuLink({
      to: 'tax-payments',
      icon: SealCheck,
      intlLabel: { id: 'nokok.tax.menu', defaultMessage: 'Tax payments to review' },
      permissions: [{ action: RECONCILE_PERMISSION, subject: null }],
      Component: () => import('../api/tax-bill/admin/ReviewPage'),
    });
    // Data sharing: partner agencies' tokens (the administrator) and the access log (also executives and auditors).
    app.addMenuLink({
      to: 'data-sharing',
      icon: Key,
      intlLabel: { id: 'nokok.sharing.menu', defaultMessage: 'Data sharing' },
      permissions: [
        { action: SHARING_MANAGE, subject: null },
        { action: SHARING_READ_LOG, subject: null },
      ],
      Component: () => import('../api/dataset/admin/SharingPage'),
    });
    // The e-service dashboard: live figures for executives, auditors and the officers who answer requests.
    app.addMenuLink({
      to: 'e-service-dashboard',
      icon: ChartPie,
      intlLabel: { id: 'nokok.eservice.menu', defaultMessage: 'E-service dashboard' },
      permissions: [{ action: E_SERVICE_DASHBOARD, subject: null }],
      Component: () => import('../api/e-form-submission/admin/DashboardPage'),
    });
    // The ITA/OIT checklist's readiness (executives, auditors, the content editor who keeps its items).
    app.addMenuLink({
      to: 'ita',
      icon: CheckCircle,
      intlLabel: { id: 'nokok.ita.menu', defaultMessage: 'ITA/OIT' },
      permissions: [{ action: TRANSPARENCY_READ, subject: null }],
      Component: () => import('../api/transparency/admin/TransparencyPage'),
    });
    // The six principles of good governance in figures (executives, auditors).
    app.addMenuLink({
      to: 'governance',
      icon: ChartBubble,
      intlLabel: { id: 'nokok.governance.menu', defaultMessage: 'Good governance' },
      permissions: [{ action: GOVERNANCE_READ, subject: null }],
      Component: () => import('../api/transparency/admin/GovernancePage'),
    });
  },
  bootstrap(app: StrapiApp) {
    // Runs after the plugins' own hooks: the i18n plugin has added its column by then.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', thaiLocalesColumn);
    // A dataset's uploaded tables, checked before publishing (src/api/dataset/admin/data-store/).
    (app.getPlugin('content-manager').apis as { addEditViewSidePanel(panels: unknown[]): void }).addEditViewSidePanel([DataStorePanel]);
  },
};
