import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { promisify } from 'util';
import zlib from 'zlib';
import type { Core } from '@strapi/strapi';
import type { MapTiles } from '../shared/map-tiles';
import { publicUrl } from '../public-url';
import { headLinks, organizationJsonLd, robotsTxt, sitemapXml, type SitemapEntry } from './sitemap';
import { countTrackingRead, websiteHeaders } from './rate-limit';
import { onContentChange } from '../state/content-changes';
import { fieldMessage } from '../http/messages';
import { currentSlugOf } from '../api/news/slugs';

/**
 * Serves the citizen website (built into build/website by website/build.js) from the same
 * process: hashed assets with their precompressed copies, and every page rendered on the server
 * from the website's route table (website/src/routes.ts) through its built server entry, and the
 * site's not-found page for a browser at any other address nothing else answered. Rendered
 * pages that are the same for everyone are kept, compressed once, until content changes (any write
 * to content on any instance: src/state/content-changes.ts); pages with per-request data (a
 * tracking result) are rendered each time.
 */
const SITE_ROUTES = [
  /^\/$/,
  /^\/news(\/[^/]+)?\/?$/,
  /^\/pages\/[^/]+\/?$/,
  /^\/(contact|developers|complaint|e-service|tax|poles|map|line|track)\/?$/,
  /^\/e-service\/[^/]+\/?$/,
  /^\/data(\/[^/]+)?\/?$/,
  /^\/p\/[^/]+\/?$/,
  /^\/statistics\/?$/,
  /^\/transparency\/?$/,
  /^\/surveys?\/?$/,
  /^\/surveys\/[^/]+\/?$/,
  /^\/account(\/(sign-in|sign-up|confirmed|forgot|reset|profile|claim|tax))?\/?$/,
  /^\/notices\/?$/,
];
/** Strapi's own paths (besides each plugin's, `/<plugin name>/…`): an answer there is Strapi's, never a page. */
const STRAPI_PATHS = /^\/(api|admin|uploads|_health)(\/|$)/;
const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};
/** Item pages whose old addresses are moved to the new one (a renamed title gives a new slug). */
const RENAMED: Record<string, 'api::news.news-item' | 'api::page.page'> = { news: 'api::news.news-item', pages: 'api::page.page' };
const MUNICIPALITY_TTL_MS = 30_000;
const SITEMAP_TTL_MS = 10 * 60_000;
/** Datasets read a page at a time for the sitemap (CKAN's most rows a search answers). */
const SITEMAP_DATASETS = 1000;

/**
 * The website's server entry (website/src/server.tsx), as website/build.js bundles it into
 * build/website/server.cjs. Declared here, not imported: server code may not import website source
 * at compile time (the module contract); the built file is loaded at run time by its path.
 */
type PageApi = <T>(path: string, params: Record<string, string | number>) => Promise<T>;
interface Rendered {
  status: number;
  islands: string[];
  shared: boolean;
  html: string;
  header: string;
  footer: string;
  title: string;
  meta: { description?: string; image?: { url: string; width?: number; height?: number; alt?: string }; type?: 'article' };
  data: unknown;
}
interface WebsiteRenderer {
  renderPage(input: { path: string; query: string; lang: 'th' | 'en'; api: PageApi; freshApi: PageApi; municipality: unknown; publicUrl: string }): Promise<Rendered>;
}
/** build/website/islands.json: each island's module and the chunks it imports. */
type IslandAssets = Record<string, { js: string; imports: string[] }>;

/** A page as it is sent, kept while it is the same for everyone. */
interface Page {
  status: number;
  shared: boolean;
  /** The cache generation it was rendered in: a page rendered across a change is not kept. */
  generation: number;
  html: string;
  etag: string;
  compressed: Partial<Record<'br' | 'gzip', Promise<Buffer>>>;
}

const DEFAULT_CACHE_PAGES = 500;
const MAX_ANSWERS = 2000;
const UNAVAILABLE = {
  th: 'ขออภัย ระบบไม่พร้อมให้บริการชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่',
  en: 'Sorry, the website is briefly unavailable. Please try again in a moment.',
};
// On libuv's thread pool: the best ratio costs tens of milliseconds a page, which must not stall other requests.
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const compress = (html: string, encoding: 'br' | 'gzip') =>
  encoding === 'br' ? brotli(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzip(html, { level: 9 });

type Context = Parameters<Core.MiddlewareHandler>[0];
/** The municipality record as `/api/municipality` answers it; only its name is read here. */
type PublicMunicipality = { nameTh?: unknown } & Record<string, unknown>;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// JSON inside <script> must not be able to close the tag.
const safeJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const root = path.join(strapi.dirs.app.root, 'build', 'website');
  let template: { text: string; mtimeMs: number } | undefined;
  let municipality: { data: PublicMunicipality | null; at: number } | undefined;
  let sitemap: { body: string; at: number } | undefined;
  let building: Promise<unknown> | undefined;
  const { tileUrl, attribution } = strapi.config.get<MapTiles>('map');
  const map: MapTiles = { tileUrl, attribution };

  // WEBSITE_PAGE_CACHE: how many rendered pages to keep (0 turns the cache off, for measuring).
  const cacheSize = Number.isInteger(Number(process.env.WEBSITE_PAGE_CACHE ?? DEFAULT_CACHE_PAGES)) ? Math.max(0, Number(process.env.WEBSITE_PAGE_CACHE ?? DEFAULT_CACHE_PAGES)) : DEFAULT_CACHE_PAGES;
  const pages = new Map<string, Page>();
  /** The public API's answers the shared pages were rendered from, kept as long as the pages. */
  const answers = new Map<string, Promise<unknown>>();
  /** Renders under way, by page: concurrent requests for the same page share one. */
  const rendering = new Map<string, Promise<Page | null>>();
  /** Where an old item address leads now (null: nowhere), kept like the pages. */
  const moved = new Map<string, Promise<string | null>>();
  let generation = 0;
  /**
   * Content changed: every kept page and answer may show it. Answers go; pages stay, as stale: the
   * next visitor of a page waits for it to be rendered again, and visitors meanwhile get the stale
   * copy, so a burst of changes (many citizens filing at once) costs one render per page at a time,
   * not one per visitor.
   */
  const invalidate = () => {
    generation++;
    answers.clear();
    moved.clear();
    municipality = undefined;
    sitemap = undefined;
  };
  // Here, or (with REDIS_URL) on another instance behind the same proxy.
  onContentChange(strapi, invalidate);

  let rendererModule: { module: WebsiteRenderer; mtimeMs: number } | undefined;
  /** The built server entry, required again when a build replaces it (like the template). */
  const readRenderer = (): WebsiteRenderer => {
    const file = path.join(root, 'server.cjs');
    const { mtimeMs } = fs.statSync(file);
    if (!rendererModule || rendererModule.mtimeMs !== mtimeMs) {
      delete require.cache[require.resolve(file)];
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a build output loaded at run time by path, never a compile-time import of website source
      rendererModule = { module: require(file) as WebsiteRenderer, mtimeMs };
      invalidate(); // a new build renders differently
    }
    return rendererModule.module;
  };

  let islands: { assets: IslandAssets; mtimeMs: number } | undefined;
  const readIslands = (): IslandAssets => {
    const file = path.join(root, 'islands.json');
    const { mtimeMs } = fs.statSync(file);
    if (!islands || islands.mtimeMs !== mtimeMs) islands = { assets: JSON.parse(fs.readFileSync(file, 'utf8')) as IslandAssets, mtimeMs };
    return islands.assets;
  };

  const readTemplate = () => {
    const file = path.join(root, 'index.html');
    const { mtimeMs } = fs.statSync(file);
    if (!template || template.mtimeMs !== mtimeMs) template = { text: fs.readFileSync(file, 'utf8'), mtimeMs };
    return template.text;
  };

  /** A public API answer, fetched over loopback like any client (the website reads only the public API). */
  const publicApi = async <T>(pathAndQuery: string, notFound: T | null = null): Promise<T | null> => {
    const address = strapi.server.httpServer.address();
    if (!address || typeof address === 'string') return null;
    const host = ['0.0.0.0', '::', ''].includes(address.address) ? '127.0.0.1' : address.address;
    try {
      // The header tells the tracking limit that this read was counted already, by the visitor's address.
      const res = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}/api/${pathAndQuery}`, { headers: websiteHeaders(), signal: AbortSignal.timeout(5000) });
      // A 400 means the address asked for something no query can read (a NUL byte, a broken filter):
      // for a page, there is no such item.
      if (res.status === 404 || res.status === 400) return notFound;
      return res.ok ? ((await res.json()) as T) : null;
    } catch {
      return null;
    }
  };

  /**
   * The pages' loaders read the public API over loopback too, as any client would; a 404 answers
   * `{ data: null }` (no such item: the page says so), any other failure fails the render.
   */
  const pageApi = async <T>(apiPath: string, params: Record<string, string | number>): Promise<T> => {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const answer = await publicApi<T>(`${apiPath}${query ? `?${query}` : ''}`, { data: null } as T);
    if (answer === null) throw new Error(`GET /api/${apiPath} failed`);
    return answer;
  };

  /** What shared pages read: kept until content changes; a failed read is not kept. */
  const cachedApi: PageApi = <T>(apiPath: string, params: Record<string, string | number>): Promise<T> => {
    const key = `${apiPath}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = pageApi<T>(apiPath, params);
      answers.set(key, answer);
      answer.catch(() => answers.delete(key));
      // Bounded like the pages: queries are the visitor's to choose (/news?page=…).
      if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value!);
    }
    return answer as Promise<T>;
  };

  const loadMunicipality = async (): Promise<PublicMunicipality | null> => {
    if (municipality && Date.now() - municipality.at < MUNICIPALITY_TTL_MS) return municipality.data;
    const answer = await publicApi<{ data: PublicMunicipality | null }>('municipality?populate=logo');
    if (!answer) return null;
    municipality = { data: answer.data, at: Date.now() };
    return answer.data;
  };

  /** Every published news item and page (Thai and English answer the same slugs) and open dataset, for the sitemap. */
  const loadSitemap = async (): Promise<SitemapEntry[]> => {
    const entries: SitemapEntry[] = [];
    for (const [type, prefix] of [
      ['news', '/news/'],
      ['pages', '/pages/'],
    ] as const) {
      for (let page = 1; page <= 50; page++) {
        const answer = await publicApi<{ data: Array<{ slug: string; updatedAt?: string }>; meta?: { pagination?: { pageCount?: number } } }>(
          `${type}?locale=th&fields[0]=slug&fields[1]=updatedAt&sort=id:asc&pagination[pageSize]=100&pagination[page]=${page}`
        );
        if (!answer) break;
        for (const item of answer.data) entries.push({ path: prefix + encodeURIComponent(item.slug), lastModified: item.updatedAt });
        if (page >= (answer.meta?.pagination?.pageCount ?? 1)) break;
      }
    }
    // Open e-services (the API lists only open, published forms).
    const forms = await publicApi<{ data: Array<{ slug: string; updatedAt?: string }> }>('e-forms');
    for (const f of forms?.data ?? []) entries.push({ path: `/e-service/${encodeURIComponent(f.slug)}`, lastModified: f.updatedAt });
    // Open datasets, from the catalogue anyone can search (CKAN's package_search): restricted ones
    // and drafts are not in it, so they never reach the sitemap.
    for (let start = 0, page = 0; page < 50; page++, start += SITEMAP_DATASETS) {
      const answer = await publicApi<{ result?: { count?: number; results?: Array<{ name?: unknown; metadata_modified?: unknown }> } }>(
        `3/action/package_search?rows=${SITEMAP_DATASETS}&start=${start}`
      );
      const results = answer?.result?.results ?? [];
      for (const d of results) {
        if (typeof d.name !== 'string' || !d.name) continue;
        const modified = typeof d.metadata_modified === 'string' ? d.metadata_modified : undefined;
        entries.push({ path: `/data/${encodeURIComponent(d.name)}`, lastModified: modified && !/(Z|[+-]\d\d:?\d\d)$/.test(modified) ? `${modified}Z` : modified });
      }
      if (!results.length || start + results.length >= (answer?.result?.count ?? 0)) break;
    }
    return entries;
  };

  const sendFile = (ctx: Context, rel: string, immutable: boolean) => {
    const file = path.join(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return false;
    const accept = ctx.get('Accept-Encoding');
    let chosen = file;
    for (const [enc, ext] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (new RegExp(`\\b${enc}\\b`).test(accept) && fs.existsSync(file + ext)) {
        chosen = file + ext;
        ctx.set('Content-Encoding', enc);
        break;
      }
    }
    ctx.vary('Accept-Encoding');
    ctx.type = TYPES[path.extname(file)] || 'application/octet-stream';
    ctx.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    ctx.length = fs.statSync(chosen).size;
    ctx.body = ctx.method === 'HEAD' ? null : fs.createReadStream(chosen);
    return true;
  };

  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      await next();
      return;
    }
    if (ctx.path === '/robots.txt') {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.body = robotsTxt(publicUrl(strapi));
      return;
    }
    if (ctx.path === '/sitemap.xml') {
      // Built at most every ten minutes, one build at a time: a crawler burst costs one walk of the API.
      if (!sitemap || Date.now() - sitemap.at > SITEMAP_TTL_MS) {
        building ??= loadSitemap()
          .then((entries) => (sitemap = { body: sitemapXml(publicUrl(strapi), entries), at: Date.now() }))
          .finally(() => (building = undefined));
        await building;
      }
      ctx.type = 'application/xml; charset=utf-8';
      ctx.set('Cache-Control', 'public, max-age=600');
      ctx.body = sitemap?.body ?? '';
      return;
    }
    // English pages live under /en; the page itself is the same route.
    const english = /^\/en(\/|$)/.test(ctx.path);
    const p = english ? ctx.path.slice(3) || '/' : ctx.path;
    if (p.startsWith('/assets/') && !p.includes('..')) {
      if (!sendFile(ctx, p.slice(1), true)) await next();
      return;
    }
    if (/^\/[\w.-]+\.(svg|png|ico|webmanifest|txt)$/.test(p) && sendFile(ctx, p.slice(1), false)) return;
    // The e-services' address before they opened ("coming soon"), kept for old links and bookmarks.
    if (/^\/eservice\/?$/.test(p)) {
      ctx.status = 301;
      ctx.redirect(`${english ? '/en' : ''}/e-service${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      return;
    }
    const known = SITE_ROUTES.some((r) => r.test(p));
    if (!known) {
      await next();
      // Nothing answered (Strapi would send its JSON 404): a person's browser gets the site's not-found page.
      if (!(ctx.status === 404 && ctx.body == null && wantsPage(ctx) && !isStrapiPath(ctx.path) && !isStrapiPath(p))) return;
    }
    // Links from before the language moved into the path (?lang=en) keep working, once, for good.
    if (known && !english && ctx.query.lang === 'en') {
      const query = new URLSearchParams(ctx.querystring);
      query.delete('lang');
      const rest = query.toString();
      ctx.status = 301;
      ctx.redirect(`/en${p === '/' ? '/' : p}${rest ? `?${rest}` : ''}`);
      return;
    }

    const lang = english ? 'en' : 'th';
    const thaiPath = p.length > 1 ? p.replace(/\/+$/, '') : '/';
    // A tracking result is a lookup like the API's: counted against the visitor's own address
    // (the page's loopback read of the API is then not counted again, see publicApi).
    if (thaiPath === '/track' && new URLSearchParams(ctx.querystring).get('code')?.trim()) {
      const counted = await countTrackingRead(strapi, ctx.request.ip);
      if (counted.limited) {
        ctx.status = 429;
        ctx.set('Retry-After', String(counted.retryAfter));
        ctx.set('Cache-Control', 'no-store');
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = await noticePage(thaiPath, english, fieldMessage('rate_limited', lang, { seconds: counted.retryAfter }));
        return;
      }
    }
    const key = `${lang}|${thaiPath}?${ctx.querystring}`;
    let page = known ? pages.get(key) : undefined;
    const stale = page && page.generation !== generation ? page : undefined;
    if (page && !stale) {
      // Most recently used last: the oldest is the first to go when the cache is full.
      pages.delete(key);
      pages.set(key, page);
      ctx.set('X-Cache', 'HIT');
    } else if (stale && rendering.has(key)) {
      // Being rendered again after a change: the copy from before it, meanwhile.
      page = stale;
      ctx.set('X-Cache', 'STALE');
    } else {
      // A burst of visitors to a page not yet kept waits for one render, not one each.
      let pending = rendering.get(key);
      if (!pending) {
        pending = buildPage(thaiPath, ctx.querystring, english).finally(() => rendering.delete(key));
        rendering.set(key, pending);
      }
      const built = await pending;
      if (!built) {
        ctx.status = 503;
        ctx.type = 'text/plain; charset=utf-8';
        ctx.body = 'The website is not built yet: run `npm run build`.';
        return;
      }
      // Any address can be typed: the not-found page of an unknown one is rendered each time, never kept.
      const keep = known && built.shared;
      if (stale && !built.shared && built.status >= 500) {
        // The API did not answer in time (an overload): the last good copy beats an apology.
        page = stale;
        ctx.set('X-Cache', 'STALE');
      } else {
        page = built;
        // Kept even when content changed again while it rendered: it is then stale at once, but newer
        // than what was kept, and served while the next render runs.
        if (keep && cacheSize > 0 && (pages.get(key)?.generation ?? -1) <= built.generation) {
          pages.delete(key);
          pages.set(key, built);
          if (pages.size > cacheSize) pages.delete(pages.keys().next().value!);
        }
        // Said, so an operator (and a test) can see what is kept: per-request pages never are.
        ctx.set('X-Cache', keep ? 'MISS' : 'BYPASS');
      }
    }
    // No item has this slug: one that had it before answers it for good (a renamed title).
    const item = page.status === 404 ? /^\/(news|pages)\/([^/]+)$/.exec(thaiPath) : null;
    if (item) {
      const to = await movedTo(item[1], item[2]);
      if (to) {
        ctx.status = 301;
        ctx.redirect(`${english ? '/en' : ''}/${item[1]}/${encodeURIComponent(to)}${ctx.querystring ? `?${ctx.querystring}` : ''}`);
        return;
      }
    }
    ctx.status = page.status;
    ctx.type = 'text/html; charset=utf-8';
    // Browsers ask again each time (the content can change) and get 304 while it has not.
    ctx.set('Cache-Control', 'no-cache');
    if (page.etag) ctx.set('ETag', page.etag);
    ctx.vary('Accept-Encoding');
    if (page.status === 200 && page.etag && ctx.fresh) {
      ctx.status = 304;
      return;
    }
    const accept = ctx.get('Accept-Encoding');
    const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    if (encoding && pages.get(key) === page) {
      // A kept page is compressed once, at the best ratio; others by the compression middleware.
      const body = await (page.compressed[encoding] ??= compress(page.html, encoding));
      ctx.set('Content-Encoding', encoding);
      ctx.body = body;
    } else ctx.body = page.html;
  };

  /** The current slug of the item that answered `/<section>/<encoded slug>` before, or null. */
  function movedTo(section: string, encoded: string): Promise<string | null> {
    const key = `${section}/${encoded}`;
    let answer = moved.get(key);
    if (!answer) {
      let slug: string;
      try {
        slug = decodeURIComponent(encoded);
      } catch {
        return Promise.resolve(null);
      }
      const lookup = currentSlugOf(strapi, RENAMED[section], slug);
      lookup.catch(() => moved.delete(key)); // a failed read is not kept
      answer = lookup.catch(() => null);
      moved.set(key, answer);
      if (moved.size > MAX_ANSWERS) moved.delete(moved.keys().next().value!);
    }
    return answer;
  }

  /** A browser's navigation: GET or HEAD, asking for HTML before JSON (curl's and API clients' `*\/*` asks for neither). */
  function wantsPage(ctx: Context): boolean {
    return (ctx.method === 'GET' || ctx.method === 'HEAD') && /\btext\/html\b/.test(ctx.get('Accept')) && ctx.accepts('json', 'html') === 'html';
  }

  /** Strapi's prefixes and each plugin's admin routes (`/content-manager`, `/complaint-workflow`…). */
  function isStrapiPath(pathname: string): boolean {
    const first = /^\/([^/]+)/.exec(pathname)?.[1];
    return STRAPI_PATHS.test(pathname) || (first !== undefined && Object.prototype.hasOwnProperty.call(strapi.plugins, first));
  }

  /** A page that only says something (too many lookups), in the site's frame; plain HTML before a build. */
  async function noticePage(thaiPath: string, english: boolean, text: string): Promise<string> {
    const m = await loadMunicipality();
    const siteName = (english && typeof m?.nameEn === 'string' && m.nameEn) || (typeof m?.nameTh === 'string' && m.nameTh) || 'เทศบาลดิจิทัล';
    const main = `<h1>${escapeHtml(siteName)}</h1><p role="alert">${escapeHtml(text)}</p>`;
    let shell: string;
    try {
      shell = readTemplate();
    } catch {
      return `<!doctype html><html lang="${english ? 'en' : 'th'}"><meta charset="utf-8"><title>${escapeHtml(siteName)}</title>${main}</html>`;
    }
    return shell
      .replace('<!--head-->', () => `${headLinks(publicUrl(strapi), thaiPath, english, { title: siteName, description: '' })}\n<meta name="robots" content="noindex">`)
      .replace('{{title}}', () => escapeHtml(siteName))
      .replace('<html lang="th">', () => `<html lang="${english ? 'en' : 'th'}">`)
      .replace('<!--main-->', () => main);
  }

  /** The whole HTML of a page, or null when the website is not built. */
  async function buildPage(thaiPath: string, query: string, english: boolean): Promise<Page | null> {
    const started = generation;
    let shell: string;
    let renderer: WebsiteRenderer;
    let islandAssets: IslandAssets;
    try {
      shell = readTemplate();
      renderer = readRenderer();
      islandAssets = readIslands();
    } catch {
      return null;
    }
    const m = await loadMunicipality();
    const name = typeof m?.nameTh === 'string' ? m.nameTh : '';
    const siteName = (english && typeof m?.nameEn === 'string' && m.nameEn) || name || 'เทศบาลดิจิทัล';
    const address = typeof (english ? m?.addressEn : m?.addressTh) === 'string' ? String(english ? m?.addressEn : m?.addressTh) : '';
    const base = publicUrl(strapi);
    let rendered: Rendered;
    try {
      rendered = await renderer.renderPage({ path: thaiPath, query, lang: english ? 'en' : 'th', api: cachedApi, freshApi: pageApi, municipality: m, publicUrl: base });
    } catch (err) {
      // The API did not answer (a restart, an overload): say so, and keep nothing.
      strapi.log.warn(`website: ${thaiPath} could not be rendered: ${err instanceof Error ? err.message : String(err)}`);
      const head = headLinks(base, thaiPath, english, { title: siteName, description: '' });
      return {
        status: 503,
        shared: false,
        generation: started,
        etag: '',
        compressed: {},
        html: shell
          .replace('<!--head-->', () => head)
          .replace('{{title}}', () => escapeHtml(siteName))
          .replace('<html lang="th">', () => `<html lang="${english ? 'en' : 'th'}">`)
          .replace('<!--main-->', () => `<h1>${escapeHtml(siteName)}</h1><p role="alert">${english ? UNAVAILABLE.en : UNAVAILABLE.th}</p>`),
      };
    }
    const jsonLd = thaiPath === '/' && rendered.status === 200 ? organizationJsonLd(base, m, english) : null;
    const head = [
      headLinks(base, thaiPath, english, {
        title: rendered.title || siteName,
        description: rendered.meta.description ?? (address ? `${siteName} · ${address}` : siteName),
        image: rendered.meta.image,
        type: rendered.meta.type,
      }),
      jsonLd ? `<script type="application/ld+json">${safeJson(jsonLd)}</script>` : '',
      rendered.status === 200 ? '' : '<meta name="robots" content="noindex">',
    ].join('\n');
    // Islands, and what the pages that have one read: the page's data and the site's record.
    const scripts = rendered.islands.flatMap((island) => {
      const asset = islandAssets[island];
      if (!asset) return [];
      return [...asset.imports.map((src) => `<link rel="modulepreload" href="${escapeHtml(src)}">`), `<script type="module" src="${escapeHtml(asset.js)}"></script>`];
    });
    const data = scripts.length
      ? `<script id="initial-data" type="application/json">${safeJson({ municipality: m, map })}</script>\n<script id="page-data" type="application/json">${safeJson(rendered.data)}</script>\n`
      : '';
    // Replacement functions, so a `$` in the content is never read as a replacement pattern.
    const html = shell
      .replace('<!--head-->', () => head)
      .replace('<html lang="th">', () => `<html lang="${english ? 'en' : 'th'}">`)
      .replace('{{title}}', () => escapeHtml(rendered.title || siteName))
      .replace('<!--header-->', () => rendered.header)
      .replace('<!--main-->', () => rendered.html)
      .replace('<!--footer-->', () => rendered.footer)
      .replace('<!--scripts-->', () => data + scripts.join('\n'));
    return {
      status: rendered.status,
      shared: rendered.shared,
      generation: started,
      html,
      etag: `"${crypto.createHash('sha1').update(html).digest('base64url')}"`,
      compressed: {},
    };
  }
};
