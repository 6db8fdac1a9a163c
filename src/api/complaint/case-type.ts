import type { Core } from '@strapi/strapi';
import { complaintNotices } from './domain/notices';

/** How complaints plug into the workflow engine: their events, inbox filters and messages. */
export const complaintCaseType = (strapi: Core.Strapi) => ({
  uid: 'api::complaint.complaint' as const,
  eventUid: 'api::complaint-event.complaint-event' as const,
  eventRelation: 'complaint',
  populate: {
    category: { select: ['id', 'code', 'nameTh', 'nameEn', 'department', 'confidential'] },
    photos: { select: ['id', 'url', 'formats', 'width', 'height', 'name'] },
    pole: { select: ['id', 'code', 'name', 'status'] },
  },
  where(q: Record<string, string | undefined>) {
    const where: Record<string, unknown>[] = [];
    if (q.category) where.push({ category: { code: q.category } });
    if (q.village && /^\d{1,2}$/.test(q.village)) where.push({ village: Number(q.village) });
    if (q.channel) where.push({ channel: q.channel });
    if (q.q) {
      const text = q.q.trim().slice(0, 100);
      where.push({ $or: [{ trackingCode: { $containsi: text } }, { title: { $containsi: text } }, { description: { $containsi: text } }] });
    }
    return where.length ? { $and: where } : {};
  },
  async filterOptions() {
    const categories = await strapi.db.query('api::complaint-category.complaint-category').findMany({
      select: ['id', 'code', 'nameTh', 'nameEn', 'department', 'deadlineDays', 'confidential'],
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    });
    return { categories };
  },
  /** A fault report of a loudspeaker pole moves the pole along (reported, under repair, working). */
  async afterTransition(record: any) {
    if (record.pole?.id) await strapi.service('api::pole.pole').followCase(record.pole.id);
  },
  notices(record: any, what: any) {
    const plugin = strapi.plugin('complaint-workflow');
    const config = plugin.config as (k: string) => string;
    const chatText = (key: string, vars?: Record<string, string | number>) => plugin.service('channels').render(key, vars);
    return complaintNotices(record, what, { publicUrl: config('publicUrl'), staffEmail: config('staffEmail'), chatText });
  },
});
