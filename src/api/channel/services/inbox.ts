import type { Core } from '@strapi/strapi';
import { outboxOf } from '../../../../plugins/complaint-workflow/server/src/public';
import type { Platform } from '../domain/platform';

const UID = 'api::channel-event.channel-event';
/** Pending events read per query while draining, in arrival order. */
const PAGE = 50;
/** Keys looked up per query when a batch arrives (well under any database's parameter limit). */
const LOOKUP = 200;
/** Events inserted per statement when a batch arrives. */
const STORE_CHUNK = 50;
const MAX_ATTEMPTS = 6;
const RETRY_BASE_MS = 15_000;
/** Turns of the event loop given to other requests after each event. */
const YIELD_TURNS = 3;

/** One verified event of a webhook: its platform id (deduplication), who sent it (ordering), and its JSON. */
export interface InboundEvent {
  key: string;
  sender: string;
  payload: unknown;
}

/**
 * Handles one stored event. Calls to the outside (downloading a photo) come first; then `commit` runs
 * the database work in one transaction with the event marked done, so a crash either keeps all of
 * it or none (and the event is handled again). A handler that never commits had nothing to do.
 */
export type EventHandler = (payload: unknown, commit: (work: () => Promise<void>) => Promise<void>) => Promise<void>;

interface StoredEvent {
  id: number;
  platform: Platform;
  sender: string | null;
  payload: unknown;
  attempts: number | null;
  nextAttemptAt: string | Date | null;
}

type Outcome = 'done' | 'retry' | 'failed';

/** Another instance handled the event first. */
class HandledElsewhere extends Error {}

/**
 * The chat inbox. A webhook stores its verified events here before answering 200 (LINE and Meta do
 * not send again after a 200), and they are handled afterwards, one at a time in arrival order,
 * yielding to other requests between events; a restart resumes whatever is still pending.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const handlers = new Map<Platform, EventHandler>();
  const events = () => strapi.db.query(UID);
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;

  // better-sqlite3 answers synchronously: without turns of the event loop between events, a large
  // batch keeps every other request waiting. A request needs a few turns (accept, read, answer).
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const yieldToRequests = async () => {
    for (let i = 0; i < YIELD_TURNS; i++) await turn();
  };

  async function handleOne(row: StoredEvent): Promise<Outcome> {
    const attempts = (row.attempts ?? 0) + 1;
    let committed = false;
    const commit = async (work: () => Promise<void>) => {
      if (committed) throw new Error('an event commits once');
      await strapi.db.transaction(async () => {
        // The event is claimed first, in the transaction its effects are written in: of two instances
        // handling it, the second finds it done (PostgreSQL makes it wait for the first to commit) and
        // rolls back what it did, so one complaint and one reply come of it.
        const { count } = await events().updateMany({ where: { id: row.id, state: 'pending' }, data: { state: 'done', attempts, handledAt: new Date(), lastError: null } });
        if (count !== 1) throw new HandledElsewhere();
        await work();
      });
      committed = true;
    };
    try {
      const handler = handlers.get(row.platform);
      if (!handler) throw Object.assign(new Error(`no handler for ${row.platform} events`), { permanent: true });
      await handler(row.payload, commit);
      if (!committed) await commit(() => Promise.resolve());
      return 'done';
    } catch (err) {
      if (err instanceof HandledElsewhere) return 'done';
      const message = String((err as Error).message ?? err).slice(0, 1000);
      if (committed) {
        strapi.log.error(`[${row.platform}] webhook event ${row.id} after it was handled: ${message}`);
        return 'done';
      }
      const failed = attempts >= MAX_ATTEMPTS || Boolean((err as { permanent?: boolean }).permanent);
      await events().update({
        where: { id: row.id },
        data: { attempts, lastError: message, state: failed ? 'failed' : 'pending', nextAttemptAt: new Date(Date.now() + RETRY_BASE_MS * 2 ** (attempts - 1)) },
      });
      strapi.log.warn(`[${row.platform}] webhook event ${row.id} ${failed ? 'failed' : 'will be retried'} (attempt ${attempts}): ${message}`);
      return failed ? 'failed' : 'retry';
    }
  }

  /** Handles every due pending event, oldest first; a sender's later events wait behind one being retried. */
  async function drain() {
    let after = 0;
    const waiting = new Set<string>();
    for (;;) {
      const page = (await events().findMany({
        where: { state: 'pending', id: { $gt: after } },
        select: ['id', 'platform', 'sender', 'payload', 'attempts', 'nextAttemptAt'],
        orderBy: [{ id: 'asc' }],
        limit: PAGE,
      })) as StoredEvent[];
      if (!page.length) return;
      for (const row of page) {
        if (stopped) return;
        after = row.id;
        const who = `${row.platform}:${row.sender ?? ''}`;
        if (waiting.has(who)) continue;
        if (row.nextAttemptAt && new Date(row.nextAttemptAt).getTime() > Date.now()) {
          waiting.add(who);
          continue;
        }
        if ((await handleOne(row)) === 'retry') waiting.add(who);
        // The bot's answers were queued in the event's transaction: send them now it has committed.
        outboxOf(strapi).kick();
        await yieldToRequests();
      }
    }
  }

  return {
    register(platform: Platform, handler: EventHandler) {
      handlers.set(platform, handler);
    },

    /**
     * Stores a verified batch as pending, before the webhook answers; an event whose key is stored
     * already (a redelivery, or twice in one batch) is left out. Returns how many were new.
     */
    async receive(platform: Platform, batch: InboundEvent[]): Promise<number> {
      const fresh = new Map<string, InboundEvent>();
      for (const e of batch) {
        const key = `${platform}:${e.key}`.slice(0, 200);
        if (!fresh.has(key)) fresh.set(key, e);
      }
      const keys = [...fresh.keys()];
      for (let i = 0; i < keys.length; i += LOOKUP) {
        const known = (await events().findMany({ where: { eventKey: { $in: keys.slice(i, i + LOOKUP) } }, select: ['eventKey'] })) as Array<{ eventKey: string }>;
        for (const k of known) fresh.delete(k.eventKey);
        await turn();
      }
      if (!fresh.size) return 0;
      const now = new Date();
      const rows = [...fresh].map(([eventKey, e]) => ({
        platform,
        eventKey,
        sender: e.sender.slice(0, 200),
        payload: e.payload,
        receivedAt: now,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
      }));
      try {
        // All or nothing, in chunks with a turn of the event loop between them: a batch of 500 is
        // written without holding up other requests.
        await strapi.db.transaction(async () => {
          for (let i = 0; i < rows.length; i += STORE_CHUNK) {
            await events().createMany({ data: rows.slice(i, i + STORE_CHUNK) });
            await turn();
          }
        });
      } catch (err) {
        // The same events, delivered twice at once: one at a time, and the unique key decides.
        for (const row of rows) {
          try {
            await events().create({ data: row });
          } catch {
            if (!(await events().findOne({ where: { eventKey: row.eventKey }, select: ['id'] }))) throw err;
          }
        }
      }
      this.kick();
      return rows.length;
    },

    /** Starts draining (again if kicked meanwhile); never rejects. */
    kick() {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await drain();
        } while (again && !stopped);
      })()
        .catch((err: Error) => {
          strapi.log.error(`[channel] inbox: ${err.message}`);
        })
        .finally(() => {
          running = null;
        });
    },

    /** Resolves when no event is being handled (tests, shutdown). */
    async idle() {
      while (running) await running;
    },

    /** Resumes what a previous run left pending, then looks again now and then for retries that are due. */
    start(intervalMs = RETRY_BASE_MS) {
      stopped = false;
      timer = setInterval(() => this.kick(), intervalMs);
      timer.unref();
      this.kick();
    },

    /** Stops after the event being handled; the rest stays pending for the next start. */
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await this.idle();
    },
  };
};

export type InboxService = ReturnType<typeof service>;
export default service;
