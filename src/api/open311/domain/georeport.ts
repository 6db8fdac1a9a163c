import { PUBLIC_STATUS, type ComplaintState as State } from '../../complaint/workflow';
import type { Language as Lang } from '../../../shared/language';

export type { Lang };
export { pickLanguage } from '../../../shared/language';

/**
 * The GeoReport v2 shapes of our categories and complaints, built from allow-lists: a field added to
 * a record later (a phone, an assignee) cannot reach an Open311 client by default. Plain TypeScript.
 */
export type Format = 'json' | 'xml';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this API's shape last changed; Open311 harvesters compare it. */
export const CHANGESET = '2026-11-25T00:00:00Z';

export interface CategoryLike {
  code: string;
  nameTh: string;
  nameEn: string;
  descriptionTh?: string | null;
  descriptionEn?: string | null;
  department?: string | null;
  deadlineDays?: number | null;
}

export interface ComplaintLike {
  trackingCode: string;
  state: State;
  description?: string | null;
  address?: string | null;
  lat?: number | string | null;
  lng?: number | string | null;
  receivedAt?: string | Date | null;
  createdAt?: string | Date | null;
  updatedAt?: string | Date | null;
  dueAt?: string | Date | null;
  category?: CategoryLike | null;
  events?: Array<{ id?: number; kind: string; message?: string | null; toState?: string | null; isPublic: boolean; at: string | Date }>;
}

/** W3C date-time in UTC to the second, e.g. 2026-11-25T08:15:30Z, as the spec's examples show. */
export const w3cDate = (d: string | Date | null | undefined): string | null => {
  if (!d) return null;
  const t = new Date(d);
  return Number.isNaN(t.getTime()) ? null : t.toISOString().replace(/\.\d{3}Z$/, 'Z');
};

const name = (c: CategoryLike, lang: Lang) => (lang === 'en' ? c.nameEn || c.nameTh : c.nameTh || c.nameEn);
const describe = (c: CategoryLike, lang: Lang) => (lang === 'en' ? c.descriptionEn || c.descriptionTh : c.descriptionTh || c.descriptionEn) || null;

/** What the municipality promises for a category: its deadline. */
export function serviceNotice(c: CategoryLike | null | undefined, lang: Lang): string | null {
  if (!c?.deadlineDays) return null;
  return lang === 'en' ? `The municipality aims to act on this within ${c.deadlineDays} days.` : `เทศบาลจะดำเนินการภายใน ${c.deadlineDays} วัน`;
}

export function toOpen311Service(c: CategoryLike, lang: Lang) {
  return {
    service_code: c.code,
    service_name: name(c, lang),
    description: describe(c, lang),
    metadata: false,
    type: 'realtime',
    // Both languages' names, so a client can match what its user types in either.
    keywords: [c.code, c.nameTh, c.nameEn].filter(Boolean).join(', '),
    group: c.department || null,
  };
}

/** No category asks for extra fields yet, so every definition has no attributes. */
export const toServiceDefinition = (c: CategoryLike) => ({ service_code: c.code, attributes: [] as never[] });

const latest = <T extends { at: string | Date; id?: number }>(items: T[]) =>
  [...items].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime() || (b.id ?? 0) - (a.id ?? 0))[0];

// About 110 m: enough to find the pothole, not enough to point at one house (a nuisance complaint's neighbour).
const coordinate = (v: number | string | null | undefined) => (v === null || v === undefined || v === '' ? null : Math.round(Number(v) * 1000) / 1000);

/**
 * The one public Open311 view of a complaint. Contact details, assignee and notes never enter it;
 * nor does the citizen's own free text (description, address), which may name people or homes:
 * staff's public replies and closing reasons (status_notes) say what the town did.
 */
export function toOpen311Request(c: ComplaintLike, lang: Lang) {
  const status = PUBLIC_STATUS[c.state] ?? 'open';
  const publicEvents = (c.events ?? []).filter((e) => e.isPublic);
  const said = (e: (typeof publicEvents)[number]) => Boolean(e.message);
  // A closed request's notes say why it closed (a resolve's or rejection's reason, staff's words), unless a
  // reply came after; a reason for reopening may be the citizen's own words, so only closing reasons count.
  const closing = (e: (typeof publicEvents)[number]) => status === 'closed' && e.kind === 'transition' && PUBLIC_STATUS[e.toState as State] === 'closed';
  const reply = latest(publicEvents.filter((e) => said(e) && (e.kind === 'public_reply' || closing(e))));
  const lastEvent = latest(publicEvents);
  const updated = [c.updatedAt, lastEvent?.at]
    .filter((d): d is string | Date => Boolean(d))
    .map((d) => new Date(d))
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    service_request_id: c.trackingCode,
    status,
    status_notes: reply?.message ?? null,
    service_name: c.category ? name(c.category, lang) : null,
    service_code: c.category?.code ?? null,
    agency_responsible: c.category?.department || null,
    service_notice: serviceNotice(c.category, lang),
    requested_datetime: w3cDate(c.receivedAt ?? c.createdAt),
    updated_datetime: w3cDate(updated ?? c.receivedAt ?? c.createdAt),
    expected_datetime: w3cDate(c.dueAt),
    lat: coordinate(c.lat),
    long: coordinate(c.lng),
    media_url: null,
  };
}

export type Open311Request = ReturnType<typeof toOpen311Request>;

/** The spec's error (code and description) and two keys of ours: the field and a stable reason code. */
export interface Open311Error {
  code: number;
  description: string;
  field?: string;
  reason: string;
}

/** An error in the spec's shape, its description naming the field in front of a message in one language. */
export const open311Error = (status: number, reason: string, message: string, field?: string): Open311Error => ({
  code: status,
  description: `${field ? `${field}: ` : ''}${message}`,
  ...(field ? { field } : {}),
  reason,
});

/** The Service Discovery document (http://wiki.open311.org/Service_discovery). */
export function discoveryDocument(publicUrl: string, contact: string, lang: Lang) {
  return {
    changeset: CHANGESET,
    contact,
    key_service: lang === 'en' ? 'Ask the municipality for an api_key: it is an API token its administrators create.' : 'ขอ api_key (API token) ได้จากผู้ดูแลระบบของเทศบาล',
    endpoints: [
      {
        specification: SPECIFICATION,
        url: `${publicUrl}/api/open311/v2`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}
