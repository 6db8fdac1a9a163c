import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldMessage, languageOf } from '../../../http/messages';
import { lineSignatureValid, metaSignatureValid } from '../domain/signature';
import type { LineService } from '../services/line';
import type { FacebookService } from '../services/facebook';

const UNPARSED = Symbol.for('unparsedBody');

/** The parsed body, once its signature over the exact bytes sent is valid; 401 otherwise. */
function signedBody(ctx: Context, valid: (raw: string) => boolean, header: string): Record<string, unknown> {
  const body = (ctx.request as { body?: unknown }).body;
  const raw = body && typeof body === 'object' ? (body as Record<symbol, unknown>)[UNPARSED] : undefined;
  if (typeof raw !== 'string' || !valid(raw)) throw new errors.UnauthorizedError(`${header}: ${fieldMessage('invalid_signature', languageOf(ctx))}`);
  // The raw bytes hang on the parsed object, so a body that got here is an object.
  return body as Record<string, unknown>;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/channels/line/webhook: the signature, then the events stored, then 200; handling follows. */
  async lineWebhook(ctx: Context) {
    const line = strapi.service('api::channel.line') as LineService;
    if (!line.enabled()) throw new errors.NotFoundError(fieldMessage('channel_not_configured', languageOf(ctx)));
    const body = signedBody(ctx, (raw) => lineSignatureValid(raw, line.secret(), ctx.get('x-line-signature')), 'X-Line-Signature');
    await line.receive(Array.isArray(body.events) ? (body.events as unknown[]) : []);
    ctx.status = 200;
    ctx.body = { ok: true };
  },

  /** GET /api/channels/facebook/webhook: Meta's subscription handshake. */
  facebookVerify(ctx: Context) {
    const facebook = strapi.service('api::channel.facebook') as FacebookService;
    if (!facebook.enabled()) throw new errors.NotFoundError(fieldMessage('channel_not_configured', languageOf(ctx)));
    const q = ctx.query;
    if (q['hub.mode'] !== 'subscribe' || typeof q['hub.verify_token'] !== 'string' || q['hub.verify_token'] !== facebook.verifyToken()) {
      throw new errors.ForbiddenError(fieldMessage('invalid_verify_token', languageOf(ctx)));
    }
    ctx.type = 'text/plain';
    const challenge: unknown = q['hub.challenge'];
    // Meta sends one number as text; a repeated parameter reads as before (joined by commas).
    ctx.body = typeof challenge === 'string' ? challenge : Array.isArray(challenge) ? challenge.join(',') : '';
  },

  /** POST /api/channels/facebook/webhook: the signature, then the events stored, then 200; handling follows. */
  async facebookWebhook(ctx: Context) {
    const facebook = strapi.service('api::channel.facebook') as FacebookService;
    if (!facebook.enabled()) throw new errors.NotFoundError(fieldMessage('channel_not_configured', languageOf(ctx)));
    await facebook.receive(signedBody(ctx, (raw) => metaSignatureValid(raw, facebook.secret(), ctx.get('x-hub-signature-256')), 'X-Hub-Signature-256'));
    ctx.status = 200;
    ctx.body = { ok: true };
  },
});
