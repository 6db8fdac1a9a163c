import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { lineSignatureValid } from '../domain/signature';

const UNPARSED = Symbol.for('unparsedBody');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/channels/line/webhook: the signature first, then 200 at once; handling follows. */
  async lineWebhook(ctx: any) {
    const line = strapi.service('api::channel.line');
    if (!line.enabled()) throw new errors.NotFoundError('ช่องทาง LINE ยังไม่ได้ตั้งค่า / The LINE channel is not configured');
    const body = ctx.request.body;
    const raw = body && typeof body === 'object' ? body[UNPARSED] : undefined;
    if (typeof raw !== 'string' || !lineSignatureValid(raw, line.secret(), ctx.get('x-line-signature'))) {
      throw new errors.UnauthorizedError('ลายเซ็นไม่ถูกต้อง / Invalid X-Line-Signature');
    }
    line.accept(Array.isArray(body.events) ? body.events : []);
    ctx.status = 200;
    ctx.body = { ok: true };
  },
});
