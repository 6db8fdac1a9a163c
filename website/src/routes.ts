import { h, type ComponentChild } from 'preact';
import type { Page as StaticPage } from './api';
import { formatYear, inLang, t, type Lang } from './i18n';
import type { MenuPage } from './components/Chrome';
import type { Site } from './components/site';
import { localizedList, type Api } from './pages/load';
import { Home, loadHome, type HomeData } from './pages/Home';
import { NewsList, loadNewsList, type NewsListData } from './pages/NewsList';
import { NewsItem, loadNewsItem } from './pages/NewsItem';
import { Page, loadPage } from './pages/Page';
import { Contact } from './pages/Contact';
import { NotFound } from './pages/NotFound';
import { Track, loadTrack, type TrackData } from './pages/Track';
import { Line } from './pages/Line';
import { Developers, loadDevelopers, type DevelopersData } from './pages/Developers';
import type { Media, NewsItem as Item } from './api';
import { Poles, loadPoles, type Pole as PoleRecord, type PolesData } from './pages/Poles';
import { PolePage, loadPole } from './pages/Pole';
import { Complaint, loadComplaint, type ComplaintData } from './pages/Complaint';
import { Tax, loadTax, type TaxData } from './pages/Tax';
import { DataSearch, loadDataSearch, type DataSearchData } from './pages/Data';
import { Dataset, datasetTitle, loadDataset, type DatasetData } from './pages/Dataset';
import { DataRequest } from './pages/DataRequest';
import { MapPage, loadMap, type MapData } from './pages/Map';
import { EServiceForm, EServiceList, loadEForm, loadEServices, type EFormData, type EServiceListData } from './pages/EService';
import { EServiceReceipt, loadReceipt, type ReceiptData } from './pages/EServiceReceipt';
import { inLanguage } from './e-form';
import { Transparency, loadTransparency, type TransparencyData } from './pages/Transparency';
import { CaseSurvey, SurveyList, SurveyPage, loadCaseSurvey, loadSurvey, loadSurveys, type CaseSurveyData, type SurveyListData, type SurveyPageData } from './pages/Survey';
import { StatisticsPage, loadStatistics, type StatisticsData } from './pages/Statistics';
import { AccountShell, ConfirmedPage, ForgotPage, NoticesPage, ResetPage, SignInPage, SignUpPage, accountTitle, loadNotices, type AccountView, type NoticesData } from './pages/Account';

/**
 * The one route table of the citizen website. The server (website/src/server.tsx, called by
 * src/middlewares/website.ts) renders every page from it: the route's loader reads the public API
 * through the `api` it is given, the component renders the page, and the HTML arrives whole. A loader
 * answering null means "no such item": the not-found page, 404. Pages are plain links and forms;
 * what needs script is an island (website/src/islands/<name>.tsx), named here and loaded only by
 * the pages that name it, reading the page's data from what the server embedded.
 */
export interface Route<D> {
  pattern: RegExp;
  load: (params: string[], query: URLSearchParams, api: Api, lang: Lang) => Promise<D | null>;
  view: (data: D, site: Site) => ComponentChild;
  /** The page's own title (its h1); '' for the home page, whose title is the town's name. */
  title: (data: D, site: Site) => string;
  /** What search engines and link previews show beyond the title: a description, an image (a news cover). */
  meta?: (data: D) => PageMeta;
  /** The islands that bring parts of the page to life (website/src/islands/<name>.tsx). */
  islands?: string[];
  /**
   * Whether the rendered page may be kept and served to everyone until the content changes (the
   * default); false for a page with per-request data, such as a tracking result.
   */
  shared?: (query: URLSearchParams) => boolean;
}

export interface PageMeta {
  description?: string;
  image?: Media | null;
  /** `article` for a news item; a page otherwise. */
  type?: 'article';
}

const route = <D>(r: Route<D>): Route<unknown> => r as unknown as Route<unknown>;
const nothing = (): Promise<Record<string, never>> => Promise.resolve({});

export const ROUTES: Array<Route<unknown>> = [
  route<HomeData>({ pattern: /^\/$/, load: (_p, _q, api, lang) => loadHome(api, lang), view: (data, site) => h(Home, { data, site }), title: () => '' }),
  route<NewsListData>({
    pattern: /^\/news$/,
    load: (_p, query, api, lang) => loadNewsList(api, lang, query),
    view: (data) => h(NewsList, { data }),
    title: () => t('news.title'),
  }),
  route<Item>({
    pattern: /^\/news\/([^/]+)$/,
    load: ([slug], _q, api, lang) => loadNewsItem(api, lang, slug),
    view: (data) => h(NewsItem, { data }),
    title: (n) => n.title,
    meta: (n) => ({ description: n.summary, image: n.cover, type: 'article' }),
  }),
  route<StaticPage>({
    pattern: /^\/pages\/([^/]+)$/,
    load: ([slug], _q, api, lang) => loadPage(api, lang, slug),
    view: (data) => h(Page, { data }),
    title: (p) => p.title,
  }),
  route({ pattern: /^\/contact$/, load: nothing, view: (_d, site) => h(Contact, { site }), title: () => t('contact.title') }),
  // E-services: the open services, a receipt (one citizen's: never kept), and each service's form.
  route<EServiceListData>({ pattern: /^\/e-service$/, load: (_p, _q, api) => loadEServices(api), view: (data) => h(EServiceList, { data }), title: () => t('eservice.title') }),
  route<ReceiptData>({
    pattern: /^\/e-service\/receipt$/,
    load: (_p, query, api) => loadReceipt(api, query),
    view: (data, site) => h(EServiceReceipt, { data, site }),
    title: () => t('receipt.title'),
    islands: ['e-receipt'],
    shared: () => false,
  }),
  route<EFormData>({
    pattern: /^\/e-service\/([^/]+)$/,
    load: ([slug], _q, api, lang) => loadEForm(api, slug, lang),
    view: (data, site) => h(EServiceForm, { data, site }),
    title: (d) => inLanguage(d.form.title, d.lang),
    // Meta is read outside the render's language: the loader's language says which.
    meta: (d) => ({ description: inLanguage(d.form.description, d.lang) || undefined }),
    islands: ['e-form'],
  }),
  // Open data: the catalogue is CKAN's Action API, read like any harvester reads it.
  route<DataSearchData>({
    pattern: /^\/data$/,
    load: (_p, query, api, lang) => loadDataSearch(api, lang, query),
    view: (data) => h(DataSearch, { data }),
    title: () => t('data.title'),
    // Meta is read outside the render's language: the loader's language says which.
    meta: (d) => ({ description: inLang(d.lang, () => t('data.intro')) }),
  }),
  route({ pattern: /^\/data\/request$/, load: nothing, view: () => h(DataRequest, {}), title: () => t('data.request.title'), islands: ['data-request'] }),
  route<DatasetData>({
    pattern: /^\/data\/([^/]+)$/,
    load: ([slug], query, api, lang) => loadDataset(api, lang, slug, query),
    view: (data, site) => h(Dataset, { data, site }),
    title: (d) => datasetTitle(d.dataset),
    meta: (d) => ({ description: ((d.lang === 'en' && d.dataset.notes_en) || d.dataset.notes || '').slice(0, 300) }),
    islands: ['dataset'],
  }),
  route<TrackData>({
    pattern: /^\/track$/,
    load: (_p, query, api) => loadTrack(api, query),
    view: (data) => h(Track, { data }),
    title: () => t('track.title'),
    islands: ['track'],
    shared: (query) => !query.has('code'),
  }),
  route({ pattern: /^\/line$/, load: nothing, view: (_d, site) => h(Line, { site }), title: () => t('chat.title') }),
  route<DevelopersData>({ pattern: /^\/developers$/, load: (_p, _q, api) => loadDevelopers(api), view: (data) => h(Developers, { data }), title: () => t('dev.title') }),
  route<PolesData>({
    pattern: /^\/poles$/,
    load: (_p, _q, api) => loadPoles(api),
    view: (data) => h(Poles, { data }),
    title: () => t('poles.title'),
    islands: ['pole-map'],
  }),
  // The town map: every public layer; the list of layers and their GeoJSON reads without script.
  route<MapData>({
    pattern: /^\/map$/,
    load: (_p, _q, api) => loadMap(api),
    view: (data) => h(MapPage, { data }),
    title: () => t('map.title'),
    islands: ['gis-map'],
  }),
  route<PoleRecord>({
    pattern: /^\/p\/([^/]+)$/,
    load: ([code], _q, api) => loadPole(api, code),
    view: (data, site) => h(PolePage, { data, site }),
    title: (p) => p.name,
    islands: ['pole-map', 'pole-report'],
  }),
  route<ComplaintData>({
    pattern: /^\/complaint$/,
    load: (_p, query, api) => loadComplaint(api, query),
    view: (data, site) => h(Complaint, { data, site }),
    title: (data) => (data.filed ? t('complaint.done.title') : t('complaint.title')),
    islands: ['complaint'],
    // The confirmation names one citizen's code: never kept for others.
    shared: (query) => !query.has('filed'),
  }),
  // The ITA/OIT checklist, one place for the assessor. Not kept: an item turns stale with time alone.
  route<TransparencyData>({
    pattern: /^\/transparency$/,
    load: (_p, query, api, lang) => loadTransparency(api, lang, query),
    view: (data) => h(Transparency, { data }),
    title: (d) => t('ita.title', { year: inLang(d.lang, () => formatYear(d.fiscalYear)) }),
    meta: (d) => ({ description: inLang(d.lang, () => t('ita.intro')) }),
    shared: () => false,
  }),
  // Surveys: a case's rating by its one-time link (one citizen's: never kept), the open surveys, each survey with its results.
  route<CaseSurveyData>({
    pattern: /^\/survey$/,
    load: (_p, query, api) => loadCaseSurvey(api, query),
    view: (data, site) => h(CaseSurvey, { data, site }),
    title: () => t('survey.case.title'),
    islands: ['survey'],
    shared: () => false,
  }),
  route<SurveyListData>({ pattern: /^\/surveys$/, load: (_p, _q, api) => loadSurveys(api), view: (data) => h(SurveyList, { data }), title: () => t('survey.list.title') }),
  route<SurveyPageData>({
    pattern: /^\/surveys\/([^/]+)$/,
    load: ([slug], _q, api, lang) => loadSurvey(api, slug, lang),
    view: (data, site) => h(SurveyPage, { data, site }),
    title: (d) => inLanguage(d.survey.title, d.lang),
    meta: (d) => ({ description: inLanguage(d.survey.description, d.lang) || undefined }),
    islands: ['survey'],
  }),
  // Public figures computed when asked: never kept, so a new complaint or rating shows at once.
  route<StatisticsData>({
    pattern: /^\/statistics$/,
    load: (_p, query, api) => loadStatistics(api, query),
    view: (data) => h(StatisticsPage, { data }),
    title: () => t('stats.title'),
    meta: () => ({ description: t('stats.intro') }),
    shared: () => false,
  }),
  // The citizen's account: shells the same for everyone (the account island reads the person's data
  // with their token in the browser), so they are kept like any page. The reset link's one-time code
  // is in the address, and the page embeds its address: that one is never kept.
  route({ pattern: /^\/account\/sign-in$/, load: nothing, view: (_d, site) => h(SignInPage, { site }), title: () => t('account.signIn.title'), islands: ['account'] }),
  route({ pattern: /^\/account\/sign-up$/, load: nothing, view: (_d, site) => h(SignUpPage, { site }), title: () => t('account.signUp.title'), islands: ['account'] }),
  route({ pattern: /^\/account\/confirmed$/, load: nothing, view: () => h(ConfirmedPage, {}), title: () => t('account.confirmed.title') }),
  route({ pattern: /^\/account\/forgot$/, load: nothing, view: (_d, site) => h(ForgotPage, { site }), title: () => t('account.forgot.title'), islands: ['account'] }),
  route({
    pattern: /^\/account\/reset$/,
    load: nothing,
    view: (_d, site) => h(ResetPage, { site }),
    title: () => t('account.reset.title'),
    islands: ['account'],
    shared: (query) => !query.has('code'),
  }),
  ...(['home', 'profile', 'claim', 'tax'] as AccountView[]).map((view) =>
    route({
      pattern: view === 'home' ? /^\/account$/ : new RegExp(`^/account/${view}$`),
      load: nothing,
      view: (_d, site) => h(AccountShell, { view, site }),
      title: () => accountTitle(view),
      islands: ['account'],
    })
  ),
  // Public notices. Not kept: a notice expires with time alone, no write tells the cache.
  route<NoticesData>({
    pattern: /^\/notices$/,
    load: (_p, query, api, lang) => loadNotices(api, lang, query),
    view: (data) => h(NoticesPage, { data }),
    title: () => t('notices.title'),
    shared: () => false,
  }),
  // Shared: nothing personal is on the page until the citizen looks a bill up in the browser.
  route<TaxData>({ pattern: /^\/tax$/, load: (_p, _q, api) => loadTax(api), view: (data) => h(Tax, { data }), title: () => t('tax.title'), islands: ['tax'] }),
];

export interface Matched {
  route: Route<unknown>;
  params: string[];
}

/** The route of a site path (without its language), or null: not a page of the website. */
export function matchRoute(path: string): Matched | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : '/';
  for (const r of ROUTES) {
    const m = r.pattern.exec(clean);
    if (!m) continue;
    try {
      return { route: r, params: m.slice(1).map(decodeURIComponent) };
    } catch {
      return null; // a malformed escape in the path: not a page of ours
    }
  }
  return null;
}

/** A loaded page, ready to render: its status, component tree and title. */
export interface Shown {
  status: 200 | 404;
  view: (site: Site) => ComponentChild;
  title: (site: Site) => string;
  meta: PageMeta;
  islands: string[];
}

/** The page for a route and its loaded data: the not-found page when the loader found nothing. */
export function show({ route: r }: Matched, data: unknown): Shown {
  if (data === null || data === undefined) return notFoundPage;
  return { status: 200, view: (site) => r.view(data, site), title: (site) => r.title(data, site), meta: r.meta?.(data) ?? {}, islands: r.islands ?? [] };
}

/** The not-found page. */
export const notFoundPage: Shown = { status: 404, view: () => h(NotFound, {}), title: () => t('notFound.title'), meta: {}, islands: [] };

/** The pages of the main menu, in their order. */
export async function loadMenu(api: Api, lang: Lang): Promise<MenuPage[]> {
  try {
    const res = await localizedList<StaticPage>(api, lang, 'pages', {
      sort: 'menuOrder:asc',
      'filters[showInMenu][$eq]': 'true',
      'fields[0]': 'title',
      'fields[1]': 'slug',
    });
    return res.data.map((p) => ({ slug: p.slug, title: p.title }));
  } catch {
    return []; // the menu still has its fixed entries
  }
}
