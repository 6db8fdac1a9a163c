import { isOverdue, meaningOf, publicHistory } from '../../../../plugins/complaint-workflow/server/src/public';
import { E_SERVICE_WORKFLOW } from '../workflow';

/** An e-service request as the public may see it by its tracking code: no contact, no answers, no description. */
export interface SubmissionRecord {
  trackingCode: string;
  title: string;
  state: string;
  receivedAt?: string | Date | null;
  createdAt?: string | Date | null;
  dueAt?: string | Date | null;
  resolvedAt?: string | Date | null;
  events?: Array<{ kind: string; toState?: string | null; message?: string | null; isPublic: boolean; at: string | Date }>;
}

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toPublicSubmission(s: SubmissionRecord, now: Date = new Date()) {
  const dueAt = s.dueAt ? new Date(s.dueAt) : null;
  const state = E_SERVICE_WORKFLOW.states.find((x) => x.key === s.state);
  return {
    trackingCode: s.trackingCode,
    title: s.title,
    status: s.state,
    statusLabel: state?.label ?? { th: s.state, en: s.state },
    publicStatus: meaningOf(E_SERVICE_WORKFLOW, s.state),
    createdAt: iso(s.receivedAt ?? s.createdAt),
    dueAt: iso(dueAt),
    overdue: isOverdue(E_SERVICE_WORKFLOW, s.state, dueAt, now),
    resolvedAt: iso(s.resolvedAt),
    history: publicHistory(s.events),
  };
}
