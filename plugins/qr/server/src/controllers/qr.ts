import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { QrService } from '../services/qr';

/** GET /qr/render?text=…&format=png|svg&size=&logo=true (admin): a QR of any text, for staff tools. */
export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async render(ctx) {
      const { text, format = 'png', size, logo } = ctx.query;
      if (typeof text !== 'string' || !text || text.length > 1000) {
        throw new errors.ValidationError('กรุณาระบุข้อความ 1-1000 ตัวอักษร / text must be 1 to 1000 characters', {
          errors: [{ path: ['text'], message: 'text must be 1 to 1000 characters', name: 'ValidationError' }],
        });
      }
      const qr = strapi.plugin('qr').service<QrService>('qr');
      if (format === 'svg') {
        ctx.type = 'image/svg+xml';
        ctx.body = await qr.svg(text);
      } else {
        ctx.type = 'image/png';
        ctx.body = await qr.png(text, { size: size ? Number(size) : undefined, logo: logo === 'true' });
      }
    },
  }) satisfies Core.Controller;
