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
export const FIXED_PATHS = ['/', '/news', '/complaint', '/e-service', '/track', '/tax', '/poles', '/map', '/data', '/data/request', '/line', '/contact', '/developers', '/statistics', '/surveys', '/transparency', '/notices', '/account/sign-in', '/account/sign-up'];

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

/** What a search engine and a share preview read in every page's head: canonical, hreflang, Open Graph. */
/** What a page says about itself to search engines and link previews. */
export interface HeadMeta {
  title: string;
  description: string;
  /** Site-relative or absolute; a news item's cover. */
  image?: { url: string; width?: number; height?: number; alt?: string };
  type?: 'article';
}

export function headLinks(base: string, thaiPath: string, english: boolean, { title, description, image, type }: HeadMeta): string {
  const attr = (s: string) => xml(s);
  const th = base + thaiPath;
  const en = base + (thaiPath === '/' ? '/en/' : `/en${thaiPath}`);
  const self = english ? en : th;
  const imageUrl = image ? (/^https?:\/\//.test(image.url) ? image.url : base + image.url) : '';
  return [
    `<link rel="canonical" href="${attr(self)}">`,
    `<link rel="alternate" hreflang="th" href="${attr(th)}">`,
    `<link rel="alternate" hreflang="en" href="${attr(en)}">`,
    `<link rel="alternate" hreflang="x-default" href="${attr(th)}">`,
    description ? `<meta name="description" content="${attr(description)}">` : '',
    `<meta property="og:type" content="${type ?? 'website'}">`,
    `<meta property="og:url" content="${attr(self)}">`,
    `<meta property="og:title" content="${attr(title)}">`,
    description ? `<meta property="og:description" content="${attr(description)}">` : '',
    `<meta property="og:locale" content="${english ? 'en_GB' : 'th_TH'}">`,
    imageUrl ? `<meta property="og:image" content="${attr(imageUrl)}">` : '',
    image?.width ? `<meta property="og:image:width" content="${image.width}">` : '',
    image?.height ? `<meta property="og:image:height" content="${image.height}">` : '',
    image?.alt ? `<meta property="og:image:alt" content="${attr(image.alt)}">` : '',
    `<meta name="twitter:card" content="${imageUrl ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:title" content="${attr(title)}">`,
    description ? `<meta name="twitter:description" content="${attr(description)}">` : '',
    imageUrl ? `<meta name="twitter:image" content="${attr(imageUrl)}">` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The municipality as a schema.org GovernmentOrganization (JSON-LD), for the home page. */
export function organizationJsonLd(base: string, m: Record<string, unknown> | null, english: boolean): Record<string, unknown> | null {
  if (!m) return null;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const logo = (m.logo as { url?: unknown } | null | undefined)?.url;
  return Object.fromEntries(
    Object.entries({
      '@context': 'https://schema.org',
      '@type': 'GovernmentOrganization',
      name: text(english ? m.nameEn : m.nameTh) ?? text(m.nameTh),
      alternateName: text(english ? m.nameTh : m.nameEn),
      url: base + (english ? '/en/' : '/'),
      logo: typeof logo === 'string' ? (logo.startsWith('http') ? logo : base + logo) : undefined,
      telephone: text(m.phone),
      faxNumber: text(m.fax),
      email: text(m.email),
      address: text(english ? m.addressEn : m.addressTh) ?? text(m.addressTh),
      sameAs: text(m.facebookPageUrl) ? [text(m.facebookPageUrl)] : undefined,
    }).filter(([, v]) => v !== undefined)
  );
}
