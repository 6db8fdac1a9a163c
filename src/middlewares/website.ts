import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { MapTiles } from '../shared/map-tiles';
import { publicUrl } from '../public-url';
import { headLinks, organizationJsonLd, robotsTxt, sitemapXml, type SitemapEntry } from './sitemap';

/**
 * Serves the citizen website (built into build/website by website/build.js) from the same
 * process: hashed assets with their precompressed copies, and the HTML shell for the site's
 * routes. The shell carries the town's name (so it shows before any script runs), the
 * municipality record from the public API and the maps' tile source (GET /api/map), so the phone
 * saves the round trips.
 */
const SITE_ROUTES = [
  /^\/$/,
  /^\/news(\/[^/]+)?\/?$/,
  /^\/pages\/[^/]+\/?$/,
  /^\/(contact|developers|complaint|eservice|tax|poles|line|data|track)\/?$/,
  /^\/p\/[^/]+\/?$/,
];
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
const MUNICIPALITY_TTL_MS = 30_000;
const SITEMAP_TTL_MS = 10 * 60_000;

/**
 * The website's server entry (website/src/server.tsx), as website/build.js bundles it into
 * build/website/server.cjs. Declared here, not imported: server code may not import website source
 * at compile time (the module contract); the built file is loaded at run time by its path.
 */
interface WebsiteRenderer {
  renderPage(input: {
    path: string;
    query: string;
    lang: 'th' | 'en';
    api: <T>(path: string, params: Record<string, string | number>) => Promise<T>;
    municipality: unknown;
  }): Promise<{ status: number; html: string; header: string; footer: string; title: string; data: unknown } | null>;
}

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

  let renderer: { module: WebsiteRenderer; mtimeMs: number } | undefined;
  /** The built server entry, required again when a build replaces it (like the template). */
  const readRenderer = (): WebsiteRenderer => {
    const file = path.join(root, 'server.cjs');
    const { mtimeMs } = fs.statSync(file);
    if (!renderer || renderer.mtimeMs !== mtimeMs) {
      delete require.cache[require.resolve(file)];
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a build output loaded at run time by path, never a compile-time import of website source
      renderer = { module: require(file) as WebsiteRenderer, mtimeMs };
    }
    return renderer.module;
  };

  const readTemplate = () => {
    const file = path.join(root, 'index.html');
    const { mtimeMs } = fs.statSync(file);
    if (!template || template.mtimeMs !== mtimeMs) template = { text: fs.readFileSync(file, 'utf8'), mtimeMs };
    return template.text;
  };

  /** A public API answer, fetched over loopback like any client (the website reads only the public API). */
  const publicApi = async <T>(pathAndQuery: string): Promise<T | null> => {
    const address = strapi.server.httpServer.address();
    if (!address || typeof address === 'string') return null;
    const host = ['0.0.0.0', '::', ''].includes(address.address) ? '127.0.0.1' : address.address;
    try {
      const res = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}/api/${pathAndQuery}`, { signal: AbortSignal.timeout(2000) });
      return res.ok ? ((await res.json()) as T) : null;
    } catch {
      return null;
    }
  };

  /** The pages' loaders read the public API over loopback too; a failed read fails the render. */
  const pageApi = async <T>(apiPath: string, params: Record<string, string | number>): Promise<T> => {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const answer = await publicApi<T>(`${apiPath}${query ? `?${query}` : ''}`);
    if (answer === null) throw new Error(`GET /api/${apiPath} failed`);
    return answer;
  };

  const loadMunicipality = async (): Promise<PublicMunicipality | null> => {
    if (municipality && Date.now() - municipality.at < MUNICIPALITY_TTL_MS) return municipality.data;
    const answer = await publicApi<{ data: PublicMunicipality | null }>('municipality?populate=logo');
    if (!answer) return null;
    municipality = { data: answer.data, at: Date.now() };
    return answer.data;
  };

  /** Every published news item and page (Thai and English answer the same slugs), for the sitemap. */
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
    if (!SITE_ROUTES.some((r) => r.test(p))) {
      await next();
      return;
    }
    // Links from before the language moved into the path (?lang=en) keep working, once, for good.
    if (!english && ctx.query.lang === 'en') {
      const query = new URLSearchParams(ctx.querystring);
      query.delete('lang');
      const rest = query.toString();
      ctx.status = 301;
      ctx.redirect(`/en${p === '/' ? '/' : p}${rest ? `?${rest}` : ''}`);
      return;
    }

    let html: string;
    try {
      html = readTemplate();
    } catch {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'The website is not built yet: run `npm run build`.';
      return;
    }
    const m = await loadMunicipality();
    const name = typeof m?.nameTh === 'string' ? m.nameTh : '';
    const siteName = (english && typeof m?.nameEn === 'string' && m.nameEn) || name || 'เทศบาลดิจิทัล';
    const address = typeof (english ? m?.addressEn : m?.addressTh) === 'string' ? String(english ? m?.addressEn : m?.addressTh) : '';
    const base = publicUrl(strapi);
    const thaiPath = p.length > 1 ? p.replace(/\/+$/, '') : '/';
    const jsonLd = thaiPath === '/' ? organizationJsonLd(base, m, english) : null;
    const head = [
      headLinks(base, thaiPath, english, siteName, address ? `${siteName} · ${address}` : siteName),
      jsonLd ? `<script type="application/ld+json">${safeJson(jsonLd)}</script>` : '',
    ].join('\n');
    // Content pages arrive rendered (the same components the browser then hydrates); pages with
    // behaviour, or any page whose render fails, get the shell and are rendered by the script.
    let page: Awaited<ReturnType<WebsiteRenderer['renderPage']>> = null;
    try {
      page = await readRenderer().renderPage({ path: thaiPath, query: ctx.querystring, lang: english ? 'en' : 'th', api: pageApi, municipality: m });
    } catch (err) {
      strapi.log.warn(`website: ${p} falls back to rendering in the browser: ${err instanceof Error ? err.message : String(err)}`);
    }
    // Replacement functions, so a `$` in the content is never read as a replacement pattern.
    html = html
      .replace('<!--head-->', () => head)
      .replace('<html lang="th">', () => `<html lang="${english ? 'en' : 'th'}">`)
      .replace('{{title}}', () => escapeHtml(page?.title || siteName))
      .replace('<!--municipality-name-->', () => escapeHtml(english ? siteName : name))
      .replace(
        '<!--initial-data-->',
        () =>
          `<script id="initial-data" type="application/json">${safeJson({ municipality: m, map })}</script>` +
          (page ? `\n<script id="page-data" type="application/json">${safeJson(page.data)}</script>` : '')
      );
    if (page) {
      const { header, footer, html: main } = page;
      html = html
        .replace(/<!--header-->[\s\S]*<!--\/header-->/, () => header)
        .replace('<!--main-->', () => main)
        .replace('<!--footer-->', () => footer);
      ctx.status = page.status;
    }
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = html;
  };
};
