import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { RATE_LIMITED, TOO_LARGE, isoDate, publicHistory, trackingCodeParam } from '../../http/schemas';
import { COMPLAINT_CODES, MAX_PHOTOS, MAX_PHOTO_BYTES, complaintInput } from '../../shared/complaint-input';
import { TRACKING_CODE_PATTERN } from './domain/tracking-code';
import { UPLOAD_TOKEN_TTL_MS } from './domain/upload-token';
import { COMPLAINT_STATES } from './workflow';
import { NOT_FIXED_DAYS } from './domain/not-fixed';
import { notFixedInput } from '../../shared/not-fixed-input';

/** The public complaint routes, each with the one schema that validates, types and documents it. */
const states = COMPLAINT_STATES as [string, ...string[]];

/** A photo of a complaint, served only through its tracking code: the whole JPEG and a thumbnail. */
const PhotoRef = z.object({
  id: z.int(),
  url: z.string().meta({ description: 'GET /complaints/track/{trackingCode}/photos/{id}?size=full' }),
  thumbUrl: z.string().meta({ description: 'The same photo, longest side 320 px (?size=thumb)' }),
});

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
  photos: z
    .object({ before: z.array(PhotoRef), after: z.array(PhotoRef) })
    .meta({ description: 'The citizen’s photos of the problem (before) and staff’s photos of the fix (after)' }),
  reopenCount: z.int().min(0).meta({ description: 'How many times the complaint was reopened (by staff or by the citizen’s “not fixed”)' }),
  notFixed: z
    .object({
      allowed: z.boolean().meta({ description: 'True: POST …/not-fixed would reopen it now' }),
      until: isoDate.nullable().meta({ description: `The last moment for “not fixed” (${NOT_FIXED_DAYS} days after resolution), while resolved or closed` }),
      used: z.boolean().meta({ description: 'The citizen already said “not fixed” once' }),
    })
    .meta({ description: `“Not fixed”: once, within ${NOT_FIXED_DAYS} days of resolution` }),
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
  description: `Images only (checked by content), at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB each; re-encoded as JPEG without EXIF or GPS, longest side at most 2048 px, and kept in private storage: no file URL serves them; staff see them on the case page, and anyone with the complaint's tracking code through GET /complaints/track/{trackingCode}/photos/{id} (never for a confidential category). Each photo's token proves this client uploaded it and expires after ${UPLOAD_TOKEN_TTL_MS / 3600_000} hours; photos no complaint names are deleted after a day.`,
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

const trackingParams = z.object({ trackingCode: trackingCodeParam(TRACKING_CODE_PATTERN, 'NK-6912-7KQ3M') });

export const trackComplaintPhoto = {
  method: 'GET',
  path: '/complaints/track/:trackingCode/photos/:id',
  operationId: 'trackComplaintPhoto',
  summary: 'A photo of a complaint by its tracking code: the re-encoded JPEG (no EXIF or GPS), whole or as a thumbnail (rate-limited per client address)',
  tags: ['Complaint'],
  request: {
    params: trackingParams.extend({ id: z.coerce.number().int().min(1).meta({ description: 'A photo id from the tracking view' }) }),
    query: z.object({ size: z.enum(['full', 'thumb']).optional().meta({ description: 'thumb: longest side 320 px; full by default' }) }),
  },
  codes: ['invalid_tracking_code'],
  responses: {
    200: { description: 'The JPEG', media: ['image/jpeg'] },
    400: { description: 'Not a tracking code, or a bad size' },
    404: { description: 'No public complaint has this code, or this photo is not one of its photos' },
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

export const notFixedComplaint = {
  method: 'POST',
  path: '/complaints/track/:trackingCode/not-fixed',
  operationId: 'notFixedComplaint',
  summary: `The citizen says the complaint is not fixed: it is reopened, once, within ${NOT_FIXED_DAYS} days of its resolution (rate-limited per client address)`,
  description: 'Allowed while the complaint is resolved or closed, resolved at most 14 days ago, and the citizen has not said “not fixed” before. The case is reopened with the reason in its public history and the officer is told.',
  tags: ['Complaint'],
  request: { params: trackingParams, body: z.object({ data: notFixedInput }) },
  codes: ['invalid_tracking_code'],
  responses: {
    200: { description: 'Reopened: the public view', schema: z.object({ data: PublicComplaint }) },
    400: { description: 'Invalid input: error.details.errors lists each field with its code' },
    404: { description: 'No public complaint has this code' },
    409: { description: 'Refused (error.details.code): not_fixed_used (said once already), not_fixed_expired (more than 14 days after resolution), not_resolved (not resolved or closed now)' },
    429: RATE_LIMITED,
  },
} satisfies RouteContract;
