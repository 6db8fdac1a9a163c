import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { inputOf, notFound } from '../../../http/contract';
import { Windows, tooManyRequests } from '../../../http/windows';
import { billReference } from '../domain/bill-reference';

import { getTaxBillQr, lookupTaxBill } from '../contracts';
import type { QrService } from '../../../../plugins/qr/server/src/public';
import rates from '../rates/land-building-tax-rates.json';
import type { TaxBillService } from '../services/tax-bill';

const UID = 'api::tax-bill.tax-bill';

/**
 * Failed lookups per bill, whatever the address: a bill's owner ID cannot be guessed by spreading
 * the attempts over many addresses (the per-address limit is the route's rate-limit middleware).
 */
export const FAILED_LOOKUPS_PER_BILL = 5;
const failedLookups = new Windows(15 * 60_000);

export default factories.createCoreController(UID, ({ strapi }) => {
  const bills = () => strapi.service(UID) as TaxBillService;

  return {
    /** POST /api/tax-bills/lookup { billNumber, nationalId }: the bill's public view, or 404 (rate-limited). */
    async lookup(ctx: Context) {
      const { body, language } = inputOf(ctx, lookupTaxBill);
      // The contract accepted only bill numbers that have a reference; the printed number otherwise.
      const reference = billReference(body.billNumber) ?? body.billNumber;
      // Counted before looking, so concurrent attempts cannot all pass a count read before any failed.
      const { count, retryAfter } = failedLookups.hit(reference);
      if (count > FAILED_LOOKUPS_PER_BILL) {
        tooManyRequests(ctx, 'bill_locked', retryAfter, { limit: FAILED_LOOKUPS_PER_BILL });
        return;
      }
      const bill = await bills().lookup(body.billNumber, body.nationalId);
      if (!bill) {
        // The reference and the address only: never the ID number that was tried.
        if (count > 1) strapi.log.warn(`tax lookup: ${count} failed lookups of bill ${reference} in 15 minutes (the last from ${ctx.request.ip})${count >= FAILED_LOOKUPS_PER_BILL ? '; locked' : ''}`);
        // A wrong ID answers exactly like an unknown bill, so bills cannot be probed.
        throw notFound('bill_not_found', language);
      }
      // The owner's ID: earlier mistakes no longer count.
      failedLookups.forget(reference);
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
