import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { RATE_LIMITED, TOO_LARGE } from '../../http/schemas';
import { TAX_LOOKUP_CODES, taxLookupInput } from '../../shared/tax-lookup';

/** The public tax routes: a lookup (never a list), the bill's payment QR and the statutory rates. */
const money = z.number().meta({ description: 'Baht, two decimals' });

export const PublicBill = z.object({
  billNumber: z.string().meta({ description: 'As printed on the bill', examples: ['DEMO-2569-0001'] }),
  taxYear: z.int().meta({ description: 'Buddhist era', examples: [2569] }),
  property: z.object({
    deedNumber: z.string().nullable(),
    parcelNumber: z.string().nullable(),
    village: z.int().nullable(),
    useCategory: z.enum(['agriculture', 'residence', 'other', 'vacant']),
    areaSqWa: z.number().nullable().meta({ description: 'Square wah' }),
    assessedValue: z.number().nullable(),
  }),
  owner: z.string().meta({ description: "The owner's name, masked", examples: ['นาย ส**** ใ****'] }),
  taxAmount: money,
  reduction: money,
  surcharge: money,
  interest: money,
  paidAmount: money,
  installments: z.array(z.object({ number: z.int(), dueDate: z.string().meta({ format: 'date' }), amount: money, paidAmount: money, paid: z.boolean() })),
  amountDue: money,
  status: z.enum(['issued', 'partially_paid', 'paid', 'overdue', 'cancelled']),
  qrPayload: z.string().nullable().meta({ description: 'Thai QR Payment bill-payment payload (EMVCo); null when nothing is due' }),
  qrImageUrl: z.string().nullable().meta({ description: 'A PNG of the payload (a signed link)' }),
});

export const lookupTaxBill = {
  method: 'POST',
  path: '/tax-bills/lookup',
  operationId: 'lookupTaxBill',
  summary: "A land-and-building tax bill by its number and the owner's national ID (rate-limited)",
  description:
    'A wrong ID answers exactly like an unknown bill (404), so bills cannot be probed. Limited per client address, and per bill whatever the address: after 5 failed lookups of a bill in 15 minutes, 429 (code bill_locked) for that bill until the window ends.',
  tags: ['Tax'],
  request: { body: taxLookupInput },
  codes: TAX_LOOKUP_CODES,
  responses: {
    200: { description: "The bill's public view", schema: z.object({ data: PublicBill }) },
    400: { description: 'A missing field, a bill number with characters no bill number has, or a national ID whose check digit does not match' },
    404: { description: 'No bill matches this number and ID' },
    413: TOO_LARGE,
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

export const getTaxBillQr = {
  method: 'GET',
  path: '/tax-bills/qr/:token.png',
  operationId: 'getTaxBillQr',
  summary: 'The payment QR of a bill, from the signed link in its public view',
  tags: ['Tax'],
  request: { params: z.object({ token: z.string().max(200) }) },
  responses: { 200: { description: 'PNG', media: ['image/png'] }, 400: { description: 'Not a link this server signs' }, 404: { description: 'Unknown or outdated link' } },
} satisfies RouteContract;

const band = z.object({ upTo: z.number().nullable(), ratePercent: z.number() });
const Rates = z.object({
  source: z.string(),
  sourceEn: z.string(),
  note: z.string(),
  noteEn: z.string(),
  categories: z.array(
    z.object({
      key: z.string(),
      th: z.string(),
      en: z.string(),
      variants: z.array(z.object({ key: z.string(), th: z.string(), en: z.string(), bands: z.array(band) })),
    })
  ),
});

export const getTaxRates = {
  method: 'GET',
  path: '/tax-rates',
  operationId: 'getTaxRates',
  summary: 'The statutory land-and-building tax rates by use and value band (progressive), for estimates',
  tags: ['Tax'],
  responses: { 200: { description: 'The rates', schema: z.object({ data: Rates }) } },
} satisfies RouteContract;
