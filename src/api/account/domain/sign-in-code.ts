import crypto from 'crypto';
import { SIGN_IN_CODE } from '../../../shared/account';

/**
 * One-time sign-in codes: random digits, kept only as a keyed hash (a database leak reveals no live
 * code, and the key ties it to its account), compared in constant time.
 */
export const newCode = (): string => String(crypto.randomInt(0, 10 ** SIGN_IN_CODE.digits)).padStart(SIGN_IN_CODE.digits, '0');

export const hashCode = (code: string, userId: number, secret: string): string => crypto.createHmac('sha256', secret).update(`${userId}:${code}`).digest('hex');

export const sameHash = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

export interface StoredCode {
  hash: string | null;
  expiresAt: Date | string | null;
  tries: number | null;
}

/** Whether `code` opens the stored code now; a code past its time or its tries opens nothing. */
export function codeOpens(stored: StoredCode, code: string, userId: number, secret: string, now = new Date()): boolean {
  if (!stored.hash || !stored.expiresAt) return false;
  if (new Date(stored.expiresAt).getTime() <= now.getTime()) return false;
  if ((stored.tries ?? 0) >= SIGN_IN_CODE.tries) return false;
  return sameHash(stored.hash, hashCode(code, userId, secret));
}
