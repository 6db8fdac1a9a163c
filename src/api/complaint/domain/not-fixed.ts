/**
 * "Not fixed" (ยังไม่ได้รับการแก้ไข): the citizen may reopen their complaint once, within 14 days of
 * its resolution, while it is resolved or closed. Plain rules, no Strapi: the tracking view shows
 * them and the route enforces them.
 */
import { languageOf, messagesOf } from '../../../shared/messages';
import { COMPLAINT_MESSAGES } from './notices';

export const NOT_FIXED_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The states a citizen may say "not fixed" from. */
export const NOT_FIXED_STATES = ['resolved', 'closed'] as const;

export interface NotFixedSubject {
  state: string;
  resolvedAt?: string | Date | null;
  /** When the citizen last said "not fixed": set, they may not again. */
  notFixedAt?: string | Date | null;
}

export type NotFixedRefusal = 'not_fixed_used' | 'not_resolved' | 'not_fixed_expired';

/** Until when the citizen may say "not fixed" (resolvedAt + 14 days); null without a resolution. */
export function notFixedUntil(c: NotFixedSubject): Date | null {
  return c.resolvedAt ? new Date(new Date(c.resolvedAt).getTime() + NOT_FIXED_DAYS * DAY_MS) : null;
}

/** Why the citizen may not say "not fixed" now, or null when they may. Used first, then state, then time. */
export function notFixedRefusal(c: NotFixedSubject, now: Date = new Date()): NotFixedRefusal | null {
  if (c.notFixedAt) return 'not_fixed_used';
  if (!(NOT_FIXED_STATES as readonly string[]).includes(c.state)) return 'not_resolved';
  const until = notFixedUntil(c);
  if (!until || now.getTime() > until.getTime()) return 'not_fixed_expired';
  return null;
}

/** What the tracking view says of it. `until` is given while the case is resolved or closed. */
export function notFixedView(c: NotFixedSubject, now: Date = new Date()): { allowed: boolean; until: string | null; used: boolean } {
  const closed = (NOT_FIXED_STATES as readonly string[]).includes(c.state);
  const until = closed ? notFixedUntil(c) : null;
  return { allowed: notFixedRefusal(c, now) === null, until: until ? until.toISOString() : null, used: Boolean(c.notFixedAt) };
}

/**
 * Resolving needs an "after" photo when there is something to compare it with: a citizen's photo
 * of the problem, or a place on the map someone can go and look at.
 */
export function needsAfterPhoto(c: { lat?: number | null; lng?: number | null; photos?: Array<{ kind?: string | null }> | null }): boolean {
  const photos = c.photos ?? [];
  const hasBefore = photos.some((p) => (p.kind ?? 'before') === 'before');
  const hasPlace = typeof c.lat === 'number' && typeof c.lng === 'number';
  const hasAfter = photos.some((p) => p.kind === 'after');
  return (hasBefore || hasPlace) && !hasAfter;
}

/** An officer (the assignee) as the engine loads them. */
interface Officer {
  email?: string | null;
  preferedLanguage?: string | null;
}

/**
 * The e-mail telling staff that a citizen said "not fixed": to the assignee in their language, else
 * to the town's complaint address in Thai; none when there is nobody to tell.
 */
export function notFixedStaffNotice(
  c: { trackingCode: string; title?: string | null; description?: string | null; reopenCount?: number | null; category?: { nameTh?: string; nameEn?: string | null } | null; assignee?: Officer | null },
  reason: string,
  ctx: { staffEmail?: string; caseLink: string }
) {
  const email = c.assignee?.email || ctx.staffEmail;
  if (!email) return [];
  const lang = languageOf(c.assignee?.email ? c.assignee.preferedLanguage : null);
  const s = messagesOf(COMPLAINT_MESSAGES, lang);
  const category = (lang === 'en' ? c.category?.nameEn || c.category?.nameTh : c.category?.nameTh) ?? '';
  const summary = s('staff.summary', { category, title: c.title || (c.description ?? '').slice(0, 80) });
  const body = s('staff.notFixed.body', { summary, reason, count: c.reopenCount ?? 1 });
  return [{ channel: 'email', to: email, subject: `[${c.trackingCode}] ${s('staff.notFixed.subject')}`, text: [body, ctx.caseLink, ''].join('\n') }];
}
