import type { Context } from 'koa';
import { fieldMessage, languageOf } from './messages';

/**
 * Fixed-window counters kept in this process (right for the one-process deployment a town runs):
 * how many times a key was counted since its window opened. Finished windows are forgotten, so
 * memory stays bounded by the keys of the last window.
 */
export class Windows {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = Date.now();

  constructor(readonly windowMs: number) {}

  /** Counts one (or `points`) for `key`; the count in the current window and the seconds until it closes. */
  hit(key: string, now = Date.now(), points = 1): { count: number; retryAfter: number } {
    const w = this.current(key, now) ?? { start: now, count: 0 };
    w.count += points;
    this.windows.set(key, w);
    return { count: w.count, retryAfter: this.secondsLeft(w, now) };
  }


  forget(key: string) {
    this.windows.delete(key);
  }


  private current(key: string, now: number) {
    if (now - this.lastSweep > this.windowMs) {
      for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
      this.lastSweep = now;
    }
    const w = this.windows.get(key);
    return w && now - w.start < this.windowMs ? w : undefined;
  }

  private secondsLeft(w: { start: number }, now: number) {
    return Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
  }
}

/** A 429 in Strapi's error envelope, worded in the caller's language, with Retry-After. */
export function tooManyRequests(ctx: Context, code: string, retryAfter: number, details: Record<string, unknown> = {}) {
  ctx.set('Retry-After', String(retryAfter));
  ctx.status = 429;
  ctx.body = {
    data: null,
    error: {
      status: 429,
      name: 'RateLimitError',
      message: fieldMessage(code, languageOf(ctx), { seconds: retryAfter }),
      details: { code, ...details, retryAfterSeconds: retryAfter },
    },
  };
}
