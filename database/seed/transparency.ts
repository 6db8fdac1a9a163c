import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { bangkokToday } from '../../src/shared/thai-date';
import { GROUPS, type Group, type Statistic } from '../../src/api/transparency/domain/checklist';

/**
 * The demo town's ITA/OIT checklist (database/seed/transparency.json): the fiscal year's items, each
 * linked to what the demo has (its pages, news categories, datasets, the statistics and e-service
 * pages). Looked up by code and year: created once, never overwritten, so staff edits stay.
 */
interface ItemSeed {
  code: string;
  group: Group;
  order: number;
  titleTh: string;
  titleEn: string;
  requirementTh: string;
  requirementEn: string;
  link: { page?: string; newsCategory?: string; dataset?: string; statistic?: Statistic; eService?: boolean; survey?: boolean; url?: string };
}

const ITEM = 'api::transparency.transparency-item';

/** A document id by slug, or a clear error: a seeded item must link to something the demo has. */
async function documentIdOf(strapi: Core.Strapi, uid: 'api::page.page' | 'api::dataset.dataset', slug: string, code: string): Promise<string> {
  const found = (await strapi.db.query(uid).findOne({ where: { slug }, select: ['documentId'] })) as { documentId: string } | null;
  if (!found) throw new Error(`demo transparency item ${code}: no ${uid} with the slug ${slug}`);
  return found.documentId;
}

export async function seedTransparency(strapi: Core.Strapi, seedDir: string): Promise<number> {
  const { fiscalYear, items } = JSON.parse(fs.readFileSync(path.join(seedDir, 'transparency.json'), 'utf8')) as { fiscalYear: number; items: ItemSeed[] };
  const present = new Set(((await strapi.db.query(ITEM).findMany({ where: { fiscalYear }, select: ['code'] })) as Array<{ code: string }>).map((i) => i.code));
  let created = 0;
  for (const { link, ...item } of items) {
    if (present.has(item.code)) continue;
    const indicator = GROUPS.find((g) => g.key === item.group)?.indicator;
    if (!indicator) throw new Error(`demo transparency item ${item.code}: unknown group ${item.group}`);
    const target = link.page
      ? { linkKind: 'page' as const, page: await documentIdOf(strapi, 'api::page.page', link.page, item.code) }
      : link.dataset
        ? { linkKind: 'dataset' as const, dataset: await documentIdOf(strapi, 'api::dataset.dataset', link.dataset, item.code) }
        : link.newsCategory
          ? { linkKind: 'news_category' as const, newsCategory: link.newsCategory as 'announcement' }
          : link.statistic
            ? { linkKind: 'statistic' as const, statistic: link.statistic }
            : link.eService
              ? { linkKind: 'e_service' as const }
              : link.survey
                ? { linkKind: 'survey' as const }
                : { linkKind: 'url' as const, url: link.url };
    await strapi.documents(ITEM).create({ data: { ...item, fiscalYear, indicator, ...target, reviewedAt: bangkokToday() } });
    created += 1;
  }
  return created;
}
