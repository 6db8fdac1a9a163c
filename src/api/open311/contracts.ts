import type { Context } from 'koa';
import { z } from 'zod';
import type { FieldError, RouteContract } from '../../http/contract';
import { RATE_LIMITED } from '../../http/schemas';
import { COMPLAINT_CODES } from '../../shared/complaint-input';
import { open311Error, type Open311Error } from './domain/georeport';
import { open311Field, open311RequestInput, requestsQuery } from './domain/input';
import { sendOpen311 } from './send';

/** Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the spec's paths, fields and error list. */
const SPEC = 'Open311 GeoReport v2';
const TAGS = ['Open311'];
const MEDIA = ['application/json', 'text/xml'];
const format = z.enum(['json', 'xml']).meta({ description: "json, or xml (text/xml with the spec's root elements)" });
// Any value is taken: th or en choose, anything else falls back to Accept-Language (the spec knows no locale).
const locale = z.string().max(35).optional().meta({ description: 'Language of names, notices and errors: th or en; otherwise Accept-Language, then Thai' });

export const Open311Errors = z.array(
  z.object({
    code: z.int().meta({ description: 'The HTTP status' }),
    description: z.string().meta({ description: "The field, then what is wrong with it in the caller's language" }),
    field: z.string().optional().meta({ description: 'The field at fault (ours, beside the spec’s two)' }),
    reason: z.string().meta({ description: 'A stable code of what is wrong (ours, beside the spec’s two)' }),
  })
);
const errorsOf = (description: string) => ({ description, schema: Open311Errors, media: MEDIA });

/** A refusal in the spec's shape, each error naming the field as the client sent it. */
const refuse = (ctx: Context, status: number, found: FieldError[]) =>
  sendOpen311(
    ctx,
    status,
    'errors',
    found.map((e): Open311Error => open311Error(status, e.code, e.message, open311Field(e.path)))
  );

const Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string().nullable(),
  metadata: z.literal(false),
  type: z.literal('realtime'),
  keywords: z.string(),
  group: z.string().nullable().meta({ description: 'The responsible department' }),
});

const Request = z
  .object({
    service_request_id: z.string().meta({ description: 'The tracking code', examples: ['NK-6912-7KQ3M'] }),
    status: z.enum(['open', 'closed']),
    status_notes: z.string().nullable().meta({ description: 'The latest public reply; on a closed request, the reason it closed when no reply came after' }),
    service_name: z.string().nullable(),
    service_code: z.string().nullable(),
    agency_responsible: z.string().nullable(),
    service_notice: z.string().nullable(),
    requested_datetime: z.string().nullable(),
    updated_datetime: z.string().nullable(),
    expected_datetime: z.string().nullable(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.null(),
  })
  .meta({ description: 'A public complaint: never contact details, assignee or internal notes; never a confidential one' });

export const open311Discovery = {
  method: 'GET',
  path: '/open311/discovery.:format(json|xml)',
  operationId: 'open311Discovery',
  summary: 'Open311 service discovery: where the GeoReport v2 endpoint is and which formats it speaks',
  tags: TAGS,
  request: { params: z.object({ format }), query: z.object({ locale }) },
  refuse,
  responses: {
    200: {
      description: 'The discovery document',
      media: MEDIA,
      schema: z.object({
        changeset: z.string(),
        contact: z.string(),
        key_service: z.string(),
        endpoints: z.array(z.object({ specification: z.string(), url: z.string(), changeset: z.string(), type: z.string(), formats: z.array(z.string()) })),
      }),
    },
    400: errorsOf('A parameter is not valid'),
  },
} satisfies RouteContract;

export const open311Services = {
  method: 'GET',
  path: '/open311/v2/services.:format(json|xml)',
  operationId: 'open311Services',
  summary: `${SPEC}: the complaint categories one may file`,
  tags: TAGS,
  request: { params: z.object({ format }), query: z.object({ locale }) },
  refuse,
  responses: { 200: { description: 'One service per public complaint category', media: MEDIA, schema: z.array(Service) }, 400: errorsOf('A parameter is not valid') },
} satisfies RouteContract;

export const open311ServiceDefinition = {
  method: 'GET',
  path: '/open311/v2/services/:service_code.:format(json|xml)',
  operationId: 'open311ServiceDefinition',
  summary: `${SPEC}: a service definition (no extra attributes)`,
  tags: TAGS,
  request: { params: z.object({ service_code: z.string().max(40).meta({ examples: ['road'] }), format }), query: z.object({ locale }) },
  refuse,
  responses: {
    200: { description: 'The definition', media: MEDIA, schema: z.object({ service_code: z.string(), attributes: z.array(z.never()) }) },
    400: errorsOf('A parameter is not valid'),
    404: errorsOf('No service has this service_code'),
  },
} satisfies RouteContract;

export const open311CreateRequest = {
  method: 'POST',
  path: '/open311/v2/requests.:format(json|xml)',
  operationId: 'open311CreateRequest',
  summary: `${SPEC}: file a complaint (rate-limited per client address)`,
  description: 'A location is required: lat and long, or address_string. Contact details given are kept with consent (the client asked its user). A JSON body with the same fields is accepted too.',
  tags: TAGS,
  request: { params: z.object({ format }), query: z.object({ locale }), body: open311RequestInput, bodyMedia: 'application/x-www-form-urlencoded' },
  codes: [...COMPLAINT_CODES, 'location_incomplete', 'location_required'],
  refuse,
  responses: {
    201: {
      description: 'Filed',
      media: MEDIA,
      schema: z.array(z.object({ service_request_id: z.string(), service_notice: z.string().nullable(), account_id: z.string().nullable() })),
    },
    400: errorsOf('A field is not valid: each error names the field and a stable reason'),
    403: errorsOf('Missing or invalid api_key (when the server requires one)'),
    404: errorsOf('No service has this service_code'),
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

export const open311Requests = {
  method: 'GET',
  path: '/open311/v2/requests.:format(json|xml)',
  operationId: 'open311Requests',
  summary: `${SPEC}: public complaints, newest first (default the last 90 days, at most 1000; rate-limited per client address)`,
  tags: TAGS,
  request: { params: z.object({ format }), query: requestsQuery },
  codes: ['invalid_date', 'start_after_end', 'range_too_long', 'too_many_ids'],
  refuse,
  responses: { 200: { description: 'Requests', media: MEDIA, schema: z.array(Request) }, 400: errorsOf('A parameter is not valid'), 429: RATE_LIMITED },
} satisfies RouteContract;

export const open311Request = {
  method: 'GET',
  path: '/open311/v2/requests/:service_request_id.:format(json|xml)',
  operationId: 'open311Request',
  summary: `${SPEC}: one complaint by its tracking code (an array of one; rate-limited per client address)`,
  tags: TAGS,
  request: { params: z.object({ service_request_id: z.string().max(20).meta({ examples: ['NK-6912-7KQ3M'] }), format }), query: z.object({ locale }) },
  refuse,
  responses: {
    200: { description: 'The request', media: MEDIA, schema: z.array(Request).max(1) },
    400: errorsOf('A parameter is not valid'),
    404: errorsOf('No service request has this id'),
    429: RATE_LIMITED,
  },
} satisfies RouteContract;
