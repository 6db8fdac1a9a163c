import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { lineSignatureValid, metaSignatureValid } from '../domain/signature';

const UNPARSED = Symbol.for('unparsedBody');

/** The parsed body, once its signature over the exact bytes sent is valid; 401 otherwise. */
function signedBody(ctx: any, valid: (raw: string) => boolean, header: string) {
  const body = ctx.request.body;
  const raw = body && typeof body === 'object' ? body[UNPARSED] : undefined;
  if (typeof raw !== 'string' || !valid(raw)) throw new errors.UnauthorizedError(`ลายเซ็นไม่ถูกต้อง / Invalid ${header}`);
  return body;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/channels/line/webhook: the signature first, then 200 at once; handling follows. */
  async lineWebhook(ctx: any) {
    const line = strapi.service('api::channel.line');
    if (!line.enabled()) throw new errors.NotFoundError('ช่องทาง LINE ยังไม่ได้ตั้งค่า / The LINE channel is not configured');
    const body = signedBody(ctx, (raw) => lineSignatureValid(raw, line.secret(), ctx.get('x-line-signature')), 'X-Line-Signature');
    line.accept(Array.isArray(body.events) ? body.events : []);
    ctx.status = 200;
    ctx.body = { ok: true };
  },

  /** GET /api/channels/facebook/webhook: Meta's subscription handshake. */
  async facebookVerify(ctx: any) {
    const facebook = strapi.service('api::channel.facebook');
    if (!facebook.enabled()) throw new errors.NotFoundError('ช่องทาง Facebook ยังไม่ได้ตั้งค่า / The Facebook channel is not configured');
    const q = ctx.query;
    if (q['hub.mode'] !== 'subscribe' || typeof q['hub.verify_token'] !== 'string' || q['hub.verify_token'] !== facebook.verifyToken()) {
      throw new errors.ForbiddenError('verify token ไม่ถูกต้อง / The verify token does not match');
    }
    ctx.type = 'text/plain';
    ctx.body = String(q['hub.challenge'] ?? '');
  },

  /** POST /api/channels/facebook/webhook: the signature first, then 200 at once; handling follows. */
  async facebookWebhook(ctx: any) {
    const facebook = strapi.service('api::channel.facebook');
    if (!facebook.enabled()) throw new errors.NotFoundError('ช่องทาง Facebook ยังไม่ได้ตั้งค่า / The Facebook channel is not configured');
    facebook.accept(signedBody(ctx, (raw) => metaSignatureValid(raw, facebook.secret(), ctx.get('x-hub-signature-256')), 'X-Hub-Signature-256'));
    ctx.status = 200;
    ctx.body = { ok: true };
  },
});
