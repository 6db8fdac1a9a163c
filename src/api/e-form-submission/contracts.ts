import { z } from 'zod';
import { TRACKING_CODE_PATTERN } from '../../../plugins/complaint-workflow/server/src/public';
import type { RouteContract } from '../../http/contract';
import { RATE_LIMITED, TOO_LARGE, isoDate, label, publicHistory, trackingCodeParam } from '../../http/schemas';
import { submissionInput } from './domain/input';

/** The public e-service routes, each with the one schema that validates, types and documents it. */

export const PublicSubmission = z.object({
  trackingCode: z.string().meta({ examples: ['ES-6912-7KQ3M'] }),
  title: z.string(),
  status: z.enum(['received', 'checking', 'waiting_documents', 'approved', 'refused', 'done']),
  statusLabel: label,
  publicStatus: z.enum(['open', 'closed']),
  createdAt: isoDate.nullable(),
  dueAt: isoDate.nullable(),
  overdue: z.boolean(),
  resolvedAt: isoDate.nullable(),
  history: publicHistory,
});

const trackingCode = trackingCodeParam(TRACKING_CODE_PATTERN, 'ES-6912-7KQ3M');

export const createSubmission = {
  method: 'POST',
  path: '/e-form-submissions',
  operationId: 'createEServiceRequest',
  summary: 'File an e-service request (rate-limited per client address); the tracking code, state and dates are the server’s',
  tags: ['E-service'],
  request: { body: z.object({ data: submissionInput }) },
  codes: ['invalid_phone', 'control_characters', 'consent_required'],
  responses: {
    201: { description: 'Filed: the public view of the request', schema: z.object({ data: PublicSubmission }) },
    400: { description: 'Invalid input: error.details.errors lists each field with its code and a message in the caller’s language' },
    413: TOO_LARGE,
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

export const trackSubmission = {
  method: 'GET',
  path: '/e-form-submissions/track/:trackingCode',
  operationId: 'trackEServiceRequest',
  summary: 'Where an e-service request stands, by its tracking code (no contact, description or answers)',
  tags: ['E-service'],
  request: { params: z.object({ trackingCode }) },
  codes: ['invalid_tracking_code'],
  responses: {
    200: { description: 'The public view of the request', schema: z.object({ data: PublicSubmission }) },
    400: { description: 'Not a tracking code' },
    404: { description: 'No e-service request has this tracking code' },
  },
} satisfies RouteContract;
