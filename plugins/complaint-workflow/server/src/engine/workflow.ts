/**
 * The case workflow as data: states, who may move a case between them, and when a reason is
 * required. No Strapi import: the engine adapts this to any content type registered with it, and
 * these rules are unit tested on their own.
 */
export const STATES = ['received', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'referred', 'duplicate', 'reopened'] as const;
export type State = (typeof STATES)[number];

export type Actor = 'staff' | 'citizen' | 'system';

export const ACTIONS = ['accept', 'start', 'resolve', 'close', 'reject', 'refer', 'mark_duplicate', 'reopen'] as const;
export type Action = (typeof ACTIONS)[number];

export interface Transition {
  action: Action;
  from: readonly State[];
  to: State;
  who: readonly Actor[];
  reasonRequired: boolean;
}

const OPEN_WORK: readonly State[] = ['received', 'accepted', 'in_progress', 'reopened'];

export const TRANSITIONS: readonly Transition[] = [
  { action: 'accept', from: ['received', 'reopened'], to: 'accepted', who: ['staff'], reasonRequired: false },
  { action: 'start', from: ['accepted', 'reopened'], to: 'in_progress', who: ['staff'], reasonRequired: false },
  { action: 'resolve', from: ['accepted', 'in_progress', 'reopened'], to: 'resolved', who: ['staff'], reasonRequired: true },
  { action: 'close', from: ['resolved'], to: 'closed', who: ['staff', 'system'], reasonRequired: false },
  { action: 'reject', from: OPEN_WORK, to: 'rejected', who: ['staff'], reasonRequired: true },
  { action: 'refer', from: OPEN_WORK, to: 'referred', who: ['staff'], reasonRequired: true },
  { action: 'mark_duplicate', from: OPEN_WORK, to: 'duplicate', who: ['staff'], reasonRequired: true },
  { action: 'reopen', from: ['resolved', 'closed', 'rejected'], to: 'reopened', who: ['staff', 'citizen'], reasonRequired: true },
];

/** What citizens and Open311 clients see: many staff states, two public meanings. */
export const PUBLIC_STATUS: Record<State, 'open' | 'closed'> = {
  received: 'open',
  accepted: 'open',
  in_progress: 'open',
  reopened: 'open',
  resolved: 'closed',
  closed: 'closed',
  rejected: 'closed',
  referred: 'closed',
  duplicate: 'closed',
};

/** States in which the deadline still runs. */
export const isActive = (state: State): boolean => PUBLIC_STATUS[state] === 'open';

export interface Refusal {
  ok: false;
  code: 'unknown_action' | 'invalid_transition' | 'not_allowed' | 'reason_required';
  message: { th: string; en: string };
}

export type Decision = { ok: true; transition: Transition } | Refusal;

export function decide(current: State, action: string, actor: Actor, reason?: string | null): Decision {
  const candidates = TRANSITIONS.filter((t) => t.action === action);
  if (candidates.length === 0) {
    return { ok: false, code: 'unknown_action', message: { th: `ไม่รู้จักการดำเนินการ "${action}"`, en: `Unknown action "${action}"` } };
  }
  const t = candidates.find((c) => c.from.includes(current));
  if (!t) {
    return {
      ok: false,
      code: 'invalid_transition',
      message: { th: `ไม่สามารถ${action}เรื่องที่อยู่ในสถานะ ${current} ได้`, en: `Cannot ${action} a case that is ${current}` },
    };
  }
  if (!t.who.includes(actor)) {
    return { ok: false, code: 'not_allowed', message: { th: 'คุณไม่มีสิทธิ์ดำเนินการนี้', en: `A ${actor} may not ${action} a case` } };
  }
  if (t.reasonRequired && !(reason && reason.trim())) {
    return { ok: false, code: 'reason_required', message: { th: 'กรุณาระบุเหตุผล', en: 'A reason is required' } };
  }
  return { ok: true, transition: t };
}

/** The actions an actor may take on a case in this state: the buttons a case page shows. */
export const allowedActions = (current: State, actor: Actor): Action[] =>
  TRANSITIONS.filter((t) => t.from.includes(current) && t.who.includes(actor)).map((t) => t.action);

const DAY_MS = 24 * 60 * 60 * 1000;

/** The due date: the category's deadline in calendar days from receipt. */
export const dueDate = (receivedAt: Date, deadlineDays: number): Date => new Date(receivedAt.getTime() + deadlineDays * DAY_MS);

export const isOverdue = (state: State, dueAt: Date | null | undefined, now: Date = new Date()): boolean =>
  Boolean(dueAt) && isActive(state) && now.getTime() > (dueAt as Date).getTime();
