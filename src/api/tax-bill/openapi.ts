import type { ExtraOperation } from '../../openapi/document';

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const money = { type: 'number', description: 'Baht, two decimals' };

const PublicBill = {
  type: 'object',
  properties: {
    billNumber: { type: 'string', example: 'DEMO-2569-0001', description: 'As printed on the bill' },
    taxYear: { type: 'integer', example: 2569, description: 'Buddhist era' },
    property: {
      type: 'object',
      properties: {
        deedNumber: { type: 'string', nullable: true },
        parcelNumber: { type: 'string', nullable: true },
        village: { type: 'integer', nullable: true },
        useCategory: { type: 'string', enum: ['agriculture', 'residence', 'other', 'vacant'] },
        areaSqWa: { type: 'number', nullable: true, description: 'Square wah' },
        assessedValue: { type: 'number', nullable: true },
      },
    },
    owner: { type: 'string', example: 'นาย ส**** ใ****', description: "The owner's name, masked" },
    taxAmount: money,
    reduction: money,
    surcharge: money,
    interest: money,
    paidAmount: money,
    installments: {
      type: 'array',
      items: { type: 'object', properties: { number: { type: 'integer' }, dueDate: { type: 'string', format: 'date' }, amount: money, paidAmount: money, paid: { type: 'boolean' } } },
    },
    amountDue: money,
    status: { type: 'string', enum: ['issued', 'partially_paid', 'paid', 'overdue', 'cancelled'] },
    qrPayload: { type: 'string', nullable: true, description: 'Thai QR Payment bill-payment payload (EMVCo); null when nothing is due' },
    qrImageUrl: { type: 'string', nullable: true, description: 'A PNG of the payload (a signed link)' },
  },
};

/** The tax routes are custom (a lookup, not a list), so they describe themselves. */
export const taxOperations: ExtraOperation[] = [
  {
    path: '/tax-bills/lookup',
    method: 'post',
    operation: {
      operationId: 'lookupTaxBill',
      summary: "A land-and-building tax bill by its number and the owner's national ID (rate-limited)",
      description: 'A wrong ID answers exactly like an unknown bill (404), so bills cannot be probed.',
      tags: ['Tax'],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['billNumber', 'nationalId'],
              properties: {
                billNumber: { type: 'string', maxLength: 40, example: 'DEMO-2569-0001', description: 'As printed, or without its dashes, spaces and slashes, in any case (DEMO25690001 is the same bill)' },
                nationalId: { type: 'string', pattern: '^\\d{13}$' },
              },
            },
          },
        },
      },
      responses: {
        '200': { description: "The bill's public view", content: { 'application/json': { schema: { type: 'object', properties: { data: PublicBill } } } } },
        '400': error('A missing field, a bill number with characters no bill number has, or a national ID whose check digit does not match'),
        '404': error('No bill matches this number and ID'),
        '429': { description: 'Too many requests from this address; see Retry-After' },
      },
    },
  },
  {
    path: '/tax-bills/qr/{token}.png',
    method: 'get',
    operation: {
      operationId: 'getTaxBillQr',
      summary: 'The payment QR of a bill, from the signed link in its public view',
      tags: ['Tax'],
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'PNG', content: { 'image/png': {} } }, '404': error('Unknown or outdated link') },
    },
  },
  {
    path: '/tax-rates',
    method: 'get',
    operation: {
      operationId: 'getTaxRates',
      summary: 'The statutory land-and-building tax rates by use and value band (progressive), for estimates',
      tags: ['Tax'],
      responses: { '200': { description: 'The rates' } },
    },
  },
];
