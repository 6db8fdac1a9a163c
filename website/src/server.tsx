import { renderToString } from 'preact-render-to-string';
import type { Municipality } from './api';
import { inLang, type Lang } from './i18n';
import { FooterContent, Header } from './components/Chrome';
import { siteName } from './components/site';
import type { Api } from './pages/load';
import { loadMenu, matchRoute, notFoundPage, show, type PageMeta } from './routes';

/**
 * The server entry of the website: built by website/build.js into build/website/server.cjs, which
 * src/middlewares/website.ts loads at run time. It renders every page of the route table; the
 * middleware puts the parts into the HTML template, adds the page's islands and keeps shared pages.
 */
export interface RenderInput {
  /** The site path, without its language (`/news/x`, not `/en/news/x`). */
  path: string;
  /** The query string, without `?`. */
  query: string;
  lang: Lang;
  /** The public API for pages shared by everyone (its answers may be kept until content changes). */
  api: Api;
  /** The public API read fresh, for pages with per-request data (a tracking result). */
  freshApi: Api;
  /** The municipality record as GET /api/municipality?populate=logo answers it. */
  municipality: unknown;
  /** The site's public address (PUBLIC_URL), for addresses a page shows as text. */
  publicUrl?: string;
}

/** What islands read back from `<script id="page-data">`: the page's data, without a second request. */
export interface PageData {
  path: string;
  lang: Lang;
  data: unknown;
}

export interface Rendered {
  status: 200 | 404;
  /** The islands the page loads (website/src/islands/<name>.tsx); none for a page of links. */
  islands: string[];
  /** Whether the page may be kept and served to everyone until the content changes. */
  shared: boolean;
  /** The markup of <main>. */
  html: string;
  /** The skip link and the <header> (name, logo, language switch, menu). */
  header: string;
  /** The markup inside <footer>. */
  footer: string;
  /** The document's title. */
  title: string;
  /** For search engines and link previews: the description, the image (site-relative URL) and the kind. */
  meta: { description?: string; image?: { url: string; width?: number; height?: number; alt?: string }; type?: 'article' };
  data: PageData;
}

/** The page at `path`; the not-found page (404) for a path that is none of the site's. */
export async function renderPage({ path, query, lang, api, freshApi, municipality, publicUrl }: RenderInput): Promise<Rendered> {
  const matched = matchRoute(path);
  const params = new URLSearchParams(query);
  const shared = matched?.route.shared?.(params) ?? true;
  const [data, menu] = await Promise.all([matched ? matched.route.load(matched.params, params, shared ? api : freshApi, lang) : null, loadMenu(api, lang)]);
  const shown = matched ? show(matched, data) : notFoundPage;
  const site = { municipality: (municipality ?? null) as Municipality | null, publicUrl: publicUrl?.replace(/\/+$/, '') };
  const current = path.length > 1 ? path.replace(/\/+$/, '') : '/';
  // The render is synchronous: the language holds for it alone, whatever other requests are doing.
  return inLang(lang, () => {
    const own = shown.title(site);
    const name = siteName(site.municipality);
    return {
      status: shown.status,
      islands: shown.islands,
      shared,
      html: renderToString(<>{shown.view(site)}</>),
      header: renderToString(<Header municipality={site.municipality} pages={menu} current={current} query={query} />),
      footer: renderToString(<FooterContent municipality={site.municipality} />),
      title: own ? `${own} | ${name}` : name,
      meta: pageMeta(shown.meta),
      data: { path: current + (query ? `?${query}` : ''), lang, data: data ?? null },
    };
  });
}

/** A page's description and preview image: the large size of an upload is enough for any preview. */
function pageMeta({ description, image, type }: PageMeta): Rendered['meta'] {
  const f = image ? (image.formats?.large ?? image.formats?.medium ?? image) : null;
  return {
    description: description?.trim() || undefined,
    image: f ? { url: f.url, width: Number(f.width) || undefined, height: Number(f.height) || undefined, alt: image?.alternativeText ?? undefined } : undefined,
    type,
  };
}
