import type { Core } from '@strapi/strapi';

/** Where each content type with a page of its own is shown on the website. */
const PAGE_BASE: Record<string, string> = {
  'api::news.news-item': '/news/',
  'api::page.page': '/pages/',
};

/**
 * The website page of a published news item or page, for the Content Manager's preview: the
 * officer sees it as citizens do. Null (no preview) for drafts, which the website never shows, and
 * for every other type.
 */
export async function websitePreviewPath(
  strapi: Core.Strapi,
  uid: string,
  { documentId, locale, status }: { documentId?: string; locale?: string | null; status?: string | null }
): Promise<string | null> {
  const base = PAGE_BASE[uid];
  if (!base || !documentId || status !== 'published') return null;
  const doc = (await strapi.documents(uid as 'api::news.news-item').findOne({ documentId, locale: locale ?? undefined, status: 'published', fields: ['slug'] })) as {
    slug?: string;
  } | null;
  if (!doc?.slug) return null;
  return `${locale === 'en' ? '/en' : ''}${base}${encodeURIComponent(doc.slug)}`;
}
