import { Redis } from 'ioredis';
import type { Core } from '@strapi/strapi';

/**
 * State several instances behind one proxy must share (rate limits, failure locks, caches, locks)
 * lives in Redis when REDIS_URL is set (config/server.ts: `server.redis`), and in this process
 * otherwise: the one-machine default needs no Redis. One connection per Strapi instance, opened on
 * first use and closed when Strapi stops; every key starts with REDIS_PREFIX so several towns (or
 * test runs) can share one Redis.
 */
export interface RedisConfig {
  url: string;
  prefix: string;
}

const connections = new WeakMap<Core.Strapi, Redis>();
const subscribers = new WeakMap<Core.Strapi, Redis>();

export const redisConfig = (strapi: Core.Strapi): RedisConfig | null => {
  const cfg = strapi.config.get<RedisConfig | null>('server.redis', null);
  return cfg?.url ? cfg : null;
};

/** The instance's Redis connection, or null on the one-machine default. */
export function redisOf(strapi: Core.Strapi): Redis | null {
  const cfg = redisConfig(strapi);
  if (!cfg) return null;
  let client = connections.get(strapi);
  if (!client) {
    // Commands wait (queued) while reconnecting, but not forever: a request fails rather than hangs.
    client = new Redis(cfg.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    client.on('error', (err: Error) => strapi.log.warn(`[redis] ${err.message}`));
    connections.set(strapi, client);
  }
  return client;
}

/** A second connection for subscribing to channels (a subscribed connection runs no other command), or null. */
export function subscriberOf(strapi: Core.Strapi): Redis | null {
  const client = redisOf(strapi);
  if (!client) return null;
  let subscriber = subscribers.get(strapi);
  if (!subscriber) {
    subscriber = client.duplicate();
    subscriber.on('error', (err: Error) => strapi.log.warn(`[redis] ${err.message}`));
    subscribers.set(strapi, subscriber);
  }
  return subscriber;
}

/** A key under this deployment's prefix. */
export const redisKey = (strapi: Core.Strapi, ...parts: string[]) => `${redisConfig(strapi)?.prefix ?? 'nokok:'}${parts.join(':')}`;

/** Closes the connection (Strapi's destroy). */
export async function closeRedis(strapi: Core.Strapi) {
  for (const map of [subscribers, connections]) {
    const client = map.get(strapi);
    if (!client) continue;
    map.delete(strapi);
    await client.quit().catch(() => client.disconnect());
  }
}
