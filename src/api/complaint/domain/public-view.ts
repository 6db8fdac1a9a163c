import { isOverdue, publicHistory } from '../../../../plugins/complaint-workflow/server/src/public';
import { COMPLAINT_WORKFLOW, PUBLIC_STATUS, type ComplaintState as State } from '../workflow';

/**
 * The only shape in which a complaint leaves the server publicly: built from an allow-list, so a
 * field added to the record later (a phone, an assignee) cannot leak by default.
 */
export interface ComplaintRecord {
  trackingCode: string;
  state: State;
  channel: string;
  createdAt: string | Date;
  receivedAt?: string | Date | null;
  dueAt?: string | Date | null;
  resolvedAt?: string | Date | null;
  category?: { code: string; nameTh: string; nameEn: string } | null;
  events?: Array<{ kind: string; toState?: string | null; message?: string | null; isPublic: boolean; at: string | Date }>;
}

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toPublicComplaint(c: ComplaintRecord, now: Date = new Date()) {
  const dueAt = c.dueAt ? new Date(c.dueAt) : null;
  return {
    trackingCode: c.trackingCode,
    category: c.category ? { code: c.category.code, nameTh: c.category.nameTh, nameEn: c.category.nameEn } : null,
    status: c.state,
    publicStatus: PUBLIC_STATUS[c.state],
    channel: c.channel,
    createdAt: iso(c.receivedAt ?? c.createdAt),
    dueAt: iso(dueAt),
    overdue: isOverdue(COMPLAINT_WORKFLOW, c.state, dueAt, now),
    resolvedAt: iso(c.resolvedAt),
    history: publicHistory(c.events),
  };
}
