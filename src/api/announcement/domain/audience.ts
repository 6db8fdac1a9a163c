import { ACCOUNT_GROUPS, type NotifyChannel } from '../../../shared/account';

/** An account as the delivery of a notice reads it. */
export interface Recipient {
  id: number;
  email?: string | null;
  village?: number | null;
  groups?: unknown;
  notifyBy?: string | null;
  lineUserId?: string | null;
  language?: string | null;
}

/** An announcement as its delivery reads it. */
export interface AudienceOf {
  audience: string;
  village?: number | null;
}

/** The groups an account chose, as stored (a JSON array; anything else is none). */
export const groupsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : []);

/**
 * Whether an announcement is for this person: everyone; the people of its village (none when the
 * announcement names no village); or the people who said they belong to its group.
 */
export function reaches(a: AudienceOf, r: Recipient): boolean {
  if (a.audience === 'everyone') return true;
  if (a.audience === 'village') return a.village != null && r.village === a.village;
  return (ACCOUNT_GROUPS as readonly string[]).includes(a.audience) && groupsOf(r.groups).includes(a.audience);
}

/** Where a message to this person goes now: LINE only when linked, e-mail when they have one, else nowhere. */
export function addressOf(r: Recipient): { channel: Exclude<NotifyChannel, 'none'>; to: string } | null {
  if (r.notifyBy === 'none') return null;
  if (r.notifyBy === 'line') return r.lineUserId ? { channel: 'line', to: r.lineUserId } : r.email ? { channel: 'email', to: r.email } : null;
  return r.email ? { channel: 'email', to: r.email } : null;
}

/** Whether a message to this address is among those already queued (e-mail compared without case). */
export const alreadyTold = (queued: Array<{ channel: string; to: string }>, address: { channel: string; to: string }) =>
  queued.some((n) => n.channel === address.channel && (address.channel === 'email' ? n.to.trim().toLowerCase() === address.to.trim().toLowerCase() : n.to === address.to));
