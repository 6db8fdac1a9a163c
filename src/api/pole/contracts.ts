import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { RATE_LIMITED, TOO_LARGE, isoDate } from '../../http/schemas';
import { POLE_STATUSES, poleReportInput } from '../../shared/pole-report';

/** The public pole routes: an allow-listed view of each pole, its QR label and its fault report. */
export const PublicPole = z.object({
  code: z.string().meta({ examples: ['NOK-P01'] }),
  name: z.string(),
  village: z.int().nullable().meta({ description: 'หมู่ที่ (village number)' }),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  status: z.enum(POLE_STATUSES),
});

const params = z.object({ code: z.string().max(40).meta({ description: 'The code printed on the pole’s label, any case', examples: ['NOK-P01'] }) });
const NOT_FOUND = { description: 'No pole has this code' };

export const listPoles = {
  method: 'GET',
  path: '/poles',
  operationId: 'listPoles',
  summary: 'Every loudspeaker pole: code, name, village, point and status',
  tags: ['Pole'],
  responses: { 200: { description: 'The poles', schema: z.object({ data: z.array(PublicPole) }) } },
} satisfies RouteContract;

export const getPole = {
  method: 'GET',
  path: '/poles/:code',
  operationId: 'getPole',
  summary: "One pole, with its open fault report's tracking code and status while one is open",
  tags: ['Pole'],
  request: { params },
  responses: {
    200: {
      description: 'The pole',
      schema: z.object({
        data: PublicPole.extend({
          report: z.object({ trackingCode: z.string(), status: z.string(), reportCount: z.int(), dueAt: isoDate.nullable() }).nullable(),
        }),
      }),
    },
    400: { description: 'Not a pole code' },
    404: NOT_FOUND,
  },
} satisfies RouteContract;

export const getPoleQrPng = {
  method: 'GET',
  path: '/poles/:code/qr.png',
  operationId: 'getPoleQrPng',
  summary: "The QR code of the pole's report page (PUBLIC_URL/p/{code}) as PNG, for printing the label",
  tags: ['Pole'],
  request: {
    params,
    query: z.object({
      // A few sizes only: each is rendered once and cached, so no one can make the server draw thousands.
      size: z.enum(['300', '600', '800', '1200']).default('600').transform(Number).meta({ description: 'Width and height in pixels: 300, 600 (default), 800 or 1200' }),
      logo: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').meta({ description: "The town's logo in the centre" }),
    }),
  },
  responses: { 200: { description: 'The image', media: ['image/png'] }, 400: { description: 'A size other than 300, 600, 800 or 1200' }, 404: NOT_FOUND },
} satisfies RouteContract;

export const getPoleQrSvg = {
  method: 'GET',
  path: '/poles/:code/qr.svg',
  operationId: 'getPoleQrSvg',
  summary: "The QR code of the pole's report page (PUBLIC_URL/p/{code}) as SVG",
  tags: ['Pole'],
  request: { params },
  responses: { 200: { description: 'The image', media: ['image/svg+xml'] }, 400: { description: 'Not a pole code' }, 404: NOT_FOUND },
} satisfies RouteContract;

const ReportAnswer = z.object({
  data: z.object({ trackingCode: z.string(), added: z.boolean(), reportCount: z.int(), pole: PublicPole }),
});

export const reportPoleFault = {
  method: 'POST',
  path: '/poles/:code/reports',
  operationId: 'reportPoleFault',
  summary: 'Report a fault of a pole (rate-limited): opens a complaint, or adds to the open one',
  tags: ['Pole'],
  request: { params, body: z.object({ data: poleReportInput }) },
  codes: ['invalid_phone', 'control_characters'],
  responses: {
    201: { description: 'A new fault report (a complaint) was opened', schema: ReportAnswer },
    200: { description: "Added to the pole's open report (reportCount grew)", schema: ReportAnswer },
    400: { description: 'Invalid input: error.details.errors lists each field with its code and a message in the caller’s language' },
    404: NOT_FOUND,
    413: TOO_LARGE,
    429: RATE_LIMITED,
  },
} satisfies RouteContract;
