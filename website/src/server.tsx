import { renderToString } from 'preact-render-to-string';
import type { Municipality } from './api';
import { inLang, type Lang } from './i18n';
import { FooterContent, Header, type MenuPage } from './components/Chrome';
import { siteName } from './components/site';
import type { Api } from './pages/load';
import { loadMenu, matchRoute, show } from './routes';

/**
 * The server entry of the website: built by website/build.js into build/website/server.cjs, which
 * src/middlewares/website.ts loads at run time. It renders the content pages of the route table with
 * the same components the browser hydrates.
 */
export interface RenderInput {
  /** The site path, without its language (`/news/x`, not `/en/news/x`). */
  path: string;
  /** The query string, without `?`. */
  query: string;
  lang: Lang;
  api: Api;
  /** The municipality record as GET /api/municipality?populate=logo answers it. */
  municipality: unknown;
}

/** What the browser reads back from `<script id="page-data">` to hydrate without a second request. */
export interface PageData {
  path: string;
  lang: Lang;
  data: unknown;
  menu: MenuPage[];
}

export interface Rendered {
  status: 200 | 404;
  /** The markup of <main>. */
  html: string;
  /** The skip link and the <header> (name, logo, language switch, menu). */
  header: string;
  /** The markup inside <footer>. */
  footer: string;
  /** The document's title. */
  title: string;
  data: PageData;
}

/** The page at `path`, or null when it is not a server-rendered page (the browser renders it). */
export async function renderPage({ path, query, lang, api, municipality }: RenderInput): Promise<Rendered | null> {
  const matched = matchRoute(path);
  if (!matched) return null;
  const [data, menu] = await Promise.all([matched.route.load(matched.params, new URLSearchParams(query), api, lang), loadMenu(api, lang)]);
  const shown = show(matched, data);
  const site = { municipality: (municipality ?? null) as Municipality | null };
  const current = path.length > 1 ? path.replace(/\/+$/, '') : '/';
  // The render is synchronous: the language holds for it alone, whatever other requests are doing.
  return inLang(lang, () => {
    const own = shown.title(site);
    const name = siteName(site.municipality);
    return {
      status: shown.status,
      html: renderToString(<>{shown.view(site)}</>),
      header: renderToString(<Header municipality={site.municipality} pages={menu} current={current} />),
      footer: renderToString(<FooterContent municipality={site.municipality} />),
      title: own ? `${own} | ${name}` : name,
      data: { path: current + (query ? `?${query}` : ''), lang, data: data ?? null, menu },
    };
  });
}
