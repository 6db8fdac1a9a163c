import type { ExtraOperation } from '../../openapi/document';
import { FAULTS } from './domain/report';

const PublicPole = {
  type: 'object',
  properties: {
    code: { type: 'string', example: 'NOK-P01' },
    name: { type: 'string' },
    village: { type: 'integer', nullable: true, description: 'หมู่ที่' },
    location: { type: 'object', nullable: true, properties: { lat: { type: 'number' }, lng: { type: 'number' } } },
    status: { type: 'string', enum: ['working', 'reported', 'under_repair', 'out_of_service'] },
  },
};
const code = { name: 'code', in: 'path', required: true, schema: { type: 'string', example: 'NOK-P01' } };
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The pole routes are custom (an allow-listed public view), so they describe themselves. */
export const poleOperations: ExtraOperation[] = [
  {
    path: '/poles',
    method: 'get',
    operation: {
      operationId: 'listPoles',
      summary: 'Every loudspeaker pole: code, name, village, point and status',
      tags: ['Pole'],
      responses: { '200': { description: 'The poles', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: PublicPole } } } } } } },
    },
  },
  {
    path: '/poles/{code}',
    method: 'get',
    operation: {
      operationId: 'getPole',
      summary: "One pole, with its open fault report's tracking code and status while one is open",
      tags: ['Pole'],
      parameters: [code],
      responses: {
        '200': {
          description: 'The pole',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  data: {
                    allOf: [PublicPole, { type: 'object', properties: { report: { type: 'object', nullable: true, properties: { trackingCode: { type: 'string' }, status: { type: 'string' }, reportCount: { type: 'integer' }, dueAt: { type: 'string', format: 'date-time' } } } } }],
                  },
                },
              },
            },
          },
        },
        '404': error('No pole has this code'),
      },
    },
  },
  ...(['png', 'svg'] as const).map(
    (format): ExtraOperation => ({
      path: `/poles/{code}/qr.${format}`,
      method: 'get',
      operation: {
        operationId: `getPoleQr${format === 'png' ? 'Png' : 'Svg'}`,
        summary: `The QR code of the pole's report page (PUBLIC_URL/p/{code}) as ${format.toUpperCase()}`,
        tags: ['Pole'],
        parameters: [code, ...(format === 'png' ? [{ name: 'size', in: 'query', schema: { type: 'integer', minimum: 64, maximum: 2048, default: 600 } }, { name: 'logo', in: 'query', schema: { type: 'boolean' }, description: "The town's logo in the centre" }] : [])],
        responses: { '200': { description: 'The image', content: { [format === 'png' ? 'image/png' : 'image/svg+xml']: {} } }, '404': error('No pole has this code') },
      },
    })
  ),
  {
    path: '/poles/{code}/reports',
    method: 'post',
    operation: {
      operationId: 'reportPoleFault',
      summary: 'Report a fault of a pole (rate-limited): opens a complaint, or adds to the open one',
      tags: ['Pole'],
      parameters: [code],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['data'],
              properties: {
                data: {
                  type: 'object',
                  required: ['fault'],
                  properties: {
                    fault: { type: 'string', enum: Object.keys(FAULTS) },
                    note: { type: 'string', maxLength: 500 },
                    phone: { type: 'string', description: 'A Thai phone number, kept private for calling back' },
                  },
                },
              },
            },
          },
        },
      },
      responses: {
        '201': { description: 'A new fault report (complaint) was opened' },
        '200': { description: 'Added to the pole\'s open report (reportCount grew)' },
        '400': error('Invalid input: error.details.errors names each field with its reason in Thai and English'),
        '404': error('No pole has this code'),
        '429': { description: 'Too many requests from this address; see Retry-After' },
      },
    },
  },
];
