import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Core } from '@strapi/strapi';
import { Windows } from '../http/windows';
import { redisKey, redisOf } from './redis';

/**
 * Fixed-window counters by key (rate limits, failed-guess locks). On the one-machine default they
 * are the in-process `Windows`; with REDIS_URL, rate-limiter-flexible's Redis store, so every
 * instance behind the proxy counts against the same budget. If Redis stops answering (a command
 * fails after the client's retries, src/state/redis.ts), each instance falls back to counting in
 * memory (rate-limiter-flexible's insurance limiter) rather than letting every request through or
 * refusing them all.
 */
export interface Counter {
  /** Counts one (or `points`; negative gives back) for `key`: the count in the current window and the seconds until it closes. */
  hit(key: string, points?: number): Promise<{ count: number; retryAfter: number }>;
  /** Forgets `key`'s count (a correct guess clears the earlier failures). */
  forget(key: string): Promise<void>;
}

// Never reached: these limiters only count, the callers compare with their own limit.
const UNBOUNDED = 1_000_000_000;

class LocalCounter implements Counter {
  private readonly windows: Windows;
  constructor(windowMs: number) {
    this.windows = new Windows(windowMs);
  }
  hit(key: string, points = 1) {
    return Promise.resolve(this.windows.hit(key, Date.now(), points));
  }
  forget(key: string) {
    this.windows.forget(key);
    return Promise.resolve();
  }
}

class SharedCounter implements Counter {
  private readonly limiter: RateLimiterRedis;
  constructor(strapi: Core.Strapi, name: string, windowMs: number) {
    const duration = Math.ceil(windowMs / 1000);
    this.limiter = new RateLimiterRedis({
      storeClient: redisOf(strapi),
      keyPrefix: redisKey(strapi, 'count', name),
      points: UNBOUNDED,
      duration,
      insuranceLimiter: new RateLimiterMemory({ points: UNBOUNDED, duration }),
    });
  }
  async hit(key: string, points = 1) {
    const res = points >= 0 ? await this.limiter.penalty(key, points) : await this.limiter.reward(key, -points);
    return { count: res.consumedPoints, retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
  }
  async forget(key: string) {
    await this.limiter.delete(key);
  }
}

const counters = new WeakMap<Core.Strapi, Map<string, Counter>>();

/**
 * The counter named `name` (one window length per name) of this Strapi instance: shared through
 * Redis when REDIS_URL is set, in this process otherwise.
 */
export function counterOf(strapi: Core.Strapi, name: string, windowMs: number): Counter {
  let mine = counters.get(strapi);
  if (!mine) counters.set(strapi, (mine = new Map<string, Counter>()));
  let counter = mine.get(name);
  if (!counter) {
    counter = redisOf(strapi) ? new SharedCounter(strapi, name, windowMs) : new LocalCounter(windowMs);
    mine.set(name, counter);
  }
  return counter;
}
