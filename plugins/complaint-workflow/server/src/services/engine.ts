import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { activeStates, allowedActions, checkDefinition, decide, isOverdue, isState, stamps, stateKeys } from '../engine/workflow';
import { newTrackingCode } from '../engine/tracking-code';
import type { ActorRef, AdminUser, CaseRecord, CaseTypeRegistration, CaseUpload, Happening, Notice } from '../types';

import { PLUGIN } from '../plugin-id';
import type { OutboxService } from './outbox';
import { inTransaction } from '../transaction';
import { fieldRefused, notFound, refused } from '../errors';
import { assignBody, checked, messageText, reasonText } from '../engine/inputs';

export { PLUGIN };

/** Fields only the engine writes: a change from anywhere else is refused (see the guard below). */
export const ENGINE_FIELDS = ['state', 'dueAt', 'resolvedAt', 'overdueNotifiedAt'] as const;

/** Set while the engine itself writes a case, so the Document Service guard lets it through. */
export const engineScope = new AsyncLocalStorage<true>();

/** A case changed by someone else between reading it and changing it: 409, reload and try again. */
export class ConflictError extends errors.ApplicationError<'ConflictError'> {
  constructor(message: string, details?: unknown) {
    super(message, details);
    this.name = 'ConflictError';
  }
}

const ACTOR_FIELDS = ['id', 'firstname', 'lastname', 'email'];
/** An assignee is also written to, in their admin language. */
const ASSIGNEE_FIELDS = [...ACTOR_FIELDS, 'preferedLanguage'];
const fieldError = (path: string, code: string, th: string, en: string) => fieldRefused([path], code, { th, en });

/** Text a command was given, by the same rules its route validates with (engine/inputs.ts). */
const message = (value: unknown, path: string, required: boolean): string | undefined =>
  required ? checked(messageText, value, path) : (checked(reasonText, value === '' ? undefined : value, path) ?? undefined);

/** Messages another feature adds to a case's happening, given the ones already queued for it. */
export type NoticeSource = (record: CaseRecord, what: Happening, queued: Notice[]) => Promise<Notice[]>;

type CommandResult<T> = { result: T; event: Record<string, unknown>; happening?: Happening };

const engine = ({ strapi }: { strapi: Core.Strapi }) => {
  const types = new Map<string, CaseTypeRegistration>();
  type Listener = (record: CaseRecord, from: string, to: string) => Promise<void>;
  const listeners = new Map<string, Listener[]>();
  const noticeSources = new Map<string, NoticeSource[]>();
  const outbox = () => strapi.plugin(PLUGIN).service<OutboxService>('outbox');
  const db = (t: CaseTypeRegistration) => strapi.db.query(t.uid);

  const typeOf = (key: string): CaseTypeRegistration => {
    const t = types.get(key);
    if (!t) throw notFound('unknown_case_type', { th: `ไม่รู้จักประเภทเรื่อง "${key}"`, en: `Unknown case type "${key}"` });
    return t;
  };

  const publicUrl = () => String(strapi.plugin(PLUGIN).config('publicUrl')).replace(/\/+$/, '');
  const links = (key: string, id: number) => ({
    caseUrl: `${publicUrl()}/admin/plugins/${PLUGIN}/cases/${id}?type=${encodeURIComponent(key)}`,
    inboxUrl: `${publicUrl()}/admin/plugins/${PLUGIN}?type=${encodeURIComponent(key)}`,
  });

  const load = async (t: CaseTypeRegistration, id: number): Promise<CaseRecord> => {
    const record = (await db(t).findOne({ where: { id }, populate: { ...(t.populate ?? {}), assignee: { select: ASSIGNEE_FIELDS } } })) as CaseRecord | null;
    if (!record) throw notFound('not_found', { th: 'ไม่พบเรื่องนี้', en: 'No such case' });
    return record;
  };

  /** The workflow a case follows: its variant's, else its type's. */
  const workflowFor = (t: CaseTypeRegistration, record: CaseRecord) => {
    const name = t.variantOf?.(record);
    return (name && t.variants?.[name]) || t.workflow;
  };

  /** The type's own messages, then what other features add (each sees the list so far, to add no repeat). */
  const noticesFor = async (key: string, t: CaseTypeRegistration, record: CaseRecord, what: Happening): Promise<Notice[]> => {
    const notices = t.notices ? t.notices(record, what, links(key, record.id)) : [];
    for (const source of noticeSources.get(key) ?? []) notices.push(...(await source(record, what, [...notices])));
    return notices;
  };

  /**
   * One command: change, event and messages are written in one transaction; the messages are sent
   * after commit by the outbox, so a failing mail server never loses a change.
   */
  async function command<T>(key: string, id: number, fn: (record: CaseRecord) => Promise<CommandResult<T>>, actor: ActorRef): Promise<T> {
    const t = typeOf(key);
    return engineScope.run(true, () =>
      inTransaction(strapi, async ({ onCommit }) => {
        const record = await load(t, id);
        const { result, event, happening } = await fn(record);
        await strapi.db.query(t.eventUid).create({
          data: { [t.eventRelation]: id, actorType: actor.type, actor: actor.user?.id ?? null, at: new Date(), isPublic: false, ...event },
        });
        if (happening) await outbox().enqueue(await noticesFor(key, t, await load(t, id), happening), { caseType: key, caseId: id });
        onCommit(() => outbox().kick());
        return result;
      })
    );
  }

  async function uniqueTrackingCode(t: CaseTypeRegistration, at: Date): Promise<string> {
    let code = newTrackingCode(at, t.trackingPrefix);
    // 30^5 codes a month: a clash is rare, but the unique index must never turn it into a 500.
    for (let i = 0; i < 5 && (await db(t).count({ where: { trackingCode: code } })) > 0; i++) code = newTrackingCode(at, t.trackingPrefix);
    return code;
  }

  return {
    register(registration: CaseTypeRegistration) {
      const problems = checkDefinition(registration.workflow);
      const states = new Set(registration.workflow.states.map((s) => s.key));
      const actions = new Set(registration.workflow.transitions.map((t) => t.action));
      for (const [name, variant] of Object.entries(registration.variants ?? {})) {
        problems.push(...checkDefinition(variant).map((p) => `variant "${name}": ${p}`));
        for (const s of variant.states) if (!states.has(s.key)) problems.push(`variant "${name}": state "${s.key}" is not the type's`);
        for (const t of variant.transitions) if (!actions.has(t.action)) problems.push(`variant "${name}": action "${t.action}" is not the type's`);
      }
      if (problems.length) throw new Error(`[${PLUGIN}] case type "${registration.key}": ${problems.join('; ')}`);
      types.set(registration.key, registration);
    },

    type: typeOf,

    /**
     * Another feature follows this type's state changes (e.g. a pole follows its fault report). The
     * listener runs inside the change's transaction: if it fails, nothing changes.
     */
    onTransition(key: string, listener: Listener) {
      typeOf(key);
      listeners.set(key, [...(listeners.get(key) ?? []), listener]);
    },

    /**
     * Another feature adds messages to a type's happenings (e.g. to the citizen's account by the
     * channel they chose). Runs inside the change's transaction with the type's messages so far, so
     * it can leave out an address already told; what it answers is queued with them.
     */
    onNotices(key: string, source: NoticeSource) {
      typeOf(key);
      noticeSources.set(key, [...(noticeSources.get(key) ?? []), source]);
    },

    /** Every registered type, in the order they were registered (the first is the inbox's default). */
    types(): CaseTypeRegistration[] {
      return [...types.values()];
    },

    /** The registered type stored in this content type, if any (the Document Service guard asks). */
    typeByUid(uid: string): CaseTypeRegistration | undefined {
      return [...types.values()].find((t) => t.uid === uid);
    },

    links,

    /**
     * A new case: its tracking code, initial state, receipt and due date are the engine's; the first
     * event and its messages are written in the same transaction (the caller's, when there is one).
     */
    async create(key: string, data: Record<string, unknown>, actor: ActorRef, receivedAt: Date = new Date()): Promise<CaseRecord> {
      const t = typeOf(key);
      const dueAt = t.deadline ? await t.deadline(data, receivedAt) : null;
      return engineScope.run(true, () =>
        inTransaction(strapi, async ({ onCommit }) => {
          const trackingCode = await uniqueTrackingCode(t, receivedAt);
          // The engine's own fields win over anything the caller put in `data`.
          const fields: Record<string, unknown> = { ...data, trackingCode, state: t.workflow.initialState, receivedAt, dueAt, resolvedAt: null, overdueNotifiedAt: null };
          // The registered uid is only known at run time, so the Document Service cannot type its fields.
          const documents = strapi.documents(t.uid) as unknown as { create: (p: { data: Record<string, unknown> }) => Promise<{ id: number }> };
          const created = await documents.create({ data: fields });
          const id = created.id;
          await strapi.db.query(t.eventUid).create({
            data: { [t.eventRelation]: id, kind: 'created', toState: t.workflow.initialState, isPublic: true, actorType: actor.type, actor: actor.user?.id ?? null, at: receivedAt },
          });
          const record = await load(t, id);
          await outbox().enqueue(await noticesFor(key, t, record, { kind: 'created' }), { caseType: key, caseId: id });
          onCommit(() => outbox().kick());
          return record;
        })
      );
    },

    /**
     * Moves a case along its type's workflow. `expectedState` is the state the officer saw: if the
     * case moved meanwhile the answer is a 409, never a silent change of something they did not see.
     */
    async transition(key: string, id: number, action: string, actor: ActorRef, input: { reason?: unknown; expectedState?: unknown } = {}) {
      const t = typeOf(key);
      const reason = message(input.reason, 'reason', false);
      if (input.expectedState !== undefined && input.expectedState !== null && !isState(t.workflow, input.expectedState)) {
        throw fieldError('expectedState', 'invalid_choice', 'สถานะที่ส่งมาไม่ถูกต้อง', 'expectedState is not a state of this case type');
      }
      return command(
        key,
        id,
        async (record) => {
          const conflict = () =>
            new ConflictError('เรื่องนี้ถูกเปลี่ยนสถานะไปแล้ว กรุณาโหลดใหม่', { code: 'conflict', state: record.state, messages: { th: 'เรื่องนี้ถูกเปลี่ยนสถานะไปแล้ว กรุณาโหลดใหม่', en: 'The case changed meanwhile: reload it' } });
          if (typeof input.expectedState === 'string' && input.expectedState !== record.state) throw conflict();
          const decision = decide(workflowFor(t, record), record.state, action, actor.type, reason);
          if (!decision.ok) {
            const path = decision.code === 'reason_required' ? 'reason' : 'action';
            throw refused(decision.code, decision.message, [{ path: [path], code: decision.code, messages: decision.message }]);
          }
          const to = decision.transition.to;
          await t.beforeTransition?.(record, { from: record.state, to, action, actor });
          const patch = { state: to, ...stamps(t.workflow, record.state, to, new Date()) };
          // Only if nobody moved the case meanwhile: two officers clicking at once get one change.
          const { count } = await db(t).updateMany({ where: { id, state: record.state }, data: patch });
          if (count !== 1) throw conflict();
          await t.afterTransition?.(record, record.state, to, actor);
          for (const listen of listeners.get(key) ?? []) await listen(record, record.state, to);
          return {
            result: { from: record.state, to },
            event: { kind: 'transition', action, fromState: record.state, toState: to, message: reason ?? null, isPublic: true },
            happening: { kind: 'transition', from: record.state, to, reason, actor: actor.type },
          };
        },
        actor
      );
    },

    async reply(key: string, id: number, actor: ActorRef, text: unknown) {
      const body = message(text, 'message', true)!;
      return command(key, id, () => Promise.resolve({ result: true, event: { kind: 'public_reply', message: body, isPublic: true }, happening: { kind: 'public_reply' as const, message: body } }), actor);
    },

    /** A citizen adds to their open case (e.g. a further chat message): staff see it in the history. */
    async citizenMessage(key: string, id: number, text: unknown) {
      const body = message(text, 'message', true)!;
      return command(key, id, () => Promise.resolve({ result: true, event: { kind: 'citizen_message', message: body, isPublic: false } }), { type: 'citizen' });
    },

    /**
     * Staff attach photos to a case (the type checks and keeps them); the history says how many, for
     * staff only. Answers how many were stored.
     */
    async addPhotos(key: string, id: number, actor: ActorRef, files: CaseUpload[], language: 'th' | 'en' = 'th') {
      const t = typeOf(key);
      if (!t.addPhotos) throw notFound('no_photos', { th: 'เรื่องประเภทนี้แนบภาพไม่ได้', en: 'This case type takes no photos' });
      const add = t.addPhotos;
      return command(
        key,
        id,
        async () => {
          const count = await add(id, files, language);
          return { result: count, event: { kind: 'photos_added', message: String(count), isPublic: false } };
        },
        actor
      );
    },

    async note(key: string, id: number, actor: ActorRef, text: unknown) {
      const body = message(text, 'message', true)!;
      return command(key, id, () => Promise.resolve({ result: true, event: { kind: 'internal_note', message: body, isPublic: false } }), actor);
    },

    async assign(key: string, id: number, actor: ActorRef, assigneeId: unknown) {
      const t = typeOf(key);
      checked(assignBody.shape.assignee, assigneeId, 'assignee');
      const assignee = assigneeId
        ? ((await strapi.db.query('admin::user').findOne({ where: { id: assigneeId, isActive: true }, select: ASSIGNEE_FIELDS })) as AdminUser | null)
        : null;
      if (assigneeId && !assignee) throw fieldError('assignee', 'not_found', 'ไม่พบเจ้าหน้าที่คนนี้', 'No active staff member has this id');
      return command(
        key,
        id,
        async () => {
          await db(t).update({ where: { id }, data: { assignee: assignee?.id ?? null, overdueNotifiedAt: null } });
          const name = assignee ? `${assignee.firstname ?? ''} ${assignee.lastname ?? ''}`.trim() : '-';
          return {
            result: assignee,
            event: { kind: 'assignment', message: name },
            happening: assignee ? ({ kind: 'assignment', assignee } as const) : undefined,
          };
        },
        actor
      );
    },

    /**
     * The end of a case's retention: `erase` removes what the type keeps of the person (contact
     * details, photos…) inside one transaction with one history event saying so, by the system.
     * `erase` answers false when nothing was left to remove: then nothing is written, so running
     * it again changes nothing.
     */
    async erasePersonalData(key: string, id: number, erase: (record: CaseRecord) => Promise<boolean>): Promise<boolean> {
      const t = typeOf(key);
      return engineScope.run(true, () =>
        inTransaction(strapi, async () => {
          const record = await load(t, id);
          if (!(await erase(record))) return false;
          await strapi.db.query(t.eventUid).create({
            data: { [t.eventRelation]: id, kind: 'personal_data_erased', actorType: 'system', actor: null, at: new Date(), isPublic: false, message: null },
          });
          return true;
        })
      );
    },

    /** Sends a refused message of the case again (staff, from the case page). */
    async retryDelivery(key: string, id: number, messageId: number) {
      await load(typeOf(key), id);
      if (!(await outbox().retry({ caseType: key, caseId: id }, messageId))) {
        throw notFound('not_found', { th: 'ไม่พบข้อความที่รอส่งนี้', en: 'No such message waiting to be sent' });
      }
    },

    /** Cases past their due date that nobody was told about yet: tell the assignee, once. */
    async notifyOverdue(now: Date = new Date()) {
      let told = 0;
      for (const [key, t] of types) {
        const late = (await db(t).findMany({
          where: { state: { $in: activeStates(t.workflow) }, dueAt: { $lt: now }, overdueNotifiedAt: { $null: true } },
          select: ['id'],
          limit: 500,
        })) as Array<{ id: number }>;
        for (const { id } of late) {
          await engineScope.run(true, () =>
            inTransaction(strapi, async ({ onCommit }) => {
              const record = await load(t, id);
              const { count } = await db(t).updateMany({ where: { id, overdueNotifiedAt: { $null: true } }, data: { overdueNotifiedAt: now } });
              if (count !== 1) return;
              await outbox().enqueue(await noticesFor(key, t, record, { kind: 'overdue', assignee: record.assignee }), { caseType: key, caseId: id });
              onCommit(() => outbox().kick());
              told += 1;
            })
          );
        }
      }
      return told;
    },

    /** The inbox: one page of cases with the filters applied, and counts by state for the tabs. */
    async list(key: string, query: Record<string, unknown>, me: AdminUser) {
      const t = typeOf(key);
      const now = new Date();
      const str = (k: string) => { const v = query[k]; return typeof v === 'string' ? v : undefined; };
      const base: Record<string, unknown>[] = [t.where ? t.where(query) : {}];
      const assignee = str('assignee');
      if (assignee === 'me') base.push({ assignee: { id: me.id } });
      else if (assignee === 'none') base.push({ assignee: { id: { $null: true } } });
      else if (assignee && /^\d+$/.test(assignee)) base.push({ assignee: { id: Number(assignee) } });
      const overdueWhere = { state: { $in: activeStates(t.workflow) }, dueAt: { $lt: now } };
      if (str('overdue') === 'true') base.push(overdueWhere);
      const where = (extra: Record<string, unknown> = {}) => ({ $and: [...base, extra] });

      const states = stateKeys(t.workflow);
      const state = isState(t.workflow, str('state')) ? str('state') : undefined;
      const pageSize = Math.min(100, Math.max(1, Number(str('pageSize')) || 25));
      const page = Math.max(1, Number(str('page')) || 1);
      const filtered = where(state ? { state } : {});
      const [results, total, all, overdue, ...byState] = await Promise.all([
        db(t).findMany({
          where: filtered,
          populate: { ...(t.populate ?? {}), assignee: { select: ACTOR_FIELDS } },
          orderBy: [{ dueAt: 'asc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }) as Promise<CaseRecord[]>,
        db(t).count({ where: filtered }),
        db(t).count({ where: where() }),
        db(t).count({ where: where(overdueWhere) }),
        ...states.map((s) => db(t).count({ where: where({ state: s }) })),
      ]);
      return {
        results: results.map((r) => ({ ...r, overdue: isOverdue(t.workflow, r.state, r.dueAt ? new Date(r.dueAt) : null, now) })),
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
        counts: { all, overdue, byState: Object.fromEntries(states.map((s, i) => [s, byState[i]])) },
      };
    },

    /** The case page: the record, its whole history with who acted, and the buttons allowed now. */
    async get(key: string, id: number) {
      const t = typeOf(key);
      const record = await load(t, id);
      const events = await strapi.db.query(t.eventUid).findMany({
        where: { [t.eventRelation]: { id } },
        populate: { actor: { select: ACTOR_FIELDS } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      });
      return {
        ...record,
        ...((await t.detail?.(record)) ?? {}),
        events,
        deliveries: await outbox().deliveries({ caseType: key, caseId: id }),
        overdue: isOverdue(t.workflow, record.state, record.dueAt ? new Date(record.dueAt) : null),
        allowedActions: allowedActions(workflowFor(t, record), record.state, 'staff'),
      };
    },
  };
};

export type CaseEngine = ReturnType<typeof engine>;
export default engine;
