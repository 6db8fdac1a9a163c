import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { inputOf, notFound } from '../../../http/contract';
import { tooManyRequests } from '../../../http/windows';
import { FAILED_LOOKUPS_PER_BILL, proveBill } from '../bill-proof';

import { getTaxBillQr, lookupTaxBill } from '../contracts';
import type { QrService } from '../../../../plugins/qr/server/src/public';
import rates from '../rates/land-building-tax-rates.json';
import type { TaxBillService } from '../services/tax-bill';

const UID = 'api::tax-bill.tax-bill';

export { FAILED_LOOKUPS_PER_BILL };

export default factories.createCoreController(UID, ({ strapi }) => {
  const bills = () => strapi.service(UID) as TaxBillService;

  return {
    /** POST /api/tax-bills/lookup { billNumber, nationalId }: the bill's public view, or 404 (rate-limited). */
    async lookup(ctx: Context) {
      const { body, language } = inputOf(ctx, lookupTaxBill);
      const proof = await proveBill(strapi, body.billNumber, body.nationalId, ctx.request.ip);
      if ('locked' in proof) {
        tooManyRequests(ctx, 'bill_locked', proof.locked, { limit: FAILED_LOOKUPS_PER_BILL });
        return;
      }
      // A wrong ID answers exactly like an unknown bill, so bills cannot be probed.
      if ('notFound' in proof) throw notFound('bill_not_found', language);
      const { bill } = proof;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: bills().publicView(bill) };
    },

    /** GET /api/tax-bills/qr/:token.png: the payment QR of a bill, from the signed link in its public view. */
    async qr(ctx: Context) {
      const { params, language } = inputOf(ctx, getTaxBillQr);
      const found = await bills().fromQrToken(params.token);
      if (!found) throw notFound('qr_not_found', language);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.type = 'image/png';
      // M: a code shown on a phone screen, not weathering outdoors; large modules read best there.
      ctx.body = await strapi.plugin('qr').service<QrService>('qr').png(found.payload, { size: 600, errorCorrection: 'M' });
    },

    /** GET /tax-bills/payments/review (admin route, see admin-routes.ts): bank payments flagged for a person. */
    async paymentsToReview(ctx: Context) {
      ctx.body = { results: await bills().paymentsToReview() };
    },

    /** GET /api/tax-rates: the statutory rates by use and value band, for the estimate. */
    rates(ctx: Context) {
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.body = { data: rates };
    },
  };
});
