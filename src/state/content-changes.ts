import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { redisKey, redisOf, subscriberOf } from './redis';

/**
 * "Content changed": what the caches of public answers and pages listen to. A change is any write
 * the database layer sees (its lifecycle events) to a model a public answer may show. With REDIS_URL
 * the news is also published on a Redis channel, so a change written through one instance empties
 * the caches of every other instance too; on the one-machine default it stays in this process.
 */

/** Written often, never shown to the public: their writes leave the caches alone. */
const NOT_CONTENT = new RegExp(
  [
    '^admin::',
    '^strapi::',
    '^plugin::users-permissions\\.',
    '^plugin::complaint-workflow\\.outbox-message$',
    '^api::channel-event\\.',
    '^api::announcement\\.(notice-delivery|line-link-code)$',
    '^api::dataset\\.dataset-access$',
  ].join('|')
);
const WRITES = new Set(['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany']);

interface Hub {
  listeners: Set<(local: boolean) => void>;
  /** This instance, so it does not act twice on its own news coming back from Redis. */
  id: string;
  publishing: boolean;
}
const hubs = new WeakMap<Core.Strapi, Hub>();

const isContentModel = (uid: string) => !NOT_CONTENT.test(uid);

function hubOf(strapi: Core.Strapi): Hub {
  let hub = hubs.get(strapi);
  if (hub) return hub;
  hub = { listeners: new Set(), id: crypto.randomBytes(8).toString('hex'), publishing: false };
  hubs.set(strapi, hub);
  const mine = hub;
  const notify = (local: boolean) => {
    for (const listener of mine.listeners) listener(local);
  };
  const redis = redisOf(strapi);
  const channel = redisKey(strapi, 'content-changed');
  strapi.db.lifecycles.subscribe((event) => {
    if (!WRITES.has(event.action) || !isContentModel(event.model.uid)) return;
    notify(true);
    // An import writes thousands of rows: one message per turn of the event loop is enough.
    if (redis && !mine.publishing) {
      mine.publishing = true;
      setImmediate(() => {
        mine.publishing = false;
        redis.publish(channel, mine.id).catch((err: Error) => strapi.log.warn(`[redis] content change not published: ${err.message}`));
      });
    }
  });
  const subscriber = subscriberOf(strapi);
  if (subscriber) {
    subscriber.subscribe(channel).catch((err: Error) => strapi.log.warn(`[redis] not subscribed to content changes: ${err.message}`));
    subscriber.on('message', (from: string, sender: string) => {
      if (from === channel && sender !== mine.id) notify(false);
    });
    // Messages sent while the connection was down are lost: after reconnecting, assume a change.
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) notify(false);
      connectedBefore = true;
    });
  }
  return hub;
}

/**
 * Calls `listener` whenever public content may have changed: `local` when written through this
 * instance, not when another instance said so through Redis.
 */
export function onContentChange(strapi: Core.Strapi, listener: (local: boolean) => void): void {
  hubOf(strapi).listeners.add(listener);
}
