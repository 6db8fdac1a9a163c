import type { Core } from '@strapi/strapi';
import { checklist, fiscalYearOf, type Checklist, type DatasetTarget, type ItemRow, type PageTarget, type SiteFacts } from '../domain/checklist';

const ITEM = 'api::transparency.transparency-item';
const PAGE = 'api::page.page';
const DATASET = 'api::dataset.dataset';
const NEWS = 'api::news.news-item';
const E_FORM = 'api::e-form.e-form';
const SURVEY = 'api::survey.survey';
const STATISTICS = 'api::statistics.statistics';

export interface TransparencyService {
  /** The checklist of a fiscal year (default: the current one), every item resolved. */
  checklist(fiscalYear?: number, now?: Date): Promise<Checklist>;
  /** The fiscal years that have items, newest first. */
  years(): Promise<number[]>;
}

interface StoredItem extends Omit<ItemRow, 'page' | 'dataset' | 'file'> {
  page: { documentId: string } | null;
  dataset: { documentId: string } | null;
  file: { url: string; name: string; updatedAt: string | null } | null;
}
interface PageRow {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  showInMenu: boolean | null;
  publishedAt: string | null;
  updatedAt: string | null;
}
interface DatasetRow {
  documentId: string;
  slug: string;
  titleTh: string;
  titleEn: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  lastUpdatedDate: string | null;
}

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

/**
 * Reads the items and what they link to (the published version of a page or dataset, else the
 * draft, which makes the item missing), and hands them to the checklist rules.
 */
export default ({ strapi }: { strapi: Core.Strapi }): TransparencyService => {
  /** The pages of these documents, the published version first, in both languages. */
  async function pages(ids: string[]): Promise<Map<string, PageTarget>> {
    if (!ids.length) return new Map();
    const rows = (await strapi.db
      .query(PAGE)
      .findMany({ where: { documentId: { $in: ids } }, select: ['documentId', 'locale', 'slug', 'title', 'showInMenu', 'publishedAt', 'updatedAt'] })) as PageRow[];
    const out = new Map<string, PageTarget>();
    for (const id of ids) {
      const mine = rows.filter((r) => r.documentId === id);
      const pick = (locale: string) => mine.find((r) => r.locale === locale && r.publishedAt) ?? mine.find((r) => r.locale === locale);
      const thai = pick('th') ?? mine[0];
      if (!thai) continue;
      const english = pick('en');
      out.set(id, {
        slug: thai.slug,
        title: { th: thai.title, en: english?.title ?? thai.title },
        showInMenu: thai.showInMenu !== false,
        publishedAt: iso(thai.publishedAt),
        updatedAt: iso(thai.updatedAt),
      });
    }
    return out;
  }

  async function datasets(ids: string[]): Promise<Map<string, DatasetTarget>> {
    if (!ids.length) return new Map();
    const rows = (await strapi.db
      .query(DATASET)
      .findMany({ where: { documentId: { $in: ids } }, select: ['documentId', 'slug', 'titleTh', 'titleEn', 'publishedAt', 'updatedAt', 'lastUpdatedDate'] })) as DatasetRow[];
    const out = new Map<string, DatasetTarget>();
    for (const id of ids) {
      const mine = rows.filter((r) => r.documentId === id);
      const d = mine.find((r) => r.publishedAt) ?? mine[0];
      if (!d) continue;
      out.set(id, {
        slug: d.slug,
        title: { th: d.titleTh, en: d.titleEn || d.titleTh },
        publishedAt: iso(d.publishedAt),
        // The date the data itself last changed when staff give it, else the record's.
        updatedAt: d.lastUpdatedDate ? iso(`${String(d.lastUpdatedDate).slice(0, 10)}T00:00:00+07:00`) : iso(d.updatedAt),
      });
    }
    return out;
  }

  async function siteFacts(): Promise<SiteFacts> {
    const news = (await strapi.db.query(NEWS).findMany({ where: { publishedAt: { $notNull: true } }, select: ['category', 'publishedDate'] })) as Array<{ category: string; publishedDate: string | null }>;
    const latestNews: Record<string, string | undefined> = {};
    for (const n of news) {
      // Bangkok midnight of the day it was published, as the ISO instant the API documents.
      const at = n.publishedDate ? (iso(`${String(n.publishedDate).slice(0, 10)}T00:00:00+07:00`) ?? undefined) : undefined;
      if (at && (!latestNews[n.category] || latestNews[n.category]! < at)) latestNews[n.category] = at;
    }
    const eServiceOpen = (await strapi.db.query(E_FORM).count({ where: { publishedAt: { $notNull: true }, isOpen: true } })) > 0;
    const has = (uid: string) => Boolean((strapi.contentTypes as unknown as Record<string, unknown>)[uid]);
    const surveysPublished = has(SURVEY) ? (await strapi.db.query(SURVEY).count({ where: { publishedAt: { $notNull: true } } })) > 0 : false;
    let statistics = false;
    try {
      statistics = Boolean(strapi.service(STATISTICS));
    } catch {
      statistics = false;
    }
    return { latestNews, eServiceOpen, surveysPublished, statistics };
  }

  return {
    async checklist(fiscalYear, now = new Date()) {
      const year = fiscalYear ?? fiscalYearOf(now);
      const stored = (await strapi.db.query(ITEM).findMany({
        where: { fiscalYear: year },
        populate: { page: { select: ['documentId'] }, dataset: { select: ['documentId'] }, file: { select: ['url', 'name', 'updatedAt'] } },
      })) as StoredItem[];
      const [pageMap, datasetMap, site] = await Promise.all([
        pages([...new Set(stored.flatMap((i) => (i.page ? [i.page.documentId] : [])))]),
        datasets([...new Set(stored.flatMap((i) => (i.dataset ? [i.dataset.documentId] : [])))]),
        siteFacts(),
      ]);
      const rows: ItemRow[] = stored.map((i) => ({
        ...i,
        page: i.page ? (pageMap.get(i.page.documentId) ?? null) : null,
        dataset: i.dataset ? (datasetMap.get(i.dataset.documentId) ?? null) : null,
        file: i.file ? { url: i.file.url, name: i.file.name, updatedAt: iso(i.file.updatedAt) } : null,
        reviewedAt: i.reviewedAt ? String(i.reviewedAt).slice(0, 10) : null,
      }));
      return checklist(year, rows, site, now);
    },

    async years() {
      const rows = (await strapi.db.query(ITEM).findMany({ select: ['fiscalYear'] })) as Array<{ fiscalYear: number }>;
      return [...new Set(rows.map((r) => r.fiscalYear))].sort((a, b) => b - a);
    },
  };
};
