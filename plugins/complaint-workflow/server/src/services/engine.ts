import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { allowedActions, decide, isActive, isOverdue, STATES, type Actor, type State } from '../engine/workflow';
import type { Notice } from './outbox';

/**
 * The case engine. It works on any content type registered with it that has the attributes
 * `state`, `dueAt`, `resolvedAt`, `overdueNotifiedAt` and `assignee` (an admin user), plus an event
 * type with a relation back to the case. What a case is about, and what its messages say, comes
 * from the registration: the engine only knows states, events, deadlines and who acts.
 */
export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}

export type Happening =
  | { kind: 'created' }
  | { kind: 'transition'; from: State; to: State; reason?: string }
  | { kind: 'public_reply'; message: string }
  | { kind: 'assignment'; assignee: AdminUser }
  | { kind: 'overdue'; assignee?: AdminUser | null };

export interface CaseType {
  uid: UID.ContentType;
  eventUid: UID.ContentType;
  /** The event's relation attribute that points at the case. */
  eventRelation: string;
  /** What the case page loads besides the engine's own fields. */
  populate?: Record<string, unknown>;
  /** The inbox's filters, from query parameters to a where clause. */
  where?: (query: Record<string, string | undefined>) => Record<string, unknown>;
  /** Choices for the inbox's own filters (e.g. categories), merged into GET /meta. */
  filterOptions?: () => Promise<Record<string, unknown>>;
  /** Runs in the transaction of a state change, after it, e.g. to move a linked record along. */
  afterTransition?: (record: any, from: State, to: State) => Promise<void>;
  /** Messages for what happened; empty when nobody needs telling. */
  notices?: (record: any, what: Happening) => Notice[];
}

export interface ActorRef {
  type: Actor;
  user?: AdminUser | null;
}

const ACTOR_FIELDS = ['id', 'firstname', 'lastname', 'email'];
const MAX_MESSAGE = 5000;

const fieldError = (path: string, th: string, en: string) =>
  new errors.ValidationError(`${th} / ${en}`, { errors: [{ path: [path], message: `${th} / ${en}`, name: 'ValidationError' }] });

function message(value: unknown, path: string, required: boolean): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw fieldError(path, 'กรุณากรอกข้อความ', 'A message is required');
    return undefined;
  }
  if (typeof value !== 'string') throw fieldError(path, 'ข้อความต้องเป็นตัวอักษร', 'The message must be text');
  const trimmed = value.trim();
  if (required && !trimmed) throw fieldError(path, 'กรุณากรอกข้อความ', 'A message is required');
  if ([...trimmed].length > MAX_MESSAGE) throw fieldError(path, `ข้อความยาวเกิน ${MAX_MESSAGE} ตัวอักษร`, `The message is longer than ${MAX_MESSAGE} characters`);
  return trimmed || undefined;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const types = new Map<string, CaseType>();
  const outbox = () => strapi.plugin('complaint-workflow').service('outbox');

  const typeOf = (key: string): CaseType => {
    const t = types.get(key);
    if (!t) throw new errors.NotFoundError(`Unknown case type "${key}"`);
    return t;
  };

  const load = async (t: CaseType, id: number) => {
    const record = await strapi.db.query(t.uid).findOne({ where: { id }, populate: { ...(t.populate ?? {}), assignee: { select: ACTOR_FIELDS } } });
    if (!record) throw new errors.NotFoundError('ไม่พบเรื่องนี้ / No such case');
    return record;
  };

  /**
   * One command: change, event and messages are written in one transaction; the messages are sent
   * after commit by the outbox, so a failing mail server never loses a change.
   */
  async function command<T>(key: string, id: number, fn: (record: any) => Promise<{ result: T; event: Record<string, unknown>; happening?: Happening }>, actor: ActorRef) {
    const t = typeOf(key);
    return strapi.db.transaction(async ({ onCommit }) => {
      const record = await load(t, id);
      const { result, event, happening } = await fn(record);
      await strapi.documents(t.eventUid).create({
        data: { [t.eventRelation]: id, actorType: actor.type, actor: actor.user?.id ?? null, at: new Date(), isPublic: false, ...event } as never,
      });
      if (happening && t.notices) {
        const fresh = await load(t, id);
        await outbox().enqueue(t.notices(fresh, happening), { caseType: key, caseId: id });
      }
      onCommit(() => outbox().kick());
      return result;
    });
  }

  return {
    register(key: string, type: CaseType) {
      types.set(key, type);
    },

    type: typeOf,

    /** The first event of a case, and its messages, inside the transaction that created it. */
    async recordCreated(key: string, record: { id: number }, actor: ActorRef, at: Date = new Date()) {
      const t = typeOf(key);
      // Joins the caller's transaction when there is one; the outbox is kicked after the outer commit.
      await strapi.db.transaction(async ({ onCommit }) => {
        await strapi.documents(t.eventUid).create({
          data: { [t.eventRelation]: record.id, kind: 'created', toState: 'received', isPublic: true, actorType: actor.type, at } as never,
        });
        if (t.notices) await outbox().enqueue(t.notices(await load(t, record.id), { kind: 'created' }), { caseType: key, caseId: record.id });
        onCommit(() => outbox().kick());
      });
    },

    async transition(key: string, id: number, action: string, actor: ActorRef, input: { reason?: unknown } = {}) {
      const t = typeOf(key);
      const reason = message(input.reason, 'reason', false);
      return command(
        key,
        id,
        async (record) => {
          const decision = decide(record.state, action, actor.type, reason);
          if (!decision.ok) {
            const path = decision.code === 'reason_required' ? 'reason' : 'action';
            throw new errors.ValidationError(`${decision.message.th} / ${decision.message.en}`, {
              code: decision.code,
              errors: [{ path: [path], message: `${decision.message.th} / ${decision.message.en}`, name: 'ValidationError' }],
            });
          }
          const to = decision.transition.to;
          const patch: Record<string, unknown> = { state: to };
          if (to === 'resolved') patch.resolvedAt = new Date();
          if (to === 'reopened') Object.assign(patch, { resolvedAt: null, overdueNotifiedAt: null });
          // Only if nobody moved the case meanwhile: two officers clicking at once get one change.
          const { count } = await strapi.db.query(t.uid).updateMany({ where: { id, state: record.state }, data: patch });
          if (count !== 1) throw new errors.ApplicationError('เรื่องนี้ถูกเปลี่ยนสถานะไปแล้ว กรุณาโหลดใหม่ / The case changed meanwhile: reload it');
          await t.afterTransition?.(record, record.state as State, to);
          return {
            result: { from: record.state as State, to },
            event: { kind: 'transition', action, fromState: record.state, toState: to, message: reason ?? null, isPublic: true },
            happening: { kind: 'transition', from: record.state, to, reason },
          };
        },
        actor
      );
    },

    async reply(key: string, id: number, actor: ActorRef, text: unknown) {
      const body = message(text, 'message', true)!;
      return command(key, id, async () => ({ result: true, event: { kind: 'public_reply', message: body, isPublic: true }, happening: { kind: 'public_reply', message: body } }), actor);
    },

    /** A citizen adds to their open case (e.g. a further chat message): staff see it in the history. */
    async citizenMessage(key: string, id: number, text: unknown) {
      const body = message(text, 'message', true)!;
      return command(key, id, async () => ({ result: true, event: { kind: 'citizen_message', message: body, isPublic: false } }), { type: 'citizen' });
    },

    async note(key: string, id: number, actor: ActorRef, text: unknown) {
      const body = message(text, 'message', true)!;
      return command(key, id, async () => ({ result: true, event: { kind: 'internal_note', message: body, isPublic: false } }), actor);
    },

    async assign(key: string, id: number, actor: ActorRef, assigneeId: unknown) {
      const t = typeOf(key);
      if (assigneeId !== null && !(Number.isInteger(assigneeId) && (assigneeId as number) > 0)) {
        throw fieldError('assignee', 'ผู้รับผิดชอบไม่ถูกต้อง', 'The assignee must be a staff member id or null');
      }
      const assignee: AdminUser | null = assigneeId
        ? await strapi.db.query('admin::user').findOne({ where: { id: assigneeId, isActive: true }, select: ACTOR_FIELDS })
        : null;
      if (assigneeId && !assignee) throw fieldError('assignee', 'ไม่พบเจ้าหน้าที่คนนี้', 'No active staff member has this id');
      return command(
        key,
        id,
        async () => {
          await strapi.db.query(t.uid).update({ where: { id }, data: { assignee: assignee?.id ?? null, overdueNotifiedAt: null } });
          const name = assignee ? `${assignee.firstname ?? ''} ${assignee.lastname ?? ''}`.trim() : '-';
          return {
            result: assignee,
            event: { kind: 'assignment', message: name },
            happening: assignee ? { kind: 'assignment', assignee } : undefined,
          };
        },
        actor
      );
    },

    /** Sends a refused message of the case again (staff, from the case page). */
    async retryDelivery(key: string, id: number, messageId: number) {
      await load(typeOf(key), id);
      if (!(await outbox().retry({ caseType: key, caseId: id }, messageId))) {
        throw new errors.NotFoundError('ไม่พบข้อความที่รอส่งนี้ / No such message waiting to be sent');
      }
    },

    /** Cases past their due date that nobody was told about yet: tell the assignee, once. */
    async notifyOverdue(now: Date = new Date()) {
      let told = 0;
      for (const [key, t] of types) {
        const late = await strapi.db.query(t.uid).findMany({
          where: { state: { $in: STATES.filter(isActive) }, dueAt: { $lt: now }, overdueNotifiedAt: { $null: true } },
          select: ['id'],
          limit: 500,
        });
        for (const { id } of late) {
          await strapi.db.transaction(async ({ onCommit }) => {
            const record = await load(t, id);
            const { count } = await strapi.db.query(t.uid).updateMany({ where: { id, overdueNotifiedAt: { $null: true } }, data: { overdueNotifiedAt: now } });
            if (count !== 1) return;
            if (t.notices) await outbox().enqueue(t.notices(record, { kind: 'overdue', assignee: record.assignee }), { caseType: key, caseId: id });
            onCommit(() => outbox().kick());
            told += 1;
          });
        }
      }
      return told;
    },

    /** The inbox: one page of cases with the filters applied, and counts by state for the tabs. */
    async list(key: string, query: Record<string, string | undefined>, me: AdminUser) {
      const t = typeOf(key);
      const now = new Date();
      const base: Record<string, unknown>[] = [t.where ? t.where(query) : {}];
      if (query.assignee === 'me') base.push({ assignee: { id: me.id } });
      else if (query.assignee === 'none') base.push({ assignee: { id: { $null: true } } });
      else if (query.assignee && /^\d+$/.test(query.assignee)) base.push({ assignee: { id: Number(query.assignee) } });
      const overdueWhere = { state: { $in: STATES.filter(isActive) }, dueAt: { $lt: now } };
      if (query.overdue === 'true') base.push(overdueWhere);
      const where = (extra: Record<string, unknown> = {}) => ({ $and: [...base, extra] });

      const state = query.state && (STATES as readonly string[]).includes(query.state) ? query.state : undefined;
      const pageSize = Math.min(100, Math.max(1, Number(query.pageSize) || 25));
      const page = Math.max(1, Number(query.page) || 1);
      const filtered = where(state ? { state } : {});
      const [results, total, ...counts] = await Promise.all([
        strapi.db.query(t.uid).findMany({
          where: filtered,
          populate: { ...(t.populate ?? {}), assignee: { select: ACTOR_FIELDS } },
          orderBy: [{ dueAt: 'asc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(t.uid).count({ where: filtered }),
        strapi.db.query(t.uid).count({ where: where() }),
        strapi.db.query(t.uid).count({ where: where(overdueWhere) }),
        ...STATES.map((s) => strapi.db.query(t.uid).count({ where: where({ state: s }) })),
      ]);
      const [all, overdue, ...byState] = counts as number[];
      return {
        results: results.map((r: any) => ({ ...r, overdue: isOverdue(r.state, r.dueAt ? new Date(r.dueAt) : null, now) })),
        pagination: { page, pageSize, total, pageCount: Math.ceil((total as number) / pageSize) },
        counts: { all, overdue, byState: Object.fromEntries(STATES.map((s, i) => [s, byState[i]])) },
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
        events,
        deliveries: await outbox().deliveries({ caseType: key, caseId: id }),
        overdue: isOverdue(record.state, record.dueAt ? new Date(record.dueAt) : null),
        allowedActions: allowedActions(record.state, 'staff'),
      };
    },
  };
};
