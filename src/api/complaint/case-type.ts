import type { Core } from '@strapi/strapi';
import type { CaseRecord, CaseTypeRegistration, Happening, NoticeLinks } from '../../../plugins/complaint-workflow/server/src/public';
import { channelsOf, dueDate, fieldRefused, pluginConfig } from '../../../plugins/complaint-workflow/server/src/public';
import { complaintNotices, type RenderText } from './domain/notices';
import { publicUrl } from '../../public-url';
import { COMPLAINT_WORKFLOW } from './workflow';
import { PHOTO, openComplaintPhoto, storeAfterPhotos } from './photos';
import { needsAfterPhoto, notFixedStaffNotice } from './domain/not-fixed';
import { COMPLAINT_MESSAGES } from './domain/notices';
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
    photos: { select: ['id', 'width', 'height', 'kind'], orderBy: [{ id: 'asc' }] },
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
  /** Staff's "after" photos, the proof of the fix, uploaded on the case page. */
  addPhotos: (caseId, files, language) => storeAfterPhotos(strapi, caseId, files, language),
  /** Resolving a complaint with a photo or a place of the problem needs a photo of the fix. */
  async beforeTransition(record, { to }) {
    if (to !== 'resolved') return;
    const photos = (await strapi.db.query(PHOTO).findMany({ where: { complaint: { id: record.id } }, select: ['kind'] })) as Array<{ kind?: string | null }>;
    if (needsAfterPhoto({ lat: record.lat as number | null, lng: record.lng as number | null, photos })) {
      throw fieldRefused(['files'], 'after_photo_required', { th: COMPLAINT_MESSAGES.th['staff.afterPhotoRequired'], en: COMPLAINT_MESSAGES.en['staff.afterPhotoRequired'] });
    }
  },
  /** Every reopening counts (staff's and the citizen's "not fixed"); the citizen's is also stamped, as it may happen once. */
  async afterTransition(record, _from, to, actor) {
    if (to !== 'reopened') return;
    const reopenCount = (Number(record.reopenCount) || 0) + 1;
    await strapi.db.query('api::complaint.complaint').update({ where: { id: record.id }, data: { reopenCount, ...(actor?.type === 'citizen' ? { notFixedAt: new Date() } : {}) } });
  },
  notices(record: CaseRecord, what: Happening, links: NoticeLinks) {
    const chatText: RenderText = (key, vars, lang) => channelsOf(strapi).render(key, vars, lang);
    const staffEmail = pluginConfig(strapi, 'staffEmail');
    const notices = complaintNotices(record, what, { publicUrl: publicUrl(strapi), staffEmail, chatText, caseLink: links.caseUrl, surveyLink: caseSurveyLink(strapi, 'complaint') });
    // The citizen's "not fixed": the officer hears of it at once, with the reason.
    if (what.kind === 'transition' && what.to === 'reopened' && what.actor === 'citizen') notices.push(...notFixedStaffNotice(record, what.reason ?? '', { staffEmail, caseLink: links.caseUrl }));
    return notices;
  },
});
