import crypto from 'crypto';

/**
 * The proof that a client uploaded a complaint photo: the upload answer gives it only to the client
 * that sent the file, and POST /api/complaints asks it back with each photo id, so a photo id seen
 * elsewhere (ids are sequential) cannot be attached to someone else's complaint. An HMAC of the
 * photo id and an expiry: nothing to store, and it outlives no restart with a new key.
 */
export const UPLOAD_TOKEN_TTL_MS = 6 * 3600_000;

const sign = (key: string, id: number, expires: number) =>
  crypto.createHmac('sha256', key).update(`complaint-photo:${id}:${expires}`).digest('base64url').slice(0, 32);

export function uploadToken(key: string, id: number, now = Date.now()): string {
  const expires = Math.floor((now + UPLOAD_TOKEN_TTL_MS) / 1000);
  return `${expires.toString(36)}.${sign(key, id, expires)}`;
}

/** True when the token was signed for this id with this key and has not expired. */
export function validUploadToken(key: string, id: number, token: string, now = Date.now()): boolean {
  const m = /^([0-9a-z]{1,10})\.([\w-]{32})$/.exec(token);
  if (!m) return false;
  const expires = parseInt(m[1], 36);
  if (expires * 1000 < now) return false;
  const want = Buffer.from(sign(key, id, expires));
  const have = Buffer.from(m[2]);
  return want.length === have.length && crypto.timingSafeEqual(want, have);
}
