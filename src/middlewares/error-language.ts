import type { Core } from '@strapi/strapi';
import { fieldMessage, languageOf } from '../http/messages';

/**
 * Strapi's and Koa's own refusals (an unknown route, a method a route lacks, a body too large or of a
 * type nobody reads, a crash) arrive in English with no code. On the public API they get a stable
 * `details.code` and a message in the caller's language, like every refusal of ours.
 */
const CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  500: 'server_error',
};

// The stock wording of Strapi, Koa and http-errors: anything else was written for the caller already.
const STOCK = /^(Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Payload Too Large|request entity too large|Unsupported Media Type|Internal Server Error|FileTooBig)$/i;

/**
 * users-permissions words its sign-in refusals in English with no code (its controllers, 5.54): on
 * `/api/auth/*` the ones a citizen meets get a stable code and the caller's language.
 */
const AUTH_REFUSALS: Array<[RegExp, string]> = [
  [/^Email or Username are already taken$/, 'email_taken'],
  [/^Invalid identifier or password$/, 'invalid_credentials'],
  [/^Your account email is not confirmed$/, 'not_confirmed'],
  [/^(Your account has been blocked by an administrator|User blocked)$/, 'account_blocked'],
  [/^Incorrect code provided$/, 'invalid_reset_code'],
  [/^Passwords do not match$/, 'password_mismatch'],
  [/^(Missing refresh token|Invalid refresh token|Invalid credentials)$/, 'invalid_session'],
  [/^Already confirmed$/, 'already_confirmed'],
  [/^Invalid token$/, 'invalid_confirmation'],
  [/^Register action is currently disabled$/, 'registration_closed'],
  [/^The provided current password is invalid$/, 'current_password_invalid'],
  [/^Your new password must be different than your current password$/, 'password_unchanged'],
  [/^Too many requests, please try again later\.$/, 'auth_rate_limited'],
];

interface ErrorBody {
  error?: { status?: number; message?: string; details?: Record<string, unknown> | null };
}

export default (): Core.MiddlewareHandler => async (ctx, next) => {
  await next();
  if (!ctx.path.startsWith('/api/') || ctx.status < 400) return;
  const body = ctx.body as ErrorBody | null | undefined;
  if (!body || typeof body !== 'object' || !body.error) return;
  // A route's own envelope (CKAN's `success: false` with its English __type) is answered as written.
  if ('success' in body) return;
  const details = body.error.details && typeof body.error.details === 'object' ? body.error.details : {};
  if (typeof details.code === 'string') return;
  const auth = ctx.path.startsWith('/api/auth/') ? AUTH_REFUSALS.find(([stock]) => stock.test(body.error?.message ?? '')) : undefined;
  if (auth) {
    body.error.details = { ...details, code: auth[1] };
    body.error.message = fieldMessage(auth[1], languageOf(ctx));
    return;
  }
  const code = CODES[ctx.status];
  if (!code) return;
  body.error.details = { ...details, code };
  if (STOCK.test(body.error.message ?? '') || ctx.status === 500) body.error.message = fieldMessage(code, languageOf(ctx));
};
