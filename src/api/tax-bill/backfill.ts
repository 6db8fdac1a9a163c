import type { Core } from '@strapi/strapi';
import type { TaxBillService } from './services/tax-bill';

/**
 * Called from the app's bootstrap, before the demo seed: bills imported before reference 1 was kept
 * beside the printed number get it (one query when there is nothing to do).
 */
export async function backfillTaxBillReferences(strapi: Core.Strapi) {
  const { filled, left } = await (strapi.service('api::tax-bill.tax-bill') as TaxBillService).backfillReferences();
  if (filled) strapi.log.info(`Tax bills: reference 1 derived for ${filled} bills stored before it was kept`);
  if (left.length) {
    strapi.log.warn(
      `Tax bills: ${left.length} bills have no usable reference 1 (at most 20 letters A-Z and digits, one bill per year), so they cannot be looked up or paid by QR until re-imported with a valid number: ${left.slice(0, 20).join(', ')}${left.length > 20 ? ', …' : ''}`
    );
  }
}
