import crypto from 'crypto';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { fieldMessage, languageOf } from '../http/messages';

/**
 * `Idempotency-Key` on the public writes (a complaint, its photos, a pole report, an e-service
 * request, an Open311 request, a survey answer): a phone on a bad network that sends the same
 * submission again, after a timeout or a crash of the server, gets the first answer back instead
 * of filing it twice. The key and the answer are written in the same database transaction as the
 * submission itself (Strapi's transactions nest: every write the route makes joins this one), so
 * either both are stored or neither: after a crash a retry finds the answer, or files anew.
 *
 * A key is 1–255 visible ASCII characters (a UUID, say), kept 24 hours, per route; the same key with
 * another body is the client's mistake (422). Only 2xx answers are kept: a refused submission
 * stored nothing, and may be sent again corrected with the same key.
 */
type Transaction = Parameters<ReturnType<Core.Strapi['db']['getConnection']>['transacting']>[0];

export const IDEMPOTENCY_TABLE = 'nokok_idempotency_keys';
const KEEP_MS = 24 * 3600_000;
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Public writes that take a key: method and path pattern (the OpenAPI document lists them too). */
export const IDEMPOTENT_ROUTES: Array<[string, RegExp]> = [
  ['POST', /^\/api\/complaints\/?$/],
  ['POST', /^\/api\/complaints\/photos\/?$/],
  ['POST', /^\/api\/poles\/[^/]+\/reports\/?$/],
  ['POST', /^\/api\/e-forms\/[^/]+\/submissions\/?$/],
  ['POST', /^\/api\/e-form-submissions\/?$/],
  ['POST', /^\/api\/open311\/v2\/requests\.(json|xml)$/],
  ['POST', /^\/api\/surveys\/[^/]+\/responses\/?$/],
  ['POST', /^\/api\/case-ratings\/[^/]+\/?$/],
];

interface Stored {
  body_hash: string;
  status: number;
  content_type: string;
  response: string;
}

/** Creates the table on start when missing (the same on SQLite and PostgreSQL). */
export async function ensureIdempotencyTable(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(IDEMPOTENCY_TABLE)) return;
  await knex.schema.createTable(IDEMPOTENCY_TABLE, (t) => {
    t.string('idem_key', 255).notNullable();
    t.string('route', 300).notNullable();
    t.string('body_hash', 64).notNullable();
    t.integer('status').notNullable();
    t.string('content_type', 200).notNullable();
    t.text('response').notNullable();
    t.bigInteger('created_ms').notNullable().index();
    t.primary(['idem_key', 'route']);
  });
}

/** What the request asks to store: its fields and its files' names, types and bytes. */
function hashOf(ctx: Context): string {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify(ctx.request.body ?? null));
  const files = (ctx.request as { files?: Record<string, unknown> }).files;
  if (files) {
    for (const name of Object.keys(files).sort()) {
      const list = ([] as unknown[]).concat(files[name]) as Array<{ size?: number; originalFilename?: string | null; mimetype?: string | null }>;
      for (const f of list) h.update(`|${name}:${f.originalFilename ?? ''}:${f.mimetype ?? ''}:${f.size ?? 0}`);
    }
  }
  return h.digest('hex');
}

function refuse(ctx: Context, status: number, code: string) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 409 ? 'ConflictError' : 'ValidationError', message: fieldMessage(code, languageOf(ctx)), details: { code, field: 'Idempotency-Key' } } };
}

const isUniqueViolation = (err: unknown) => /unique|duplicate|SQLITE_CONSTRAINT|23505/i.test(`${(err as { code?: string }).code ?? ''} ${(err as Error).message ?? ''}`);

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  let writes = 0;
  return async (ctx, next) => {
    const raw = ctx.get('Idempotency-Key');
    if (!raw || !IDEMPOTENT_ROUTES.some(([method, path]) => method === ctx.method && path.test(ctx.path))) {
      await next();
      return;
    }
    if (!IDEMPOTENCY_KEY_PATTERN.test(raw)) return refuse(ctx, 400, 'invalid_idempotency_key');
    const route = `${ctx.method} ${ctx.path.replace(/\/+$/, '')}`;
    const bodyHash = hashOf(ctx);
    const knex = strapi.db.connection;
    const replay = (found: Stored) => {
      if (found.body_hash !== bodyHash) return refuse(ctx, 422, 'idempotency_key_reused');
      ctx.status = found.status;
      ctx.type = found.content_type;
      ctx.set('Idempotent-Replayed', 'true');
      ctx.body = found.response;
    };
    const earlier = (await knex(IDEMPOTENCY_TABLE).where({ idem_key: raw, route }).first()) as Stored | undefined;
    if (earlier) return replay(earlier);

    let stored = false;
    try {
      await strapi.db.transaction(async ({ trx }: { trx: Transaction }) => {
        await next();
        if (ctx.status < 200 || ctx.status > 299 || ctx.body == null) return;
        const body: unknown = ctx.body;
        const response = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
        await trx(IDEMPOTENCY_TABLE).insert({ idem_key: raw, route, body_hash: bodyHash, status: ctx.status, content_type: String(ctx.response.get('Content-Type') || 'application/json'), response, created_ms: Date.now() });
        stored = true;
      });
    } catch (err) {
      // The same key sent twice at once: the other request's submission was stored, this one's rolled back.
      if (!isUniqueViolation(err)) throw err;
      const winner = (await knex(IDEMPOTENCY_TABLE).where({ idem_key: raw, route }).first()) as Stored | undefined;
      if (winner) return replay(winner);
      return refuse(ctx, 409, 'idempotency_in_progress');
    }
    // Keys older than a day go, now and then, after the answer is stored.
    if (stored && ++writes % 100 === 1) await knex(IDEMPOTENCY_TABLE).where('created_ms', '<', Date.now() - KEEP_MS).delete();
  };
};
