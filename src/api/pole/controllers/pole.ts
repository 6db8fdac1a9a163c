import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { QrService } from '../../../../plugins/qr/server/src/public';
import { toPublicPole, validatePoleReport } from '../domain/report';
import type { PoleService } from '../services/pole';

const UID = 'api::pole.pole';

export default factories.createCoreController(UID, ({ strapi }) => {
  const poles = () => strapi.service(UID) as PoleService;
  const code = (ctx: Context) => (ctx.params as Record<string, string>).code;

  /** The QR of the pole's report page, as PNG or SVG; the label is printed once, so cache long. */
  const qr = (format: 'png' | 'svg') => async (ctx: Context) => {
    const pole = await poles().findByCode(code(ctx));
    const url = poles().url(pole.code);
    const service = strapi.plugin('qr').service<QrService>('qr');
    ctx.set('Cache-Control', 'public, max-age=86400');
    if (format === 'svg') {
      ctx.type = 'image/svg+xml';
      ctx.body = await service.svg(url);
    } else {
      const size = Number(ctx.query.size);
      ctx.type = 'image/png';
      ctx.body = await service.png(url, { size: Number.isFinite(size) && size > 0 ? size : 600, logo: ctx.query.logo === 'true' });
    }
  };

  return {
    /** GET /api/poles: every pole's code, name, village, point and status; nothing else. */
    async list(ctx: Context) {
      ctx.body = { data: (await poles().list()).map(toPublicPole) };
    },

    /** GET /api/poles/:code: one pole and, while one is open, its fault report's public tracking. */
    async findOneByCode(ctx: Context) {
      const pole = await poles().findByCode(code(ctx));
      const open = await poles().openReport(pole.id);
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = {
        data: {
          ...toPublicPole(pole),
          report: open ? { trackingCode: open.trackingCode, status: open.state, reportCount: open.reportCount ?? 1, dueAt: open.dueAt } : null,
        },
      };
    },

    qrPng: qr('png'),
    qrSvg: qr('svg'),

    /** POST /api/poles/:code/reports: a fault report from the QR code (rate-limited). */
    async report(ctx: Context) {
      // An unknown pole is a 404 before the body is judged: the URL is what is wrong.
      const pole = await poles().findByCode(code(ctx));
      const { value, issues } = validatePoleReport((ctx.request as { body?: unknown }).body);
      if (!value) {
        throw new errors.ValidationError(`${issues[0].th} / ${issues[0].en}`, {
          errors: issues.map((i) => ({ path: i.path, message: `${i.th} / ${i.en}`, name: 'ValidationError' })),
        });
      }
      const result = await poles().report(pole, value);
      ctx.status = result.created ? 201 : 200;
      ctx.body = {
        data: {
          trackingCode: result.trackingCode,
          added: !result.created,
          reportCount: result.reportCount,
          pole: toPublicPole({ ...pole, status: result.poleStatus }),
        },
      };
    },
  };
});
