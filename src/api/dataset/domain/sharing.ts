import { z } from 'zod';
import { EXPIRING_DAYS, TOKEN_DAYS } from '../staff-permissions';

/**
 * Data sharing rules with no Strapi in them: reading a partner's key from a request, a token's
 * state for staff, the access log's filters, and its export as CSV rows.
 */

const DAY_MS = 24 * 3600_000;
/** Thailand keeps one offset all year (no daylight saving): the town's days start at 00:00 +07:00. */
const BANGKOK_OFFSET_MS = 7 * 3600_000;

/** What a request's Authorization header says about the caller. */
export type Credentials = { kind: 'none' } | { kind: 'key'; key: string } | { kind: 'malformed' };

/**
 * The key a partner sent: `Authorization: Bearer <key>`, or the bare key, as CKAN's own clients send
 * it (`Authorization: <key>`). Another scheme (Basic, from a proxy in front) is not ours: the
 * caller is the public. A Bearer header that is not one key is refused rather than ignored.
 */
export function credentialsOf(authorization: string | undefined | null): Credentials {
  const header = (authorization ?? '').trim();
  if (!header) return { kind: 'none' };
  const parts = header.split(/\s+/);
  if (parts.length === 1) return { kind: 'key', key: parts[0] };
  if (parts[0].toLowerCase() !== 'bearer') return { kind: 'none' };
  return parts.length === 2 ? { kind: 'key', key: parts[1] } : { kind: 'malformed' };
}

/**
 * Whether a Strapi API token can only read: Strapi's read-only type, or a custom token whose
 * content-API permissions (none, for the tokens issued to partners) are all finds.
 */
export function readsOnly(token: { type: string; permissions?: readonly string[] | null }): boolean {
  if (token.type === 'read-only') return true;
  return token.type === 'custom' && (token.permissions ?? []).every((p) => /\.(find|findOne)$/.test(p));
}

/** A token as staff see it: none issued, valid, close to its expiry, or expired. */
export type TokenState = 'none' | 'active' | 'expiring' | 'expired';

export function tokenState(token: { expiresAt: string | Date | null } | null | undefined, now: Date = new Date()): TokenState {
  if (!token) return 'none';
  if (!token.expiresAt) return 'active';
  const left = new Date(token.expiresAt).getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left <= EXPIRING_DAYS * DAY_MS ? 'expiring' : 'active';
}

/** Whether a token has expired at `now` (Strapi's own rule: an expiry in the past). */
export const hasExpired = (expiresAt: string | Date | null | undefined, now: Date = new Date()) => Boolean(expiresAt) && new Date(expiresAt!).getTime() <= now.getTime();

/** A partner's token name: the agency's id and the day it was issued, unique with a random tail. */
export function partnerTokenName(agencyId: number, now: Date, random: string): string {
  return `partner-${agencyId}-${bangkokTime(now).slice(0, 10).replace(/-/g, '')}-${random}`;
}

/** A moment as Thailand's local time with its offset: `2026-05-01T14:03:00+07:00`. */
export function bangkokTime(at: string | Date): string {
  return `${new Date(new Date(at).getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** The first moment of a calendar day in Thailand. */
export const bangkokDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** A calendar day written `YYYY-MM-DD` that exists (not 2026-02-30). */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const start = bangkokDayStart(s);
  return !Number.isNaN(start.getTime()) && bangkokTime(start).slice(0, 10) === s;
}
const calendarDay = z.string().refine(isCalendarDay, { params: { code: 'invalid_format' } });

/** The access log's filters (admin route query): an agency, a range of days (both ends included), a page. */
export const accessLogQuery = z
  .object({
    agency: z.coerce.number().int().positive().optional(),
    from: calendarDay.optional(),
    to: calendarDay.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    /** The language of an export's column names. */
    locale: z.enum(['th', 'en']).default('th'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], params: { code: 'invalid_format' } });
export type AccessLogQuery = z.output<typeof accessLogQuery>;

/** The body of "issue a new token": how many days it lasts. */
export const issueTokenBody = z.object({ days: z.literal([...TOKEN_DAYS]) });

/** The time window of a query: from the start of `from` to the end of `to`, Thai days. */
export function timeWindow(q: Pick<AccessLogQuery, 'from' | 'to'>): { $gte?: Date; $lt?: Date } {
  const window: { $gte?: Date; $lt?: Date } = {};
  if (q.from) window.$gte = bangkokDayStart(q.from);
  if (q.to) window.$lt = new Date(bangkokDayStart(q.to).getTime() + DAY_MS);
  return window;
}

/** One line of the access log as the admin route answers it. */
export interface AccessEntry {
  id: number;
  at: string;
  agency: { id: number; name: string } | null;
  tokenName: string | null;
  dataset: string | null;
  resource: string | null;
  action: string | null;
  path: string | null;
  clientAddress: string | null;
}

const COLUMNS = {
  th: ['เวลา', 'หน่วยงาน', 'โทเค็น API', 'ชุดข้อมูล', 'ทรัพยากรข้อมูล', 'การเรียกใช้', 'ที่อยู่ที่เรียก', 'ที่อยู่ IP'],
  en: ['Time', 'Agency', 'API token', 'Dataset', 'Resource', 'Action', 'Path', 'IP address'],
} as const;

/** The access log as a table: a header row in the staff's language, then one row per read, times in Thai local time. */
export function accessRows(entries: readonly AccessEntry[], lang: 'th' | 'en'): string[][] {
  return [
    [...COLUMNS[lang]],
    ...entries.map((e) => [bangkokTime(e.at), e.agency?.name ?? '', e.tokenName ?? '', e.dataset ?? '', e.resource ?? '', e.action ?? '', e.path ?? '', e.clientAddress ?? '']),
  ];
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, return first) is written as text. */
const asText = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** CSV as Excel opens Thai correctly: a UTF-8 byte order mark, CRLF lines, quoted where needed. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => {
    const text = asText(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** The file name of an export: the log and the days it covers. */
export function exportName(q: Pick<AccessLogQuery, 'from' | 'to'>, ext: 'csv' | 'xlsx', now: Date = new Date()): string {
  const range = q.from || q.to ? `${q.from ?? 'start'}_${q.to ?? bangkokTime(now).slice(0, 10)}` : bangkokTime(now).slice(0, 10);
  return `data-access-log_${range}.${ext}`;
}
