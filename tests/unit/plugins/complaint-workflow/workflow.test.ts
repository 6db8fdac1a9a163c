import { allowedActions as allowed, checkDefinition, decide as decideIn, dueDate, isOverdue as overdueIn, stamps, type Actor } from '../../../../plugins/complaint-workflow/server/src/engine/workflow';
import { COMPLAINT_WORKFLOW as W, PUBLIC_STATUS } from '../../../../src/api/complaint/workflow';
import { E_SERVICE_WORKFLOW } from '../../../../src/api/e-form-submission/workflow';

const STATES = W.states.map((s) => s.key);
const TRANSITIONS = W.transitions;
const ACTIONS = [...new Set(TRANSITIONS.map((t) => t.action))];
const decide = (state: string, action: string, actor: Actor, reason?: string) => decideIn(W, state, action, actor, reason);
const allowedActions = (state: string, actor: Actor) => allowed(W, state, actor);
const isOverdue = (state: string, due: Date | null, now: Date) => overdueIn(W, state, due, now);

describe('complaint workflow table', () => {
  it('walks the happy path received → accepted → in_progress → resolved → closed', () => {
    let state = 'received';
    for (const [action, reason, to] of [
      ['accept', undefined, 'accepted'],
      ['start', undefined, 'in_progress'],
      ['resolve', 'ซ่อมไฟเรียบร้อย', 'resolved'],
      ['close', undefined, 'closed'],
    ] as const) {
      const d = decide(state, action, 'staff', reason);
      expect(d).toMatchObject({ ok: true, transition: { to } });
      if (d.ok) state = d.transition.to;
    }
    expect(state).toBe('closed');
  });

  it('refuses a transition the table does not allow', () => {
    expect(decide('received', 'resolve', 'staff', 'x')).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(decide('closed', 'accept', 'staff')).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(decide('received', 'explode', 'staff')).toMatchObject({ ok: false, code: 'unknown_action' });
  });

  it('requires a reason where the table says so, in Thai and English', () => {
    const d = decide('accepted', 'reject', 'staff', '   ');
    expect(d).toMatchObject({ ok: false, code: 'reason_required', message: { th: 'กรุณาระบุเหตุผล', en: 'A reason is required' } });
    expect(decide('accepted', 'reject', 'staff', 'ไม่อยู่ในเขตเทศบาล').ok).toBe(true);
  });

  it('lets citizens only reopen, and only with a reason', () => {
    expect(decide('received', 'accept', 'citizen')).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(decide('resolved', 'reopen', 'citizen', 'ไฟยังดับอยู่')).toMatchObject({ ok: true, transition: { to: 'reopened' } });
    expect(allowedActions('resolved', 'citizen')).toEqual(['reopen']);
    expect(allowedActions('received', 'staff')).toEqual(['accept', 'reject', 'refer', 'mark_duplicate']);
  });

  it('maps every state to a public meaning and every action to a transition', () => {
    for (const s of STATES) expect(['open', 'closed']).toContain(PUBLIC_STATUS[s as keyof typeof PUBLIC_STATUS]);
    for (const a of ACTIONS) expect(TRANSITIONS.some((t) => t.action === a)).toBe(true);
    for (const t of TRANSITIONS) for (const s of [...t.from, t.to]) expect(STATES).toContain(s);
  });

  it('counts the deadline in days and is overdue only while the case is open', () => {
    const received = new Date('2026-11-01T09:00:00+07:00');
    const due = dueDate(received, 15);
    expect(due.toISOString()).toBe('2026-11-16T02:00:00.000Z');
    const after = new Date('2026-11-17T00:00:00+07:00');
    expect(isOverdue('in_progress', due, after)).toBe(true);
    expect(isOverdue('resolved', due, after)).toBe(false);
    expect(isOverdue('in_progress', due, new Date('2026-11-10T00:00:00+07:00'))).toBe(false);
    expect(isOverdue('received', null, after)).toBe(false);
  });
});

describe('workflow definitions', () => {
  it('are consistent: every state named by a transition exists, and the initial state too', () => {
    expect(checkDefinition(W)).toEqual([]);
    expect(checkDefinition(E_SERVICE_WORKFLOW)).toEqual([]);
    expect(checkDefinition({ ...W, initialState: 'nowhere' })).toEqual(['initial state "nowhere" is not a state']);
    expect(checkDefinition({ ...W, transitions: [{ ...W.transitions[0], to: 'limbo' }] })).toEqual(['action "accept" names unknown state "limbo"']);
  });

  it('stamps resolvedAt on entering a resolved state and clears it on reopening', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(stamps(W, 'in_progress', 'resolved', now)).toEqual({ resolvedAt: now });
    expect(stamps(W, 'resolved', 'closed', now)).toEqual({});
    expect(stamps(W, 'resolved', 'reopened', now)).toEqual({ resolvedAt: null, overdueNotifiedAt: null });
    expect(stamps(W, 'received', 'accepted', now)).toEqual({});
  });

  it('gives the e-service request its own path: received, checking, waiting for documents, approved, done', () => {
    let state = E_SERVICE_WORKFLOW.initialState;
    for (const [action, reason, to] of [
      ['check', undefined, 'checking'],
      ['request_documents', 'สำเนาบัตรประชาชน', 'waiting_documents'],
      ['documents_received', undefined, 'checking'],
      ['approve', undefined, 'approved'],
      ['complete', undefined, 'done'],
    ] as const) {
      const d = decideIn(E_SERVICE_WORKFLOW, state, action, 'staff', reason);
      expect(d).toMatchObject({ ok: true, transition: { to } });
      if (d.ok) state = d.transition.to;
    }
    expect(decideIn(E_SERVICE_WORKFLOW, 'checking', 'refuse', 'staff')).toMatchObject({ ok: false, code: 'reason_required' });
    // A complaint's action means nothing to an e-service request.
    expect(decideIn(E_SERVICE_WORKFLOW, 'received', 'accept', 'staff')).toMatchObject({ ok: false, code: 'unknown_action' });
  });
});
