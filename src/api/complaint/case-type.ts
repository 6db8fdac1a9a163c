import type { Core } from '@strapi/strapi';
import type { CaseRecord, CaseTypeRegistration, Happening, NoticeLinks } from '../../../plugins/complaint-workflow/server/src/public';
import { channelsOf, dueDate, pluginConfig } from '../../../plugins/complaint-workflow/server/src/public';
import { complaintNotices, type RenderText } from './domain/notices';
import { publicUrl } from '../../public-url';
import { COMPLAINT_WORKFLOW } from './workflow';
import { openComplaintPhoto } from './photos';
import { caseSurveyLink } from '../survey/invite-link';

const CATEGORY = 'api::complaint-category.complaint-category';

/** How complaints plug into the case engine: their workflow, deadline, inbox filters and messages. */
export const complaintCaseType = (strapi: Core.Strapi): CaseTypeRegistration => ({
  key: 'complaint',
  uid: 'api::complaint.complaint',
  eventUid: 'api::complaint-event.complaint-event',
  eventRelation: 'complaint',
  label: { th: 'เรื่องร้องเรียน', en: 'Complaints' },
  itemLabel: { th: 'เรื่องร้องเรียน', en: 'complaint' },
  workflow: COMPLAINT_WORKFLOW,
  // The names staff roles already hold.
  permissions: { read: 'cases.read', manage: 'cases.manage' },
  trackingPrefix: 'NK',
  /** The category's deadline, in calendar days from receipt. */
  async deadline(data, receivedAt) {
    const category = (await strapi.db.query(CATEGORY).findOne({ where: { id: data.category }, select: ['deadlineDays'] })) as { deadlineDays?: number } | null;
    return category?.deadlineDays ? dueDate(receivedAt, category.deadlineDays) : null;
  },
  populate: {
    category: { select: ['id', 'code', 'nameTh', 'nameEn', 'department', 'confidential'] },
    // Private photos: the case page fetches each through the engine's photo route, never by URL.
    photos: { select: ['id', 'width', 'height'], orderBy: [{ id: 'asc' }] },
    pole: { select: ['id', 'code', 'name', 'status'] },
  },
  where(q) {
    const str = (k: string) => {
      const v = q[k];
      return typeof v === 'string' ? v : undefined;
    };
    const where: Record<string, unknown>[] = [];
    if (str('category')) where.push({ category: { code: str('category') } });
    const village = str('village');
    if (village && /^\d{1,2}$/.test(village)) where.push({ village: Number(village) });
    if (str('channel')) where.push({ channel: str('channel') });
    const text = str('q')?.trim().slice(0, 100);
    if (text) where.push({ $or: [{ trackingCode: { $containsi: text } }, { title: { $containsi: text } }, { description: { $containsi: text } }] });
    return where.length ? { $and: where } : {};
  },
  async filterOptions() {
    const categories = await strapi.db.query(CATEGORY).findMany({
      select: ['id', 'code', 'nameTh', 'nameEn', 'department', 'deadlineDays', 'confidential'],
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    });
    return { categories };
  },
  photo: (caseId, photoId, size) => openComplaintPhoto(strapi, caseId, photoId, size),
  notices(record: CaseRecord, what: Happening, links: NoticeLinks) {
    const chatText: RenderText = (key, vars, lang) => channelsOf(strapi).render(key, vars, lang);
    return complaintNotices(record, what, { publicUrl: publicUrl(strapi), staffEmail: pluginConfig(strapi, 'staffEmail'), chatText, caseLink: links.caseUrl, surveyLink: caseSurveyLink(strapi, 'complaint') });
  },
});
