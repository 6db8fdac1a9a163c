import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { RATE_LIMITED, TOO_LARGE, isoDate, publicHistory, trackingCodeParam } from '../../http/schemas';
import { COMPLAINT_CODES, MAX_PHOTOS, MAX_PHOTO_BYTES, complaintInput } from '../../shared/complaint-input';
import { TRACKING_CODE_PATTERN } from './domain/tracking-code';
import { UPLOAD_TOKEN_TTL_MS } from './domain/upload-token';
import { COMPLAINT_STATES } from './workflow';

/** The public complaint routes, each with the one schema that validates, types and documents it. */
const states = COMPLAINT_STATES as [string, ...string[]];

export const PublicComplaint = z.object({
  trackingCode: z.string().meta({ examples: ['NK-6912-7KQ3M'] }),
  category: z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() }).nullable(),
  status: z.enum(states),
  publicStatus: z.enum(['open', 'closed']),
  channel: z.enum(['web', 'line', 'facebook', 'pole', 'open311', 'counter']),
  createdAt: isoDate.nullable(),
  dueAt: isoDate.nullable(),
  overdue: z.boolean(),
  resolvedAt: isoDate.nullable(),
  history: publicHistory,
});

/** A complaint whose category is confidential is never shown publicly; its author still gets the code. */
const Confidential = z.object({ trackingCode: z.string(), confidential: z.literal(true) });

export const createComplaint = {
  method: 'POST',
  path: '/complaints',
  operationId: 'createComplaint',
  summary: 'File a complaint (rate-limited per client address); the tracking code, state and dates are the server’s',
  tags: ['Complaint'],
  request: { body: z.object({ data: complaintInput }) },
  codes: COMPLAINT_CODES,
  responses: {
    201: { description: 'Filed: the public view, or only the tracking code when the category is confidential', schema: z.object({ data: z.union([PublicComplaint, Confidential]) }) },
    400: { description: 'Invalid input: error.details.errors lists each field with its code and a message in the caller’s language' },
    413: TOO_LARGE,
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

export const uploadComplaintPhotos = {
  method: 'POST',
  path: '/complaints/photos',
  operationId: 'uploadComplaintPhotos',
  summary: `Upload up to ${MAX_PHOTOS} photos for a complaint (rate-limited); send each id with its token in POST /complaints`,
  description: `Images only (checked by content), at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB each; re-encoded as JPEG without EXIF or GPS, longest side at most 2048 px, and kept in private storage: no URL serves them, only staff who may read the complaint see them. Each photo's token proves this client uploaded it and expires after ${UPLOAD_TOKEN_TTL_MS / 3600_000} hours; photos no complaint names are deleted after a day.`,
  tags: ['Complaint'],
  request: { files: { field: 'files', max: MAX_PHOTOS, media: 'image/*' } },
  codes: ['not_an_image', 'unreadable_image', 'file_too_large', 'image_too_large', 'malformed_multipart'],
  responses: {
    201: {
      description: 'Stored privately: each photo’s id and upload token, no URL',
      schema: z.object({
        data: z.array(
          z.object({
            id: z.int().meta({ description: 'The stored photo (not a Media Library file): send it in POST /complaints' }),
            token: z.string().meta({ description: 'The upload token: send it back with the id in POST /complaints' }),
          })
        ),
      }),
    },
    400: { description: 'No file, too many, or a file that is not a readable image' },
    413: { description: `A file is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB, or the form is too large (too many fields, or fields over 1 MB)` },
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

export const trackComplaint = {
  method: 'GET',
  path: '/complaints/track/:trackingCode',
  operationId: 'trackComplaint',
  summary: 'Follow a complaint by its tracking code: status, due date and public history (no personal data; rate-limited per client address)',
  tags: ['Complaint'],
  request: { params: z.object({ trackingCode: trackingCodeParam(TRACKING_CODE_PATTERN, 'NK-6912-7KQ3M') }) },
  codes: ['invalid_tracking_code'],
  responses: {
    200: { description: 'The public view', schema: z.object({ data: PublicComplaint }) },
    400: { description: 'Not a tracking code' },
    404: { description: 'No public complaint has this code' },
    429: RATE_LIMITED,
  },
} satisfies RouteContract;
