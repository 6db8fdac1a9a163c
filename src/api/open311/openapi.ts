import type { ExtraOperation } from '../../openapi/document';

const SPEC = 'Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2)';
const format = { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] }, description: 'json, or xml (text/xml with the spec\'s root elements)' };
const locale = { name: 'locale', in: 'query', required: false, schema: { type: 'string', enum: ['th', 'en'] }, description: 'Language of names and notices; default Thai, or Accept-Language' };

const Open311Errors = {
  description: 'Errors in the spec\'s shape: [{ code, description }] (XML: <errors><error>…), each description naming the field in Thai and English',
  content: {
    'application/json': { schema: { type: 'array', items: { type: 'object', properties: { code: { type: 'integer' }, description: { type: 'string' } } } } },
    'text/xml': { schema: { type: 'string' } },
  },
};
const ok = (description: string, schema: Record<string, unknown>) => ({
  description,
  content: { 'application/json': { schema }, 'text/xml': { schema: { type: 'string' } } },
});

const Service = {
  type: 'object',
  properties: {
    service_code: { type: 'string' },
    service_name: { type: 'string' },
    description: { type: 'string', nullable: true },
    metadata: { type: 'boolean', enum: [false] },
    type: { type: 'string', enum: ['realtime'] },
    keywords: { type: 'string' },
    group: { type: 'string', nullable: true, description: 'The responsible department' },
  },
};

const Request = {
  type: 'object',
  description: 'A public complaint: never contact details, assignee or internal notes; never a confidential one',
  properties: {
    service_request_id: { type: 'string', example: 'NK-6911-7KQ3M', description: 'The tracking code' },
    status: { type: 'string', enum: ['open', 'closed'] },
    status_notes: { type: 'string', nullable: true, description: 'The latest public reply' },
    service_name: { type: 'string', nullable: true },
    service_code: { type: 'string', nullable: true },
    description: { type: 'string', nullable: true },
    agency_responsible: { type: 'string', nullable: true },
    service_notice: { type: 'string', nullable: true },
    requested_datetime: { type: 'string', format: 'date-time' },
    updated_datetime: { type: 'string', format: 'date-time' },
    expected_datetime: { type: 'string', format: 'date-time', nullable: true },
    address: { type: 'string', nullable: true },
    lat: { type: 'number', nullable: true },
    long: { type: 'number', nullable: true },
    media_url: { type: 'string', nullable: true },
  },
};

const NewRequest = {
  type: 'object',
  required: ['service_code', 'description'],
  description: 'A location is required: lat and long, or address_string. Contact details given are kept with consent (the client asked its user).',
  properties: {
    service_code: { type: 'string' },
    lat: { type: 'number', description: 'WGS84, in Thailand' },
    long: { type: 'number', description: 'WGS84, in Thailand' },
    address_string: { type: 'string', maxLength: 300 },
    description: { type: 'string', maxLength: 5000 },
    email: { type: 'string', format: 'email' },
    first_name: { type: 'string' },
    last_name: { type: 'string' },
    phone: { type: 'string' },
    device_id: { type: 'string', description: 'Accepted, not stored' },
    account_id: { type: 'string', description: 'Echoed in the answer, not stored' },
    media_url: { type: 'string', description: 'Accepted, not stored' },
    api_key: { type: 'string', description: 'A Strapi API token (not read-only); required when the server sets OPEN311_REQUIRE_KEY=true' },
  },
};

/** The Open311 routes are custom, so they describe themselves (paths are relative to /api). */
export const open311Operations: ExtraOperation[] = [
  {
    path: '/open311/discovery.{format}',
    method: 'get',
    operation: {
      operationId: 'open311Discovery',
      summary: 'Open311 service discovery: where the GeoReport v2 endpoint is and which formats it speaks',
      tags: ['Open311'],
      parameters: [format],
      responses: { '200': ok('The discovery document', { type: 'object' }) },
    },
  },
  {
    path: '/open311/v2/services.{format}',
    method: 'get',
    operation: {
      operationId: 'open311Services',
      summary: `${SPEC}: the complaint categories one may file`,
      tags: ['Open311'],
      parameters: [format, locale],
      responses: { '200': ok('One service per public complaint category', { type: 'array', items: Service }) },
    },
  },
  {
    path: '/open311/v2/services/{service_code}.{format}',
    method: 'get',
    operation: {
      operationId: 'open311ServiceDefinition',
      summary: `${SPEC}: a service definition (no extra attributes)`,
      tags: ['Open311'],
      parameters: [{ name: 'service_code', in: 'path', required: true, schema: { type: 'string' } }, format],
      responses: {
        '200': ok('The definition', { type: 'object', properties: { service_code: { type: 'string' }, attributes: { type: 'array', maxItems: 0, items: { type: 'object' } } } }),
        '404': Open311Errors,
      },
    },
  },
  {
    path: '/open311/v2/requests.{format}',
    method: 'post',
    operation: {
      operationId: 'open311CreateRequest',
      summary: `${SPEC}: file a complaint (rate-limited per client address)`,
      tags: ['Open311'],
      parameters: [format, locale],
      requestBody: {
        required: true,
        content: { 'application/x-www-form-urlencoded': { schema: NewRequest }, 'application/json': { schema: NewRequest } },
      },
      responses: {
        '201': ok('Filed', {
          type: 'array',
          items: { type: 'object', properties: { service_request_id: { type: 'string' }, service_notice: { type: 'string', nullable: true }, account_id: { type: 'string', nullable: true } } },
        }),
        '400': Open311Errors,
        '403': Open311Errors,
        '404': Open311Errors,
        '429': { description: 'Too many requests from this address; see Retry-After' },
      },
    },
  },
  {
    path: '/open311/v2/requests.{format}',
    method: 'get',
    operation: {
      operationId: 'open311Requests',
      summary: `${SPEC}: public complaints, newest first (default the last 90 days, at most 1000)`,
      tags: ['Open311'],
      parameters: [
        format,
        { name: 'service_request_id', in: 'query', schema: { type: 'string' }, description: 'Comma-separated tracking codes; overrides the other filters' },
        { name: 'service_code', in: 'query', schema: { type: 'string' }, description: 'Comma-separated service codes' },
        { name: 'start_date', in: 'query', schema: { type: 'string', format: 'date-time' } },
        { name: 'end_date', in: 'query', schema: { type: 'string', format: 'date-time' }, description: 'At most 90 days after start_date' },
        { name: 'status', in: 'query', schema: { type: 'string' }, description: 'open, closed, or both comma-separated' },
        locale,
      ],
      responses: { '200': ok('Requests', { type: 'array', items: Request }), '400': Open311Errors },
    },
  },
  {
    path: '/open311/v2/requests/{service_request_id}.{format}',
    method: 'get',
    operation: {
      operationId: 'open311Request',
      summary: `${SPEC}: one complaint by its tracking code (an array of one)`,
      tags: ['Open311'],
      parameters: [{ name: 'service_request_id', in: 'path', required: true, schema: { type: 'string' } }, format, locale],
      responses: { '200': ok('The request', { type: 'array', maxItems: 1, items: Request }), '404': Open311Errors },
    },
  },
];
