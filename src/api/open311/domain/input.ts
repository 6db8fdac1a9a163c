import type { FieldIssue } from '../../complaint/domain/validate';
import { open311Error, type Open311Error } from './georeport';

/**
 * Open311 inputs: a POSTed service request becomes the body our own complaint validation takes
 * (so the rules stay those of POST /api/complaints), and the GET requests query becomes a filter.
 * Plain TypeScript.
 */

/** Our validation's field paths, named as an Open311 client sent them. */
const OPEN311_FIELD: Record<string, string> = {
  data: 'body',
  category: 'service_code',
  description: 'description',
  location: 'lat/long',
  address: 'address_string',
  'contact.name': 'first_name/last_name',
  'contact.phone': 'phone',
  'contact.email': 'email',
};

export const toOpen311Errors = (issues: FieldIssue[]): Open311Error[] =>
  issues.map((i) => open311Error(400, i.th, i.en, OPEN311_FIELD[i.path.join('.')] ?? i.path.join('.')));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// A form field may repeat (a=1&a=2); the first value counts.
const single = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);
/** "Optional" in the spec: an empty parameter is the same as none. Non-text passes as is, for validation to refuse. */
const optional = (v: unknown): unknown => {
  const s = single(v);
  if (s === undefined || s === null) return undefined;
  if (typeof s === 'string') return s.trim() === '' ? undefined : s;
  return s;
};
const coordinate = (v: unknown): unknown => (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v);

export interface MappedRequest {
  /** For validateComplaintInput. */
  body: { data: Record<string, unknown> };
  /** Problems only Open311 has (a location is required; lat without long). */
  issues: FieldIssue[];
  accountId: string | null;
}

/**
 * Maps the spec's fields onto a complaint. Contact details come with consent: an Open311 client
 * sends them on its user's behalf, having asked (see README). device_id, media_url, attribute and
 * jurisdiction_id are accepted and not stored.
 */
export function fromOpen311Request(form: unknown): MappedRequest {
  const f = isObject(form) ? form : {};
  const issues: FieldIssue[] = [];
  const data: Record<string, unknown> = { category: optional(f.service_code) };
  const description = optional(f.description);
  if (description !== undefined) data.description = description;

  const lat = optional(f.lat);
  const long = optional(f.long);
  const address = optional(f.address_string);
  if (lat !== undefined && long !== undefined) data.location = { lat: coordinate(lat), lng: coordinate(long) };
  else if (lat !== undefined || long !== undefined) {
    issues.push({ path: ['location'], th: 'ต้องส่งทั้ง lat และ long', en: 'lat and long must be sent together' });
  } else if (address === undefined) {
    issues.push({ path: ['location'], th: 'กรุณาระบุตำแหน่ง (lat และ long) หรือ address_string', en: 'A location is required: lat and long, or address_string' });
  }
  if (address !== undefined) data.address = address;

  const first = optional(f.first_name);
  const last = optional(f.last_name);
  const parts = [first, last].filter((p) => p !== undefined);
  // A non-text part is passed on unjoined, so validation refuses it.
  const name = parts.some((p) => typeof p !== 'string') ? parts.find((p) => typeof p !== 'string') : parts.length ? parts.map((p) => (p as string).trim()).join(' ') : undefined;
  const contact = { name, phone: optional(f.phone), email: optional(f.email) };
  if (Object.values(contact).some((v) => v !== undefined)) {
    data.contact = Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined));
    data.consent = true;
  }

  const account = optional(f.account_id);
  const accountId = (typeof account === 'string' || typeof account === 'number') && String(account).length <= 100 ? String(account) : null;
  return { body: { data }, issues, accountId };
}

export interface RequestsFilter {
  /** When given, every other filter is ignored (the spec's rule). */
  ids?: string[];
  serviceCodes?: string[];
  start: Date;
  end: Date;
  statuses?: Array<'open' | 'closed'>;
}

const DAY = 24 * 3600_000;
export const MAX_SPAN_DAYS = 90;
export const MAX_RESULTS = 1000;
// W3C date-time profile of ISO 8601: a date, optionally with a time and a zone.
const W3C_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A parameter as text, the way String() prints it: a nested value (`a[b]=c`) becomes text no filter
 * matches, so it is refused or finds nothing rather than being ignored.
 */
const asText = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return (v as unknown[]).map(asText).join(',');
  if (typeof v === 'object' && v !== null) return '[object Object]';
  return ''; // undefined or null: nothing else comes out of a query string
};

const list = (v: unknown) =>
  asText(single(v))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The GET requests query as a filter, or the errors naming each bad parameter. */
export function parseRequestsQuery(query: unknown, now: Date = new Date()): { filter?: RequestsFilter; errors: Open311Error[] } {
  const q = isObject(query) ? query : {};
  const errors: Open311Error[] = [];

  const ids = list(q.service_request_id).map((s) => s.toUpperCase());
  if (ids.length > MAX_RESULTS) errors.push(open311Error(400, `ขอได้ครั้งละไม่เกิน ${MAX_RESULTS} รายการ`, `At most ${MAX_RESULTS} ids at once`, 'service_request_id'));

  const date = (field: 'start_date' | 'end_date') => {
    const raw = optional(q[field]);
    if (raw === undefined) return undefined;
    const t = typeof raw === 'string' && W3C_DATE.test(raw.trim()) ? new Date(raw.trim()) : null;
    if (!t || Number.isNaN(t.getTime())) {
      errors.push(open311Error(400, 'วันเวลาต้องอยู่ในรูปแบบ ISO 8601 เช่น 2026-01-31T00:00:00Z', 'Must be an ISO 8601 date-time such as 2026-01-31T00:00:00Z', field));
      return null;
    }
    return t;
  };
  const startIn = date('start_date');
  const endIn = date('end_date');
  let start: Date;
  let end: Date;
  if (startIn && endIn) {
    [start, end] = [startIn, endIn];
    if (start > end) errors.push(open311Error(400, 'วันเริ่มต้นต้องไม่อยู่หลังวันสิ้นสุด', 'start_date must not be after end_date', 'start_date'));
    else if (end.getTime() - start.getTime() > MAX_SPAN_DAYS * DAY) {
      errors.push(open311Error(400, `ช่วงวันที่ต้องไม่เกิน ${MAX_SPAN_DAYS} วัน`, `The date range may not span more than ${MAX_SPAN_DAYS} days`, 'end_date'));
    }
  } else if (startIn) {
    start = startIn;
    end = new Date(start.getTime() + MAX_SPAN_DAYS * DAY);
  } else {
    end = endIn ?? now;
    start = new Date(end.getTime() - MAX_SPAN_DAYS * DAY);
  }

  const statuses = list(q.status).map((s) => s.toLowerCase());
  const badStatus = statuses.find((s) => s !== 'open' && s !== 'closed');
  if (badStatus) errors.push(open311Error(400, 'สถานะต้องเป็น open หรือ closed', 'status must be open or closed', 'status'));

  if (errors.length) return { errors };
  if (ids.length) return { filter: { ids, start, end }, errors };
  const serviceCodes = list(q.service_code);
  return {
    filter: {
      start,
      end,
      ...(serviceCodes.length ? { serviceCodes } : {}),
      ...(statuses.length ? { statuses: [...new Set(statuses)] as Array<'open' | 'closed'> } : {}),
    },
    errors,
  };
}
