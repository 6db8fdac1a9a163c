import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { RATE_LIMITED, TOO_LARGE } from '../../http/schemas';
import { DATASET_REQUEST_CODES, datasetRequestInput } from '../../shared/dataset-request';
import { REQUEST_CODE } from './domain/request-code';

/**
 * The public route for requesting a dataset (kept apart from the CKAN routes' contracts.ts). The
 * answer is the reference only: the requester's name, e-mail and organisation never leave.
 */
export const createDatasetRequest = {
  method: 'POST',
  path: '/open-data/requests',
  operationId: 'createDatasetRequest',
  summary: 'Request a dataset the town has not published (rate-limited per client address); answers its reference only',
  description: 'The name, e-mail and organisation are optional and private: staff use them only to answer. State, reference and dates are the server’s.',
  tags: ['Open data'],
  request: { body: z.object({ data: datasetRequestInput }) },
  codes: DATASET_REQUEST_CODES,
  responses: {
    201: {
      description: 'Received: the reference to quote when asking about it',
      schema: z.object({ data: z.object({ referenceCode: z.string().regex(REQUEST_CODE).meta({ examples: ['DR-2569-0001'] }) }) }),
    },
    400: { description: 'Invalid input: error.details.errors lists each field with its code and a message in the caller’s language' },
    413: TOO_LARGE,
    429: RATE_LIMITED,
  },
} satisfies RouteContract;
