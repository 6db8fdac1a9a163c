import crypto from 'crypto';
import { Stream } from 'stream';
import type { Core } from '@strapi/strapi';
import { languageOf } from '../http/messages';
import { onContentChange } from '../state/content-changes';
import { redisKey, redisOf } from '../state/redis';

/**
 * The public API's anonymous answers, kept on the server until content changes (or API_CACHE_SECONDS
 * pass: some answers change with the clock, such as notices in force), so the news list, the poles,
 * the map layers, the statistics and the catalogue are read from the database once per change
 * rather than once per visitor. In this process on the one-machine default; in Redis with
 * REDIS_URL, where a change written through any instance empties it for all.
 *
 * Kept only what is the same for everyone who asks the same address in the same language: a 200
 * to a GET without credentials, that sets no cookie, that no route marked private or no-store, and
 * that is not rate-limited (a budgeted lookup such as tracking must count every request).
 */
interface Entry {
  at: number;
  /** The change count it was read at (this process's): older ones are stale. */
  generation: number;
  etag: string;
  type: string;
  cacheControl: string;
  /** The route's own headers (Last-Modified, Content-Disposition…), replayed with the body. */
  headers: Record<string, string>;
  body: string;
}

/** Set per request by other middlewares (CORS for this origin, the limits), or by this one. */
const NOT_REPLAYED = /^(set-cookie|content-length|content-type|date|etag|cache-control|x-cache|vary|connection|transfer-encoding|access-control-.*|ratelimit-.*|retry-after)$/;

/** Bigger answers are read from the database each time rather than crowding out the rest. */
const MAX_BODY = 2 * 1024 * 1024;

interface Store {
  get(key: string): Promise<Entry | undefined>;
  set(key: string, entry: Entry): Promise<void>;
  clear(): void;
}

function localStore(maxEntries: number): Store {
  const entries = new Map<string, Entry>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry) {
        // Most recently used last: the oldest is the first to go when full.
        entries.delete(key);
        entries.set(key, entry);
      }
      return Promise.resolve(entry);
    },
    set(key, entry) {
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return Promise.resolve();
    },
    clear: () => entries.clear(),
  };
}

/** One Redis hash: a change deletes it whole, at once for every instance. */
function sharedStore(strapi: Core.Strapi, maxEntries: number, ttlSeconds: number): Store {
  const redis = redisOf(strapi)!;
  const hash = redisKey(strapi, 'api-cache');
  let clearing = false;
  let writes = 0;
  const warn = (err: Error) => strapi.log.warn(`[redis] api cache: ${err.message}`);
  return {
    async get(key) {
      const raw = await redis.hget(hash, key).catch((err: Error) => (warn(err), null));
      return raw ? (JSON.parse(raw) as Entry) : undefined;
    },
    async set(key, entry) {
      try {
        // Queries are the visitor's to choose (?page=…): start over rather than grow without bound.
        if (++writes % 100 === 0 && (await redis.hlen(hash)) > maxEntries) await redis.del(hash);
        await redis.multi().hset(hash, key, JSON.stringify(entry)).expire(hash, ttlSeconds * 2).exec();
      } catch (err) {
        warn(err as Error);
      }
    },
    clear() {
      // An import writes thousands of rows: one delete per turn of the event loop.
      if (clearing) return;
      clearing = true;
      setImmediate(() => {
        clearing = false;
        redis.del(hash).catch(warn);
      });
    },
  };
}

export default (config: { maxEntries?: number } = {}, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const ttlSeconds = strapi.config.get<number>('server.apiCacheSeconds', 60);
  const maxEntries = config.maxEntries ?? 2000;
  const store = redisOf(strapi) ? sharedStore(strapi, maxEntries, ttlSeconds) : localStore(maxEntries);
  /** Bumped by every change: an answer read before the latest change is stale. */
  let generation = 0;
  const shared = redisOf(strapi) !== null;
  /** Answers being read again after a change: meanwhile, other callers get the stale one. */
  const refreshing = new Set<string>();
  onContentChange(strapi, (local) => {
    generation++;
    // In Redis, the instance that wrote clears the shared entries. In this process they stay, as
    // stale: a burst of changes (many citizens filing at once) then costs one read per answer at a
    // time, not one per caller.
    if (shared && local) store.clear();
  });

  return async (ctx, next) => {
    if (ttlSeconds <= 0 || (ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith('/api/') || ctx.get('Authorization')) {
      await next();
      return;
    }
    const key = `${languageOf(ctx)} ${ctx.url}`;
    const kept = await store.get(key);
    const fresh = kept && Date.now() - kept.at < ttlSeconds * 1000;
    const current = fresh && (shared || kept.generation === generation);
    const servable = current || (fresh && refreshing.has(key));
    if (kept && servable) {
      ctx.status = 200;
      ctx.type = kept.type;
      ctx.set('ETag', kept.etag);
      if (kept.cacheControl) ctx.set('Cache-Control', kept.cacheControl);
      for (const [name, value] of Object.entries(kept.headers)) ctx.set(name, value);
      ctx.set('X-Cache', current ? 'HIT' : 'STALE');
      ctx.body = kept.body;
      return;
    }
    const started = generation;
    const mine = !refreshing.has(key);
    if (mine) refreshing.add(key);
    try {
      await next();
    } finally {
      if (mine) refreshing.delete(key);
    }
    const body: unknown = ctx.body;
    const budgeted = (ctx.state as { budgeted?: boolean }).budgeted === true;
    if (ctx.status !== 200 || budgeted || body == null || body instanceof Stream || Buffer.isBuffer(body) || ctx.response.get('Set-Cookie')) return;
    const cacheControl = String(ctx.response.get('Cache-Control') || '');
    if (/no-store|private/.test(cacheControl)) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const etag = String(ctx.response.get('ETag') || '') || `W/"${crypto.createHash('sha1').update(text).digest('base64url')}"`;
    ctx.set('ETag', etag);
    ctx.set('X-Cache', 'MISS');
    if (typeof body !== 'string') {
      ctx.body = text;
      ctx.type = 'application/json; charset=utf-8';
    }
    // Shared: an answer read across a change is not kept. Here: kept with the change count it was read at.
    if ((shared && started !== generation) || text.length > MAX_BODY) return;
    if (!shared && ((await store.get(key))?.generation ?? -1) > started) return;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(ctx.response.headers)) if (!NOT_REPLAYED.test(name) && value !== undefined) headers[name] = String(value);
    await store.set(key, { at: Date.now(), generation: started, etag, type: String(ctx.response.get('Content-Type')), cacheControl, headers, body: text });
  };
};
