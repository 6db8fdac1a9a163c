/**
 * A workflow as data: its states, who may move a case between them, and when a reason is required.
 * No Strapi import and no case type of its own: each case type registered with the engine brings
 * its definition (complaints, e-service requests, …), and these rules are unit tested on their own.
 */
export type Actor = 'staff' | 'citizen' | 'system';

/** A text in both languages the platform speaks; the reader's language picks one. */
export interface Label {
  th: string;
  en: string;
}

/** How a state or an action is shown: colours of the admin's badges and buttons. */
export type StateTone = 'neutral' | 'primary' | 'secondary' | 'success' | 'warning' | 'alternative';
export type ActionTone = 'default' | 'secondary' | 'tertiary' | 'danger-light';

export interface StateDefinition {
  key: string;
  label: Label;
  /** What citizens and Open311 clients see: many staff states, two public meanings. */
  meaning: 'open' | 'closed';
  tone?: StateTone;
}

export interface TransitionDefinition {
  action: string;
  label: Label;
  from: readonly string[];
  to: string;
  who: readonly Actor[];
  reasonRequired: boolean;
  tone?: ActionTone;
}

export interface WorkflowDefinition {
  states: readonly StateDefinition[];
  transitions: readonly TransitionDefinition[];
  /** The state every new case starts in. */
  initialState: string;
  /** Moving into one of these stamps `resolvedAt`; moving from a closed meaning back to an open one clears it. */
  resolvedStates: readonly string[];
}

export interface Refusal {
  ok: false;
  code: 'unknown_action' | 'invalid_transition' | 'not_allowed' | 'reason_required';
  message: Label;
}

export type Decision = { ok: true; transition: TransitionDefinition } | Refusal;

/** Checks a definition once, at registration: a typo in a table must stop the start, not a click. */
export function checkDefinition(def: WorkflowDefinition): string[] {
  const keys = new Set(def.states.map((s) => s.key));
  const problems: string[] = [];
  if (keys.size !== def.states.length) problems.push('two states share a key');
  if (!keys.has(def.initialState)) problems.push(`initial state "${def.initialState}" is not a state`);
  for (const s of def.resolvedStates) if (!keys.has(s)) problems.push(`resolved state "${s}" is not a state`);
  for (const t of def.transitions) {
    for (const s of [...t.from, t.to]) if (!keys.has(s)) problems.push(`action "${t.action}" names unknown state "${s}"`);
  }
  return problems;
}

export const stateKeys = (def: WorkflowDefinition): string[] => def.states.map((s) => s.key);

export const isState = (def: WorkflowDefinition, value: unknown): value is string => typeof value === 'string' && def.states.some((s) => s.key === value);

export const stateOf = (def: WorkflowDefinition, key: string): StateDefinition | undefined => def.states.find((s) => s.key === key);

/** The public meaning of a state; an unknown state counts as open, so it is never hidden as done. */
export const meaningOf = (def: WorkflowDefinition, state: string): 'open' | 'closed' => stateOf(def, state)?.meaning ?? 'open';

/** States in which the deadline still runs. */
export const activeStates = (def: WorkflowDefinition): string[] => def.states.filter((s) => s.meaning === 'open').map((s) => s.key);

export const isActive = (def: WorkflowDefinition, state: string): boolean => meaningOf(def, state) === 'open';

const labelOf = (def: WorkflowDefinition, state: string): Label => stateOf(def, state)?.label ?? { th: state, en: state };

export function decide(def: WorkflowDefinition, current: string, action: string, actor: Actor, reason?: string | null): Decision {
  const candidates = def.transitions.filter((t) => t.action === action);
  if (candidates.length === 0) {
    return { ok: false, code: 'unknown_action', message: { th: `ไม่รู้จักการดำเนินการ "${action}"`, en: `Unknown action "${action}"` } };
  }
  const t = candidates.find((c) => c.from.includes(current));
  if (!t) {
    const label = candidates[0].label;
    const state = labelOf(def, current);
    return {
      ok: false,
      code: 'invalid_transition',
      message: { th: `ไม่สามารถ${label.th}เรื่องที่อยู่ในสถานะ "${state.th}" ได้`, en: `Cannot ${label.en.toLowerCase()} a case that is "${state.en}"` },
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
export const allowedActions = (def: WorkflowDefinition, current: string, actor: Actor): string[] =>
  def.transitions.filter((t) => t.from.includes(current) && t.who.includes(actor)).map((t) => t.action);

/** What a state change does to the engine's dates besides `state`. */
export function stamps(def: WorkflowDefinition, from: string, to: string, now: Date): Record<string, Date | null> {
  if (def.resolvedStates.includes(to)) return { resolvedAt: now };
  if (meaningOf(def, from) === 'closed' && meaningOf(def, to) === 'open') return { resolvedAt: null, overdueNotifiedAt: null };
  return {};
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A due date in calendar days from receipt. */
export const dueDate = (receivedAt: Date, deadlineDays: number): Date => new Date(receivedAt.getTime() + deadlineDays * DAY_MS);

export const isOverdue = (def: WorkflowDefinition, state: string, dueAt: Date | null | undefined, now: Date = new Date()): boolean =>
  Boolean(dueAt) && isActive(def, state) && now.getTime() > (dueAt as Date).getTime();
