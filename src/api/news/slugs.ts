import type { Core } from '@strapi/strapi';
import { isPlaceholderSlug, isSlugOfTitle, slugify, uniqueSlug, withPreviousSlug } from './domain/slug';

/**
 * Slugs of news items and pages, made on the server from the title (Thai kept: see domain/slug.ts),
 * whoever writes (the Content Manager, the seed, a script), and the slugs a document answered
 * before, so an old link still finds it after a rename.
 */
type SlugType = 'api::news.news-item' | 'api::page.page';

/** Each type's word for a title without letters, and the placeholder Strapi's admin fills in before a title is typed. */
const TYPES: Record<SlugType, { fallback: string; placeholder: string }> = {
  'api::news.news-item': { fallback: 'news', placeholder: 'news-item' },
  'api::page.page': { fallback: 'page', placeholder: 'page' },
};

const isSlugType = (uid: string): uid is SlugType => uid in TYPES;

interface Stored {
  documentId: string;
  title?: string | null;
  slug?: string | null;
  previousSlugs?: unknown;
}

/** Rows as the database holds them: every locale and both the draft and the published version. */
const rows = (strapi: Core.Strapi, uid: SlugType) => strapi.db.query(uid);

/**
 * The title's slug, made unique among the type's other documents (`-2`, `-3`, …), in every locale:
 * the slug is shared by a document's languages (it is not localized), and `/en/news/x` must name
 * one item as surely as `/news/x`.
 */
export async function uniqueSlugForTitle(strapi: Core.Strapi, uid: SlugType, title: string, documentId?: string): Promise<string> {
  const base = slugify(title, TYPES[uid]);
  const others = (await rows(strapi, uid).findMany({
    select: ['slug'],
    where: { slug: { $startsWith: base }, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
  })) as Array<{ slug: string | null }>;
  return uniqueSlug(base, new Set(others.map((r) => r.slug ?? '')));
}

type Data = Record<string, unknown>;

/**
 * Fills `data.slug` (and `data.previousSlugs`) before Strapi writes a news item or page.
 * - Created with no slug, Strapi's placeholder or only digits: the slug of the title.
 * - Renamed while the slug is still the old title's (or a placeholder): the new title's slug.
 * - A slug staff typed themselves is theirs and stays.
 * The slug it leaves is kept in `previousSlugs`, which the website answers with a 301.
 */
async function fillSlug(strapi: Core.Strapi, uid: SlugType, action: 'create' | 'update', params: { documentId?: string; locale?: string; data?: Data }) {
  const data = params.data;
  if (!data || typeof data !== 'object') return;
  const { placeholder } = TYPES[uid];
  const asked = typeof data.slug === 'string' ? data.slug.trim() : undefined;

  let stored: Stored | null = null;
  if (action === 'update' && params.documentId) {
    const versions = (await rows(strapi, uid).findMany({
      select: ['documentId', 'title', 'slug', 'previousSlugs', 'locale', 'publishedAt'],
      where: { documentId: params.documentId },
    })) as Array<Stored & { locale?: string; publishedAt?: string | null }>;
    // The draft of the language being written; a new language of the document starts from another's slug.
    const inLocale = versions.filter((v) => !params.locale || v.locale === params.locale);
    stored = inLocale.find((v) => !v.publishedAt) ?? inLocale[0] ?? null;
    // The slug is not localized: a new language of a document takes the slug its other languages answer.
    if (!stored && versions[0]?.slug && isPlaceholderSlug(asked, placeholder) && !isPlaceholderSlug(versions[0].slug, placeholder)) {
      data.slug = versions[0].slug;
      return;
    }
  }
  const title = typeof data.title === 'string' ? data.title : (stored?.title ?? '');
  const current = asked ?? stored?.slug ?? '';

  let slug = current;
  if (title.trim() !== '' || isPlaceholderSlug(current, placeholder)) {
    const nobodysChoice = isPlaceholderSlug(current, placeholder);
    const renamed = stored?.title != null && typeof data.title === 'string' && data.title !== stored.title;
    const followsOldTitle = renamed && current === stored?.slug && isSlugOfTitle(current, stored.title ?? '', TYPES[uid]);
    if (nobodysChoice || followsOldTitle) slug = await uniqueSlugForTitle(strapi, uid, title, params.documentId);
  }
  if (slug !== current) data.slug = slug;

  const leaving = stored?.slug && !isPlaceholderSlug(stored.slug, placeholder) ? stored.slug : null;
  if (leaving && leaving !== slug) {
    data.previousSlugs = withPreviousSlug(Array.isArray(data.previousSlugs) ? data.previousSlugs : stored?.previousSlugs, leaving, slug);
  } else if (Array.isArray(data.previousSlugs) && data.previousSlugs.includes(slug)) {
    data.previousSlugs = withPreviousSlug(data.previousSlugs, null, slug);
  }
}

/**
 * Registers the slug rules: a document service middleware for every write, and the Content
 * Manager's "regenerate" button (`POST /content-manager/uid/generate`), which otherwise runs
 * Strapi's slugify: it drops Thai, so a Thai title gave `3` or the placeholder `news-item`.
 */
export function registerSlugs(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (isSlugType(ctx.uid) && (ctx.action === 'create' || ctx.action === 'update')) {
      await fillSlug(strapi, ctx.uid, ctx.action, ctx.params);
    }
    return next();
  });
}

interface UidService {
  generateUIDField(args: { contentTypeUID: string; field: string; data: Data; locale?: string }): Promise<string>;
}

/** The Content Manager's slug suggestion, for our types: the same slug the server would give. Called at bootstrap (the plugin's services exist then). */
export function extendUidGenerator(strapi: Core.Strapi): void {
  // Strapi's own way to wrap a plugin's service (its registry's `extend`); the registry is untyped.
  const services = strapi.get<{ extend(uid: string, wrap: (service: UidService) => UidService): unknown }>('services');
  services.extend('plugin::content-manager.uid', (service) => ({
    ...service,
    generateUIDField(args: Parameters<UidService['generateUIDField']>[0]) {
      const { contentTypeUID, field, data } = args;
      const title = typeof data?.title === 'string' ? data.title : '';
      if (isSlugType(contentTypeUID) && field === 'slug' && title.trim() !== '') {
        const documentId = typeof data.id === 'string' && data.id !== '' ? data.id : undefined;
        return uniqueSlugForTitle(strapi, contentTypeUID, title, documentId);
      }
      // No title yet: Strapi's placeholder, which the first save replaces with the title's slug.
      return service.generateUIDField.call(service, args);
    },
  }));
}

/**
 * The slug a published document answers now, found by one it answered before (`previousSlugs`);
 * null when none did. Read in code rather than by a JSON filter: a LIKE on a JSON column is text
 * in SQLite and an error in PostgreSQL, and only renamed documents are read.
 */
export async function currentSlugOf(strapi: Core.Strapi, uid: SlugType, oldSlug: string): Promise<string | null> {
  const renamed = (await rows(strapi, uid).findMany({
    select: ['slug', 'previousSlugs'],
    where: { publishedAt: { $notNull: true }, previousSlugs: { $notNull: true } },
    orderBy: { updatedAt: 'desc' },
  })) as Array<{ slug: string | null; previousSlugs: unknown }>;
  const hit = renamed.find((r) => r.slug && r.slug !== oldSlug && Array.isArray(r.previousSlugs) && r.previousSlugs.includes(oldSlug));
  return hit?.slug ?? null;
}
