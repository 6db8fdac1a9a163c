import { isOverdue, publicHistory } from '../../../../plugins/complaint-workflow/server/src/public';
import { COMPLAINT_WORKFLOW, PUBLIC_STATUS, type ComplaintState as State } from '../workflow';
import { notFixedView } from './not-fixed';

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
  events?: Array<{ kind: string; toState?: string | null; message?: string | null; isPublic: boolean; at: string | Date; actorType?: string | null }>;
  /** Ids and kinds only: each photo is served by the tracking code's photo route. */
  photos?: Array<{ id: number; kind?: string | null }> | null;
  reopenCount?: number | null;
  notFixedAt?: string | Date | null;
}

/** A photo as the public sees it: the tracking code's photo route, whole and as a thumbnail. */
export const photoRef = (baseUrl: string, trackingCode: string, id: number) => {
  const url = `${baseUrl}/api/complaints/track/${encodeURIComponent(trackingCode)}/photos/${id}`;
  return { id, url: `${url}?size=full`, thumbUrl: `${url}?size=thumb` };
};

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** `baseUrl`: the site's public address, which the photo URLs start with. */
export function toPublicComplaint(c: ComplaintRecord, now: Date = new Date(), baseUrl = '') {
  const dueAt = c.dueAt ? new Date(c.dueAt) : null;
  const photos = [...(c.photos ?? [])].sort((a, b) => a.id - b.id);
  const refs = (kind: 'before' | 'after') => photos.filter((p) => (p.kind ?? 'before') === kind).map((p) => photoRef(baseUrl, c.trackingCode, p.id));
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
    photos: { before: refs('before'), after: refs('after') },
    reopenCount: c.reopenCount ?? 0,
    notFixed: notFixedView(c, now),
  };
}
