import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import type { QrService } from '../../../../plugins/qr/server/src/public';
import { inputOf, notFound } from '../../../http/contract';
import type { Language } from '../../../http/messages';
import { getPole, getPoleQrPng, getPoleQrSvg, reportPoleFault } from '../contracts';
import { toPublicPole } from '../domain/report';
import type { PoleService } from '../services/pole';

const UID = 'api::pole.pole';

/** Thin: each route's contract validated its input; find the pole, shape the public answer. */
export default factories.createCoreController(UID, ({ strapi }) => {
  const poles = () => strapi.service(UID) as PoleService;
  const qr = () => strapi.plugin('qr').service<QrService>('qr');

  const poleOf = async (code: string, language: Language) => {
    const pole = await poles().findByCode(code);
    if (!pole) throw notFound('pole_not_found', language);
    return pole;
  };

  return {
    /** GET /api/poles: every pole's code, name, village, point and status; nothing else. */
    async list(ctx: Context) {
      ctx.body = { data: (await poles().list()).map(toPublicPole) };
    },

    /** GET /api/poles/:code: one pole and, while one is open, its fault report's public tracking. */
    async findOneByCode(ctx: Context) {
      const { params, language } = inputOf(ctx, getPole);
      const pole = await poleOf(params.code, language);
      const open = await poles().openReport(pole.id);
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = {
        data: {
          ...toPublicPole(pole),
          report: open ? { trackingCode: open.trackingCode, status: open.state, reportCount: open.reportCount ?? 1, dueAt: open.dueAt ? new Date(open.dueAt).toISOString() : null } : null,
        },
      };
    },

    /** The QR of the pole's report page; the label is printed once, so cache long. */
    async qrPng(ctx: Context) {
      const { params, query, language } = inputOf(ctx, getPoleQrPng);
      const pole = await poleOf(params.code, language);
      ctx.set('Cache-Control', 'public, max-age=86400');
      ctx.type = 'image/png';
      ctx.body = await qr().png(poles().url(pole.code), { size: query.size, logo: query.logo });
    },

    async qrSvg(ctx: Context) {
      const { params, language } = inputOf(ctx, getPoleQrSvg);
      const pole = await poleOf(params.code, language);
      ctx.set('Cache-Control', 'public, max-age=86400');
      ctx.type = 'image/svg+xml';
      ctx.body = await qr().svg(poles().url(pole.code));
    },

    /** POST /api/poles/:code/reports: a fault report from the QR code (rate-limited). */
    async report(ctx: Context) {
      const { params, body, language } = inputOf(ctx, reportPoleFault);
      const pole = await poleOf(params.code, language);
      const result = await poles().report(pole, body.data);
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
