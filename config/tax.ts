import type { Core } from '@strapi/strapi';

/** Land-and-building tax: the town's Thai QR bill-payment account (read as strapi.config.get('tax')). */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // 15 digits: the municipality's 13-digit tax ID and a 2-digit suffix, as registered with its bank.
  // The default is the demo town's made-up account: set the real one before taxpayers pay.
  billerId: env('PROMPTPAY_BILLER_ID', '099400016602401'),
  // Tag 59 of the QR payload: EMV's "ans" set (Latin letters, digits, spaces, punctuation), first 25 used.
  merchantName: env('PROMPTPAY_MERCHANT_NAME', 'NOK OK MUNICIPALITY'),
});

export default config;
