import { createHmac, timingSafeEqual } from 'crypto';

/** Constant-time comparison of two signatures; false for anything missing or of another length. */
function same(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** LINE: X-Line-Signature is the base64 HMAC-SHA256 of the raw body with the channel secret. */
export const lineSignatureValid = (rawBody: string, secret: string, header: unknown): boolean =>
  Boolean(secret) && same(createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64'), header);

/** Meta: X-Hub-Signature-256 is "sha256=" and the hex HMAC-SHA256 of the raw body with the app secret. */
export const metaSignatureValid = (rawBody: string, secret: string, header: unknown): boolean =>
  Boolean(secret) && same(`sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`, header);
