/**
 * The website's robots.txt and sitemap.xml, generated from the published content: every page of the
 * site in Thai (at the root) and English (under /en), each naming the other as its alternate.
 * Plain TypeScript: the website middleware hands it the entries.
 */
export interface SitemapEntry {
  /** The Thai path, e.g. `/news/loy-krathong-2569`. */
  path: string;
  lastModified?: string;
}

/** The site's own pages, beside the news items and pages from the content. */
export const FIXED_PATHS = ['/', '/news', '/complaint', '/track', '/tax', '/poles', '/line', '/contact', '/developers'];

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const english = (path: string) => (path === '/' ? '/en/' : `/en${path}`);

export function sitemapXml(base: string, entries: SitemapEntry[]): string {
  const all: SitemapEntry[] = [...FIXED_PATHS.map((path) => ({ path })), ...entries];
  const url = (loc: string, e: SitemapEntry) =>
    [
      '<url>',
      `<loc>${xml(base + loc)}</loc>`,
      e.lastModified ? `<lastmod>${xml(new Date(e.lastModified).toISOString())}</lastmod>` : '',
      `<xhtml:link rel="alternate" hreflang="th" href="${xml(base + e.path)}"/>`,
      `<xhtml:link rel="alternate" hreflang="en" href="${xml(base + english(e.path))}"/>`,
      `<xhtml:link rel="alternate" hreflang="x-default" href="${xml(base + e.path)}"/>`,
      '</url>',
    ].join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...all.flatMap((e) => [url(e.path, e), url(english(e.path), e)]),
    '</urlset>',
    '',
  ].join('\n');
}

export const robotsTxt = (base: string) => ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api/', '', `Sitemap: ${base}/sitemap.xml`, ''].join('\n');
