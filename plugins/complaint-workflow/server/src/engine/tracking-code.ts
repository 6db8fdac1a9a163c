import { randomInt } from 'crypto';

// Crockford-style alphabet: no 0/O, 1/I/L, U, so a code read over the phone is not misheard.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** e.g. NK-6911-7KQ3M: the case type's prefix, year and month (Buddhist era, 2 digits) for staff, 5 random characters. */
export function newTrackingCode(now: Date = new Date(), prefix = 'NK'): string {
  const bangkok = new Date(now.getTime() + 7 * 3600_000);
  const yy = String((bangkok.getUTCFullYear() + 543) % 100).padStart(2, '0');
  const mm = String(bangkok.getUTCMonth() + 1).padStart(2, '0');
  let tail = '';
  for (let i = 0; i < 5; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${yy}${mm}-${tail}`;
}

/** A code of that shape: the tail in the alphabet alone, so a misheard 0/O or 1/I/L is refused, not looked up. */
export const TRACKING_CODE_PATTERN = /^[A-Z]{2}-\d{4}-[2-9A-HJKMNP-TV-Z]{5}$/;
