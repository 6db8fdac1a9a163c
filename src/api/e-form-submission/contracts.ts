import { z } from 'zod';
import { TRACKING_CODE_PATTERN } from '../../../plugins/complaint-workflow/server/src/public';
import type { RouteContract } from '../../http/contract';
import { operationOf } from '../../http/contract';
import { submissionInput } from './domain/input';

/** The public e-service routes, each with the one schema that validates, types and documents it. */
const label = z.object({ th: z.string(), en: z.string() });

export const PublicSubmission = z.object({
  trackingCode: z.string().meta({ example: 'ES-6912-7KQ3M' }),
  title: z.string(),
  status: z.enum(['received', 'checking', 'waiting_documents', 'approved', 'refused', 'done']),
  statusLabel: label,
  publicStatus: z.enum(['open', 'closed']),
  createdAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  resolvedAt: z.string().nullable(),
  history: z.array(z.object({ at: z.string().nullable(), kind: z.string(), status: z.string().nullable(), message: z.string().nullable() })),
});

const trackingCode = z
  .string()
  .max(20)
  .transform((s) => s.toUpperCase())
  .refine((s) => TRACKING_CODE_PATTERN.test(s), { params: { code: 'invalid_tracking_code' } });

export const createSubmission = {
  method: 'POST',
  path: '/e-form-submissions',
  operationId: 'createEServiceRequest',
  summary: 'File an e-service request (rate-limited per client address); the tracking code, state and dates are the server’s',
  tags: ['E-service'],
  request: { body: z.object({ data: submissionInput }) },
  responses: {
    201: { description: 'Filed: the public view of the request', schema: z.object({ data: PublicSubmission }) },
    400: { description: 'Invalid input: error.details.errors lists each field with its code and a message in the caller’s language' },
    413: { description: 'The body is too large' },
    429: { description: 'Too many requests from this address' },
  },
} satisfies RouteContract;

export const trackSubmission = {
  method: 'GET',
  path: '/e-form-submissions/track/:trackingCode',
  operationId: 'trackEServiceRequest',
  summary: 'Where an e-service request stands, by its tracking code (no contact, description or answers)',
  tags: ['E-service'],
  request: { params: z.object({ trackingCode }) },
  responses: {
    200: { description: 'The public view of the request', schema: z.object({ data: PublicSubmission }) },
    400: { description: 'Not a tracking code' },
    404: { description: 'No e-service request has this tracking code' },
  },
} satisfies RouteContract;

export const eServiceOperations = [createSubmission, trackSubmission].map(operationOf);
