import th from '../messages/th.json';
import en from '../messages/en.json';

/**
 * The ITA/OIT open-information checklist as rules (no Strapi): where each item's answer is on the
 * website (`href`), whether the assessor will find it (`status`) and how to get there from the home
 * page (`steps`, Thai and English). The service reads the rows; this module decides.
 */

export const INDICATORS = ['i9', 'i10'] as const;
export type Indicator = (typeof INDICATORS)[number];

/** The assessment's groups, in the order the OIT form lists them, each under its indicator. */
export const GROUPS = [
  { key: 'basic_information', indicator: 'i9' },
  { key: 'administration', indicator: 'i9' },
  { key: 'budget', indicator: 'i9' },
  { key: 'personnel', indicator: 'i9' },
  { key: 'transparency_service', indicator: 'i9' },
  { key: 'open_participation', indicator: 'i9' },
  { key: 'corruption_prevention', indicator: 'i10' },
  { key: 'internal_measures', indicator: 'i10' },
] as const;
export type Group = (typeof GROUPS)[number]['key'];

export const LINK_KINDS = ['page', 'news_category', 'dataset', 'statistic', 'e_service', 'survey', 'file', 'url'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The schema's statistic values and the statistics API's area keys (part C). */
export const STATISTIC_AREAS = {
  complaints: 'complaints',
  e_service: 'e-service',
  satisfaction: 'satisfaction',
  datasets: 'datasets',
  tax: 'tax',
  complaints_assessment: 'complaints-assessment',
} as const;
export type Statistic = keyof typeof STATISTIC_AREAS;

export type Status = 'ok' | 'missing' | 'stale';
/** Why an item is not ok (or `null`): staff read it on the ITA page. */
export type Reason = 'no_target' | 'not_published' | 'nothing_published' | 'not_updated_in_year' | 'review_overdue' | null;

/** A review older than this makes an item stale, whatever it links to. */
export const REVIEW_MAX_DAYS = 365;
const DAY = 86_400_000;

export interface Label {
  th: string;
  en: string;
}

/** A linked page, as the service read it: `publishedAt` null when only a draft exists. */
export interface PageTarget {
  slug: string;
  title: Label;
  showInMenu: boolean;
  publishedAt: string | null;
  updatedAt: string | null;
}
export interface DatasetTarget {
  slug: string;
  title: Label;
  publishedAt: string | null;
  /** The dataset's own last-updated date, else its record's. */
  updatedAt: string | null;
}
export interface FileTarget {
  url: string;
  name: string;
  updatedAt: string | null;
}

/** One stored item with what it links to already looked up. */
export interface ItemRow {
  /** The record's document id (staff's edit link; never public). */
  documentId: string;
  code: string;
  fiscalYear: number;
  indicator: Indicator;
  group: Group;
  order: number | null;
  titleTh: string;
  titleEn: string | null;
  requirementTh: string | null;
  requirementEn: string | null;
  linkKind: LinkKind;
  page: PageTarget | null;
  newsCategory: string | null;
  dataset: DatasetTarget | null;
  statistic: Statistic | null;
  file: FileTarget | null;
  url: string | null;
  reviewedAt: string | null;
}

/** What the site has that items may point at, beyond their own relations. */
export interface SiteFacts {
  /** The newest published news item's date of each category (absent: none published). */
  latestNews: Record<string, string | undefined>;
  /** Whether any e-service form is published and open. */
  eServiceOpen: boolean;
  /** Whether any survey is published (false also when the site has no surveys). */
  surveysPublished: boolean;
  /** Whether the statistics pages exist (part C). */
  statistics: boolean;
}

export interface ResolvedItem {
  documentId: string;
  code: string;
  order: number;
  title: Label;
  requirement: Label;
  href: string | null;
  steps: { th: string[]; en: string[] };
  status: Status;
  reason: Reason;
  /** When the linked content last changed, when known. */
  updatedAt: string | null;
  reviewedAt: string | null;
}

type Catalogue = Record<string, string>;
const CATALOGUES: Record<'th' | 'en', Catalogue> = { th, en };
const msg = (lang: 'th' | 'en', key: string, label?: string) => (CATALOGUES[lang][key] ?? key).replace('{label}', label ?? '');
const both = (key: string, label?: Label): Label => ({ th: msg('th', key, label?.th), en: msg('en', key, label?.en) });
const named = (key: string): Label => ({ th: msg('th', key), en: msg('en', key) });

export const groupTitle = (group: Group): Label => named(`group.${group}`);
export const indicatorTitle = (indicator: Indicator): Label => named(`indicator.${indicator}`);

/**
 * The Buddhist-era fiscal year (ปีงบประมาณ) of an instant: 1 October to 30 September in Bangkok,
 * named by the year it ends in (2026-10-01 starts FY 2570).
 */
export function fiscalYearOf(at: Date): number {
  const bangkok = new Date(at.getTime() + 7 * 3600_000);
  const year = bangkok.getUTCFullYear() + 543;
  return bangkok.getUTCMonth() >= 9 ? year + 1 : year;
}

/** The first instant of a fiscal year: 1 October of the year before, midnight in Bangkok. */
export const fiscalYearStart = (fiscalYear: number): Date => new Date(Date.UTC(fiscalYear - 543 - 1, 9, 1) - 7 * 3600_000);

/** An in-site path (`/contact`) or an http(s) address; anything else is no link at all. */
export function safeHref(url: string | null | undefined): string | null {
  const value = (url ?? '').trim();
  if (!value) return null;
  if (/^\/(?!\/)/.test(value)) return value;
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

const isPublished = (t: { publishedAt: string | null } | null): boolean => Boolean(t?.publishedAt);
const title = (row: ItemRow): Label => ({ th: row.titleTh, en: row.titleEn || row.titleTh });

/** The link, the target's last change, and whether the target is there, by the item's kind. */
function target(row: ItemRow, site: SiteFacts): { href: string | null; present: boolean; updatedAt: string | null } {
  switch (row.linkKind) {
    case 'page':
      return row.page ? { href: `/pages/${encodeURIComponent(row.page.slug)}`, present: isPublished(row.page), updatedAt: row.page.updatedAt } : none;
    case 'news_category': {
      if (!row.newsCategory) return none;
      const latest = site.latestNews[row.newsCategory];
      return { href: `/news?category=${encodeURIComponent(row.newsCategory)}`, present: Boolean(latest), updatedAt: latest ?? null };
    }
    case 'dataset':
      return row.dataset ? { href: `/data/${encodeURIComponent(row.dataset.slug)}`, present: isPublished(row.dataset), updatedAt: row.dataset.updatedAt } : none;
    case 'statistic':
      // Live figures: always up to date when the statistics pages exist.
      return row.statistic ? { href: `/statistics#${STATISTIC_AREAS[row.statistic]}`, present: site.statistics, updatedAt: null } : none;
    case 'e_service':
      return { href: '/e-service', present: site.eServiceOpen, updatedAt: null };
    case 'survey':
      return { href: '/surveys', present: site.surveysPublished, updatedAt: null };
    case 'file':
      return row.file ? { href: row.file.url, present: true, updatedAt: row.file.updatedAt } : none;
    case 'url': {
      const href = safeHref(row.url);
      return href ? { href, present: true, updatedAt: null } : none;
    }
  }
}
const none = { href: null, present: false, updatedAt: null };

/**
 * ok, or missing (nothing linked, or the target is unpublished or absent), or stale (the target last
 * changed before the fiscal year being assessed began, or staff last checked the item more than a
 * year ago). Missing wins over stale.
 */
export function statusOf(row: ItemRow, site: SiteFacts, now: Date): { status: Status; reason: Reason; href: string | null; updatedAt: string | null } {
  const t = target(row, site);
  if (!t.href) return { status: 'missing', reason: 'no_target', href: null, updatedAt: null };
  if (!t.present) return { status: 'missing', reason: row.linkKind === 'page' || row.linkKind === 'dataset' ? 'not_published' : 'nothing_published', href: t.href, updatedAt: t.updatedAt };
  if (t.updatedAt && new Date(t.updatedAt).getTime() < fiscalYearStart(row.fiscalYear).getTime()) {
    return { status: 'stale', reason: 'not_updated_in_year', href: t.href, updatedAt: t.updatedAt };
  }
  if (row.reviewedAt && now.getTime() - new Date(`${row.reviewedAt.slice(0, 10)}T00:00:00+07:00`).getTime() > REVIEW_MAX_DAYS * DAY) {
    return { status: 'stale', reason: 'review_overdue', href: t.href, updatedAt: t.updatedAt };
  }
  return { status: 'ok', reason: null, href: t.href, updatedAt: t.updatedAt };
}

/** Pages and places the checklist itself lists (the footer link, then the item's group). */
const viaChecklist = (row: ItemRow, last: Label): Label[] => [named('step.footer'), both('step.group', groupTitle(row.group)), last];

/** In-site places the menu or a home-page service reaches, by path (their step labels are in messages). */
const placeOf = (path: string): Label | null => {
  const key = `step.place.${path.replace(/[?#].*$/, '').replace(/\/+$/, '') || '/'}`;
  return key in CATALOGUES.th ? named(key) : null;
};

/** The clicks from the home page to the item's answer, in Thai and English. */
export function stepsOf(row: ItemRow, href: string | null): Label[] {
  const home = named('step.home');
  const itemTitle = title(row);
  switch (row.linkKind) {
    case 'page':
      if (!row.page) break;
      return [home, ...(row.page.showInMenu ? [both('step.menu', row.page.title)] : viaChecklist(row, row.page.title))];
    case 'news_category':
      if (!row.newsCategory) break;
      return [home, named('step.newsMenu'), both('step.newsCategory', named(`news.${row.newsCategory}`))];
    case 'dataset':
      if (!row.dataset) break;
      return [home, named('step.dataTile'), both('step.dataset', row.dataset.title)];
    case 'statistic':
      if (!row.statistic) break;
      return [home, named('step.statistics'), both('step.statisticArea', named(`statistic.${row.statistic}`))];
    case 'e_service':
      return [home, named('step.eService')];
    case 'survey':
      return [home, named('step.surveys')];
    case 'file':
      if (!row.file) break;
      return [home, ...viaChecklist(row, both('step.file', itemTitle))];
    case 'url': {
      if (!href) break;
      if (href.startsWith('/')) {
        const place = placeOf(href);
        return [home, ...(place ? [place] : viaChecklist(row, itemTitle))];
      }
      return [home, ...viaChecklist(row, both('step.external', itemTitle))];
    }
  }
  // Nothing linked yet: the assessor would find only the checklist's own entry.
  return [home, ...viaChecklist(row, itemTitle)];
}

/** One item as the checklist shows it. */
export function resolveItem(row: ItemRow, site: SiteFacts, now: Date): ResolvedItem {
  const { status, reason, href, updatedAt } = statusOf(row, site, now);
  const steps = stepsOf(row, href);
  return {
    documentId: row.documentId,
    code: row.code,
    order: row.order ?? 0,
    title: title(row),
    requirement: { th: row.requirementTh ?? '', en: row.requirementEn || row.requirementTh || '' },
    href,
    steps: { th: steps.map((s) => s.th), en: steps.map((s) => s.en) },
    status,
    reason,
    updatedAt,
    reviewedAt: row.reviewedAt,
  };
}

export interface Counts {
  total: number;
  ok: number;
  missing: number;
  stale: number;
}
export interface ChecklistGroup extends Counts {
  key: Group;
  indicator: Indicator;
  title: Label;
  items: ResolvedItem[];
}
export interface Checklist {
  fiscalYear: number;
  counts: Counts;
  groups: ChecklistGroup[];
}

const countOf = (items: ResolvedItem[]): Counts => ({
  total: items.length,
  ok: items.filter((i) => i.status === 'ok').length,
  missing: items.filter((i) => i.status === 'missing').length,
  stale: items.filter((i) => i.status === 'stale').length,
});

/** Codes sort as the assessment numbers them: o2 before o10. */
const codeOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The year's items in the assessment's groups (every group, empty ones too), each group in `order`, then code. */
export function checklist(fiscalYear: number, rows: ItemRow[], site: SiteFacts, now: Date): Checklist {
  const resolved = rows.filter((r) => r.fiscalYear === fiscalYear).map((r) => ({ row: r, item: resolveItem(r, site, now) }));
  const groups = GROUPS.map(({ key, indicator }) => {
    const items = resolved
      .filter((r) => r.row.group === key)
      .map((r) => r.item)
      .sort((a, b) => a.order - b.order || codeOrder(a.code, b.code));
    return { key, indicator, title: groupTitle(key), ...countOf(items), items };
  });
  return { fiscalYear, counts: countOf(groups.flatMap((g) => g.items)), groups };
}

/** What the public sees of an item: an allow-list, without the record's id. */
export const toPublicItem = (i: ResolvedItem) => ({
  code: i.code,
  title: i.title,
  requirement: i.requirement,
  href: i.href,
  steps: i.steps,
  status: i.status,
  reason: i.reason,
  updatedAt: i.updatedAt,
  reviewedAt: i.reviewedAt,
});

/** The public checklist: every group with its counts and its items' public fields. */
export const toPublicChecklist = (list: Checklist) => ({
  fiscalYear: list.fiscalYear,
  counts: list.counts,
  groups: list.groups.map((g) => ({ key: g.key, indicator: g.indicator, title: g.title, total: g.total, ok: g.ok, missing: g.missing, stale: g.stale, items: g.items.map(toPublicItem) })),
});
