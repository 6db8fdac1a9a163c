import { route } from '../../../http/contract';
import { TAX_LOOKUP_BUDGET } from '../bill-proof';
import { getTaxBillQr, getTaxRates, lookupTaxBill } from '../contracts';

/** Public tax routes only: no list of bills exists for anyone but staff. */
export default {
  routes: [
    route(lookupTaxBill, 'tax-bill.lookup', { middlewares: [TAX_LOOKUP_BUDGET] }),
    route(getTaxBillQr, 'tax-bill.qr'),
    route(getTaxRates, 'tax-bill.rates'),
  ],
};
