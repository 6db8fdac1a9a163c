import { COMPLAINT_WORKFLOW, type ComplaintState as State } from '../workflow';

/**
 * How long a finished complaint keeps what identifies its citizen. Once a complaint has been in a
 * final state for longer than the retention period (COMPLAINT_RETENTION_DAYS, 730 days by default),
 * its photos and personal data are erased; the case itself (category, place, dates, history) stays
 * for the town's statistics. Plain rules: unit tested without a database.
 */
export const DEFAULT_RETENTION_DAYS = 730;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The final states: those whose public meaning is closed (resolved, closed, rejected, referred, duplicate). */
export const FINAL_STATES = COMPLAINT_WORKFLOW.states.filter((s) => s.meaning === 'closed').map((s) => s.key) as State[];

/** The fields that name, reach or locate the citizen: emptied at the end of retention. */
export const PERSONAL_FIELDS = ['contactName', 'contactPhone', 'contactEmail', 'platformUserId', 'address'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** What an erased complaint's personal fields become. */
export const ERASED: Record<PersonalField, null> = Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, null])) as Record<PersonalField, null>;

/** Complaints that finished before this instant are past retention. */
export function retentionCutoff(now: Date, days: number): Date {
  if (!Number.isFinite(days) || days < 1) throw new RangeError(`a retention period must be at least one day, not ${days}`);
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * The query for complaints past retention (Strapi's where syntax): in a final state since before
 * `cutoff`, measured from resolvedAt, else (rejected, referred and duplicate cases are never
 * resolved) from the last change.
 */
export const pastRetention = (cutoff: Date) => ({
  state: { $in: FINAL_STATES },
  $or: [{ resolvedAt: { $lt: cutoff } }, { resolvedAt: { $null: true }, updatedAt: { $lt: cutoff } }],
});

/** Complaints that still hold something to erase: a personal field, or a photo. */
export const holdsPersonalData = () => ({
  $or: [...PERSONAL_FIELDS.map((f) => ({ [f]: { $notNull: true } })), { photos: { id: { $notNull: true } } }],
});

/** The same rules for one record already read: is it past retention at `now`? */
export function isPastRetention(c: { state: string; resolvedAt?: string | Date | null; updatedAt?: string | Date | null }, now: Date, days: number): boolean {
  if (!(FINAL_STATES as string[]).includes(c.state)) return false;
  const since = c.resolvedAt ?? c.updatedAt;
  return Boolean(since) && new Date(since as string | Date).getTime() < retentionCutoff(now, days).getTime();
}

/** True when a record still holds a personal field (null and '' hold nothing). */
export const hasPersonalFields = (c: Record<string, unknown>): boolean => PERSONAL_FIELDS.some((f) => c[f] !== null && c[f] !== undefined && c[f] !== '');
