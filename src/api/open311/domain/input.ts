import { z } from 'zod';
import { LIMITS, email, inThailand, phone, type ComplaintInput } from '../../../shared/complaint-input';
import { requiredText, text } from '../../../shared/field-rules';

/**
 * Open311 inputs as schemas: a POSTed service request is mapped onto the complaint's own input
 * schema (so the rules stay those of POST /api/complaints), and the GET requests query becomes a
 * filter. Field errors name the spec's fields.
 */

/** The complaint's field paths, named as an Open311 client sent them. */
const OPEN311_FIELD: Record<string, string> = {
  // Rules the service checks after the schema (a category that is gone, a photo id).
  category: 'service_code',
  description: 'description',
  location: 'lat/long',
  'location.lat': 'lat',
  'location.lng': 'long',
  address: 'address_string',
  'contact.name': 'first_name/last_name',
  'contact.phone': 'phone',
  'contact.email': 'email',
};
/** The field an Open311 client sent, from a path of our schemas (params/query/complaint prefixes dropped). */
export const open311Field = (path: ReadonlyArray<string | number>) => {
  const rest = ['params', 'query', 'complaint', 'data'].includes(String(path[0])) ? path.slice(1) : path;
  const key = rest.join('.');
  return OPEN311_FIELD[key] ?? key;
};

const coordinate = (example: number) =>
  // The example sits on the number: zod documents no example on a schema that transforms its input.
  z.union([z.number().meta({ examples: [example] }), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/).transform(Number)]).meta({ description: 'WGS 84, in Thailand' });
const note = (description: string) => z.string().max(100).optional().meta({ description });

/**
 * A new service request: the spec's fields, each checked by the complaint's own field rules, then
 * mapped onto the complaint's input. Contact details come with consent: an Open311 client sends them
 * on its user's behalf, having asked (see README).
 */
export const open311RequestInput = z
  .object({
    service_code: requiredText(LIMITS.category, { description: 'A code from services.json', examples: ['road'] }),
    lat: coordinate(14.7154).optional(),
    long: coordinate(102.0106).optional(),
    address_string: z.optional(text(LIMITS.address)),
    description: requiredText(LIMITS.description, { examples: ['ไฟถนนดับหน้าวัดนกออก 3 ต้น'] }),
    email: z.optional(email),
    first_name: z.optional(text(100)),
    last_name: z.optional(text(100)),
    phone: z.optional(phone),
    device_id: note('Accepted, not stored'),
    account_id: note('Echoed in the answer, not stored'),
    media_url: z.string().max(2000).optional().meta({ description: 'Accepted, not stored' }),
    jurisdiction_id: note('Accepted, not stored'),
    api_key: z.string().max(1000).optional().meta({ description: 'A Strapi API token (not read-only); required when the server sets OPEN311_REQUIRE_KEY=true' }),
  })
  .superRefine(
    (f, ctx) => {
      const lat = typeof f.lat === 'number' ? f.lat : undefined;
      const long = typeof f.long === 'number' ? f.long : undefined;
      if ((f.lat === undefined) !== (f.long === undefined)) ctx.addIssue({ code: 'custom', path: [f.lat === undefined ? 'lat' : 'long'], params: { code: 'location_incomplete' } });
      else if (f.lat === undefined && !f.address_string) ctx.addIssue({ code: 'custom', path: ['location'], params: { code: 'location_required' } });
      else if (lat !== undefined && long !== undefined && !inThailand({ lat, lng: long })) ctx.addIssue({ code: 'custom', path: ['location'], params: { code: 'out_of_area' } });
      const name = [f.first_name, f.last_name].filter(Boolean).join(' ');
      if ([...name].length > LIMITS.name) ctx.addIssue({ code: 'custom', path: ['contact', 'name'], params: { code: 'too_long' } });
    },
    // Also when another field is wrong: every problem is named at once.
    { when: (p) => typeof p.value === 'object' && p.value !== null }
  )
  .transform((f): { accountId: string | null; complaint: ComplaintInput } => {
    const name = [f.first_name, f.last_name].filter(Boolean).join(' ');
    const contact = { ...(name ? { name } : {}), ...(f.phone ? { phone: f.phone } : {}), ...(f.email ? { email: f.email } : {}) };
    const withContact = Object.keys(contact).length > 0;
    return {
      accountId: f.account_id ?? null,
      complaint: {
        category: f.service_code,
        description: f.description,
        ...(f.lat !== undefined && f.long !== undefined ? { location: { lat: Math.round(f.lat * 1e6) / 1e6, lng: Math.round(f.long * 1e6) / 1e6 } } : {}),
        ...(f.address_string ? { address: f.address_string } : {}),
        ...(withContact ? { contact, consent: true } : {}),
      },
    };
  });

/** Form fields may repeat (a=1&a=2): the first counts; an empty one is the same as none (the spec's "optional"). */
export function flattenForm(form: unknown): Record<string, unknown> {
  if (typeof form !== 'object' || form === null || Array.isArray(form)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(form)) {
    const value: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    out[key] = value;
  }
  return out;
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
/** Tracking codes one request may ask for: each is a lookup, and lookups are rate-limited one by one. */
export const MAX_IDS = 50;
// W3C date-time profile of ISO 8601: a date, optionally with a time and a zone.
const W3C_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

const list = (description: string) =>
  z
    .string()
    .max(8000) // a URL longer than a server reads (16 KB of headers) cannot arrive anyway
    .optional()
    .meta({ description })
    .transform((s) => (s ?? '').split(',').map((p) => p.trim()).filter(Boolean));
const date = (description: string) =>
  z
    .string()
    .trim()
    .refine((s) => W3C_DATE.test(s), { params: { code: 'invalid_date' }, abort: true })
    .refine((s) => !Number.isNaN(new Date(s).getTime()), { params: { code: 'invalid_date' } })
    .optional()
    .meta({ description, examples: ['2026-11-01T00:00:00Z'] })
    .transform((s) => (s ? new Date(s) : undefined));

/** The GET requests query; `toFilter` turns it into a filter once it is valid. */
export const requestsQuery = z
  .object({
    service_request_id: list(`Comma-separated tracking codes, at most ${MAX_IDS}; overrides the other filters`).refine((ids) => ids.length <= MAX_IDS, { params: { code: 'too_many_ids' } }),
    service_code: list('Comma-separated service codes'),
    start_date: date('W3C date-time; default 90 days before end_date'),
    end_date: date(`W3C date-time; at most ${MAX_SPAN_DAYS} days after start_date; default now`),
    status: list('open, closed, or both comma-separated').refine((s) => s.every((v) => /^(open|closed)$/i.test(v)), { params: { code: 'invalid_choice' } }),
    locale: z.string().max(35).optional().meta({ description: 'Language of names and notices: th or en; otherwise Accept-Language, then Thai' }),
  })
  .superRefine((q, ctx) => {
    if (q.start_date && q.end_date) {
      if (q.start_date > q.end_date) ctx.addIssue({ code: 'custom', path: ['start_date'], params: { code: 'start_after_end' } });
      else if (q.end_date.getTime() - q.start_date.getTime() > MAX_SPAN_DAYS * DAY) ctx.addIssue({ code: 'custom', path: ['end_date'], params: { code: 'range_too_long' } });
    }
  });

export function toFilter(q: z.output<typeof requestsQuery>, now: Date = new Date()): RequestsFilter {
  let start: Date;
  let end: Date;
  if (q.start_date && q.end_date) [start, end] = [q.start_date, q.end_date];
  else if (q.start_date) [start, end] = [q.start_date, new Date(q.start_date.getTime() + MAX_SPAN_DAYS * DAY)];
  else {
    end = q.end_date ?? now;
    start = new Date(end.getTime() - MAX_SPAN_DAYS * DAY);
  }
  const ids = q.service_request_id.map((s) => s.toUpperCase());
  if (ids.length) return { ids, start, end };
  const statuses = [...new Set(q.status.map((s) => s.toLowerCase()))] as Array<'open' | 'closed'>;
  return { start, end, ...(q.service_code.length ? { serviceCodes: q.service_code } : {}), ...(statuses.length ? { statuses } : {}) };
}
