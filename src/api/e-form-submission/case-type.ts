import type { Core } from '@strapi/strapi';
import type { CaseRecord, CaseTypeRegistration, Happening, NoticeLinks } from '../../../plugins/complaint-workflow/server/src/public';
import { dueDate } from '../../../plugins/complaint-workflow/server/src/public';
import { eServiceNotices, type SubmissionLike } from './domain/notices';
import { publicUrl } from '../../public-url';
import { E_SERVICE_DEADLINE_DAYS, E_SERVICE_SHORT_WORKFLOW, E_SERVICE_WORKFLOW } from './workflow';
import { answerRows, type StoredFileMeta } from './domain/answers-view';
import { openSubmissionFile } from './files';
import { caseSurveyLink } from '../survey/invite-link';
import type { FormDefinition } from '../../shared/e-form-rules';

/** The days a request has: its form's processingDays (as the form was when it was filed), else 15. */
export function processingDaysOf(data: Record<string, unknown>): number {
  const snapshot = data.formSnapshot as { processingDays?: unknown } | null | undefined;
  const days = Number(snapshot?.processingDays ?? data.processingDays);
  return Number.isInteger(days) && days >= 1 && days <= 365 ? days : E_SERVICE_DEADLINE_DAYS;
}

/** The form's snapshot of a stored request, when it was filed through a form. */
const snapshotOf = (record: CaseRecord): FormDefinition | null => {
  const s = record.formSnapshot as FormDefinition | null | undefined;
  return s && typeof s === 'object' && Array.isArray(s.fields) ? s : null;
};

/**
 * The case page of a request filed through a form: its answers labelled from the snapshot, so a
 * later change to the form changes nothing here. `answers` becomes "Thai label → answer as text"
 * (the engine's page shows it as rows as it is); `answerRows` has each field's labels in both
 * languages, its text and value, and its files with their download path.
 */
export function submissionDetail(record: CaseRecord, links: { fileUrl: (key: string) => string }): Record<string, unknown> {
  const form = snapshotOf(record);
  if (!form) return {};
  const answers = record.answers && typeof record.answers === 'object' ? (record.answers as Record<string, unknown>) : {};
  const files = (Array.isArray(record.files) ? record.files : []) as StoredFileMeta[];
  const rows = answerRows(form, answers, files).map((r) => (r.files ? { ...r, files: r.files.map((f) => ({ ...f, downloadPath: links.fileUrl(f.key) })) } : r));
  const display: Record<string, string> = {};
  for (const r of rows) {
    let key = r.label.th;
    for (let n = 2; key in display; n++) key = `${r.label.th} (${n})`;
    display[key] = r.text.th;
  }
  return { answers: display, answerValues: answers, answerRows: rows };
}

/** How e-service requests plug into the case engine: a second case type, with no admin code of its own. */
export const eServiceCaseType = (strapi: Core.Strapi): CaseTypeRegistration => ({
  key: 'e-service',
  uid: 'api::e-form-submission.e-form-submission',
  eventUid: 'api::e-form-submission.e-form-submission-event',
  eventRelation: 'submission',
  label: { th: 'คำขอ e-Service', en: 'E-service requests' },
  itemLabel: { th: 'คำขอ e-Service', en: 'e-service request' },
  workflow: E_SERVICE_WORKFLOW,
  // A form may choose the short way (its `workflow`, kept in the request's snapshot).
  variants: { short: E_SERVICE_SHORT_WORKFLOW },
  variantOf: (record) => (snapshotOf(record)?.workflow === 'short' ? 'short' : null),
  permissions: { read: 'e-service.read', manage: 'e-service.manage' },
  trackingPrefix: 'ES',
  deadline: (data, receivedAt) => dueDate(receivedAt, processingDaysOf(data)),
  where(q) {
    const text = typeof q.q === 'string' ? q.q.trim().slice(0, 100) : '';
    return text ? { $or: [{ trackingCode: { $containsi: text } }, { title: { $containsi: text } }, { description: { $containsi: text } }] } : {};
  },
  // A form's attachments, downloaded by staff who may read the request (the engine checks).
  file: (caseId, key) => openSubmissionFile(strapi, caseId, key),
  detail: (record) =>
    submissionDetail(record, { fileUrl: (key) => `/complaint-workflow/cases/${record.id}/files/${key}?type=e-service` }),
  notices(record: CaseRecord, what: Happening, links: NoticeLinks) {
    return eServiceNotices(record as CaseRecord & SubmissionLike, what, { publicUrl: publicUrl(strapi), caseLink: links.caseUrl, surveyLink: caseSurveyLink(strapi, 'e-service') });
  },
});
