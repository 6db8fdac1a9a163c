import type { ExtraOperation } from '../../openapi/document';

const FieldErrors = {
  description: 'Invalid input: error.details.errors lists each field (path) with its reason in Thai and English',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

const PublicComplaint = {
  type: 'object',
  properties: {
    trackingCode: { type: 'string', example: 'NK-6911-7KQ3M' },
    category: { type: 'object', nullable: true, properties: { code: { type: 'string' }, nameTh: { type: 'string' }, nameEn: { type: 'string' } } },
    status: { type: 'string', enum: ['received', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'referred', 'duplicate', 'reopened'] },
    publicStatus: { type: 'string', enum: ['open', 'closed'] },
    channel: { type: 'string', enum: ['web', 'line', 'facebook', 'pole', 'open311', 'counter'] },
    createdAt: { type: 'string', format: 'date-time' },
    dueAt: { type: 'string', format: 'date-time', nullable: true },
    overdue: { type: 'boolean' },
    resolvedAt: { type: 'string', format: 'date-time', nullable: true },
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: { at: { type: 'string', format: 'date-time' }, kind: { type: 'string' }, status: { type: 'string', nullable: true }, message: { type: 'string', nullable: true } },
      },
    },
  },
};

/** The complaint routes are custom (not core content-API routes), so they describe themselves. */
export const complaintOperations: ExtraOperation[] = [
  {
    path: '/complaints',
    method: 'post',
    operation: {
      operationId: 'createComplaint',
      summary: 'File a complaint (rate-limited per client address)',
      tags: ['Complaint'],
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
                  required: ['category', 'description'],
                  properties: {
                    category: { type: 'string', description: 'A category code from GET /complaint-categories (the Open311 service_code)' },
                    title: { type: 'string', maxLength: 200 },
                    description: { type: 'string', maxLength: 5000 },
                    location: { type: 'object', properties: { lat: { type: 'number' }, lng: { type: 'number' } }, description: 'A point in Thailand' },
                    address: { type: 'string', maxLength: 300 },
                    village: { type: 'integer', minimum: 1, maximum: 99, description: 'หมู่ที่' },
                    contact: { type: 'object', properties: { name: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string', format: 'email' } } },
                    consent: { type: 'boolean', description: 'Required (true) when contact details are given' },
                    photos: { type: 'array', maxItems: 3, items: { type: 'integer' }, description: 'Ids of uploaded images' },
                  },
                },
              },
            },
          },
        },
      },
      responses: {
        '201': { description: 'Filed; the public view with the tracking code', content: { 'application/json': { schema: { type: 'object', properties: { data: PublicComplaint } } } } },
        '400': FieldErrors,
        '429': { description: 'Too many requests from this address; see Retry-After' },
      },
    },
  },
  {
    path: '/complaints/photos',
    method: 'post',
    operation: {
      operationId: 'uploadComplaintPhotos',
      summary: 'Upload up to 3 photos for a complaint (rate-limited); send their ids in POST /complaints',
      description: 'Images only (checked by content), at most 10 MB each; re-encoded as JPEG without EXIF or GPS, longest side at most 2048 px.',
      tags: ['Complaint'],
      requestBody: {
        required: true,
        content: { 'multipart/form-data': { schema: { type: 'object', properties: { files: { type: 'array', maxItems: 3, items: { type: 'string', format: 'binary' } } } } } },
      },
      responses: {
        '201': {
          description: 'Stored',
          content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, url: { type: 'string' } } } } } } } },
        },
        '400': FieldErrors,
        '413': { description: 'A file is larger than 10 MB' },
        '429': { description: 'Too many requests from this address; see Retry-After' },
      },
    },
  },
  {
    path: '/complaints/track/{trackingCode}',
    method: 'get',
    operation: {
      operationId: 'trackComplaint',
      summary: 'Follow a complaint by its tracking code: status, due date and public history (no personal data)',
      tags: ['Complaint'],
      parameters: [{ name: 'trackingCode', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { data: PublicComplaint } } } } },
        '404': { description: 'No complaint has this code' },
      },
    },
  },
];
