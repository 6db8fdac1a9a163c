import type { Core } from '@strapi/strapi';

/**
 * Messages are written in the same transaction as the change that caused them and sent after
 * commit; a failed send is retried with back-off, so a mail server being down loses nothing.
 * Channels (e-mail now; LINE and Facebook later) register a sender.
 */
import type { Notice } from '../types';

export type { Notice };

export type Sender = (notice: Notice) => Promise<'sent' | 'skipped'>;

/** A refusal that a retry cannot change (a 4xx such as an unknown user): the message fails at once. */
export const permanentError = (message: string) => Object.assign(new Error(message), { permanent: true });

/** The case a message is about. */
export interface CaseRef {
  caseType: string;
  caseId: number;
}

/** Messages to forget: one case's, several cases' of a type, or every one sent to these addresses. */
export type ForgetScope = CaseRef | { caseType: string; caseIds: number[] } | { recipients: string[] };

const UID = 'plugin::complaint-workflow.outbox-message';

/** A row of the outbox as the sender loop reads it. */
interface StoredMessage {
  id: number;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}
const MAX_ATTEMPTS = 8;
const BATCH = 20;
/** How long a claimed message is left to its sender before another instance may send it. */
const CLAIM_LEASE_MS = 10 * 60_000;

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const senders = new Map<string, Sender>();
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function flushOnce(): Promise<number> {
    const due = (await strapi.db.query(UID).findMany({
      where: { state: 'pending', nextAttemptAt: { $lte: new Date() } },
      orderBy: [{ id: 'asc' }],
      limit: BATCH,
    })) as StoredMessage[];
    let done = 0;
    for (const m of due) {
      // Claim the message before sending it: the conditional update succeeds for one instance only
      // (PostgreSQL re-checks the condition after a concurrent claim commits), and a claimer that
      // dies mid-send leaves it due again once the lease ends.
      const now = new Date();
      const { count } = await strapi.db.query(UID).updateMany({
        where: { id: m.id, state: 'pending', nextAttemptAt: { $lte: now } },
        data: { nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
      });
      if (count !== 1) continue;
      const sender = senders.get(m.channel);
      try {
        if (!sender) throw new Error(`no sender for channel "${m.channel}"`);
        const outcome = await sender({ channel: m.channel, to: m.recipient, subject: m.subject, text: m.body });
        await strapi.db.query(UID).update({ where: { id: m.id }, data: { state: outcome, sentAt: new Date(), attempts: m.attempts + 1, lastError: null } });
        done += 1;
      } catch (err) {
        const attempts = m.attempts + 1;
        const backoffMs = Math.min(6 * 3600_000, 30_000 * 2 ** attempts);
        await strapi.db.query(UID).update({
          where: { id: m.id },
          data: {
            attempts,
            lastError: String((err as Error).message ?? err).slice(0, 1000),
            state: attempts >= MAX_ATTEMPTS || (err as { permanent?: boolean }).permanent ? 'failed' : 'pending',
            nextAttemptAt: new Date(Date.now() + backoffMs),
          },
        });
        strapi.log.warn(`[complaint-workflow] ${m.channel} to message ${m.id} failed (attempt ${attempts}): ${(err as Error).message}`);
      }
    }
    return due.length === BATCH ? done + (await flushOnce()) : done;
  }

  return {
    registerSender(channel: string, sender: Sender) {
      senders.set(channel, sender);
    },

    /** Joins the caller's transaction: the messages exist only if the change does. */
    async enqueue(notices: Notice[], ref?: CaseRef) {
      for (const n of notices) {
        if (!n.to) continue;
        await strapi.db.query(UID).create({
          data: { channel: n.channel, recipient: n.to, subject: n.subject.slice(0, 250), body: n.text, state: 'pending', attempts: 0, nextAttemptAt: new Date(), ...ref },
        });
      }
    },

    /** How a case's messages fared, newest first, without recipients (the case page has the contact). */
    deliveries(ref: CaseRef) {
      return strapi.db.query(UID).findMany({
        where: ref,
        select: ['id', 'channel', 'subject', 'state', 'attempts', 'lastError', 'nextAttemptAt', 'sentAt', 'createdAt'],
        orderBy: [{ id: 'desc' }],
        limit: 50,
      });
    },

    /** A refused or waiting message of this case goes out again now; true when there was one. */
    async retry(ref: CaseRef, id: number) {
      const { count } = await strapi.db.query(UID).updateMany({
        where: { id, ...ref, state: { $in: ['failed', 'pending'] } },
        data: { state: 'pending', nextAttemptAt: new Date() },
      });
      if (count === 1) await this.flush();
      return count === 1;
    },

    /**
     * Forgets who messages went to and what they said (a person erased their data): the rows
     * stay, so the case page still shows that messages were sent; one still waiting is not sent.
     * Joins the caller's transaction.
     */
    async forget(scope: ForgetScope) {
      const where =
        'recipients' in scope ? { recipient: { $in: scope.recipients } } : 'caseIds' in scope ? { caseType: scope.caseType, caseId: { $in: scope.caseIds } } : scope;
      if (('recipients' in scope && !scope.recipients.length) || ('caseIds' in scope && !scope.caseIds.length)) return;
      await strapi.db.query(UID).updateMany({ where: { ...where, state: 'pending' }, data: { state: 'skipped', lastError: 'personal data erased' } });
      await strapi.db.query(UID).updateMany({ where, data: { recipient: '-', body: null } });
    },

    /** Sends what is due; one flush at a time, and one more if kicked meanwhile. */
    flush(): Promise<number> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let n = 0;
        do {
          again = false;
          n += await flushOnce();
        } while (again);
        return n;
      })().finally(() => {
        running = null;
      });
      return running;
    },

    kick() {
      this.flush().catch((err: Error) => strapi.log.error(`[complaint-workflow] outbox: ${err.message}`));
    },

    /** Resolves when nothing is being sent now (tests and shutdown). */
    async idle() {
      while (running) await running.catch(() => undefined);
    },

    start(intervalMs: number) {
      timer = setInterval(() => this.kick(), intervalMs);
      timer.unref();
    },

    async stop() {
      if (timer) clearInterval(timer);
      await this.idle();
    },
  };
};

export type OutboxService = ReturnType<typeof service>;
export default service;
