import type { Core } from '@strapi/strapi';
import type { CaseRecord, CaseTypeRegistration, Happening, NoticeLinks } from '../../../plugins/complaint-workflow/server/src/public';
import { dueDate } from '../../../plugins/complaint-workflow/server/src/public';
import { eServiceNotices, type SubmissionLike } from './domain/notices';
import { publicUrl } from '../../public-url';
import { E_SERVICE_DEADLINE_DAYS, E_SERVICE_WORKFLOW } from './workflow';

/** How e-service requests plug into the case engine: a second case type, with no admin code of its own. */
export const eServiceCaseType = (strapi: Core.Strapi): CaseTypeRegistration => ({
  key: 'e-service',
  uid: 'api::e-form-submission.e-form-submission',
  eventUid: 'api::e-form-submission.e-form-submission-event',
  eventRelation: 'submission',
  label: { th: 'คำขอ e-Service', en: 'E-service requests' },
  itemLabel: { th: 'คำขอ e-Service', en: 'e-service request' },
  workflow: E_SERVICE_WORKFLOW,
  permissions: { read: 'e-service.read', manage: 'e-service.manage' },
  trackingPrefix: 'ES',
  deadline: (_data, receivedAt) => dueDate(receivedAt, E_SERVICE_DEADLINE_DAYS),
  where(q) {
    const text = typeof q.q === 'string' ? q.q.trim().slice(0, 100) : '';
    return text ? { $or: [{ trackingCode: { $containsi: text } }, { title: { $containsi: text } }, { description: { $containsi: text } }] } : {};
  },
  notices(record: CaseRecord, what: Happening, links: NoticeLinks) {
    return eServiceNotices(record as CaseRecord & SubmissionLike, what, { publicUrl: publicUrl(strapi), caseLink: links.caseUrl });
  },
});
