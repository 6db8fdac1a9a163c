import * as z from 'zod/mini';
import { doc, requiredText, text } from './field-rules';
import { email } from './complaint-input';

/**
 * A request for data the town has not published yet (`data` of POST /api/open-data/requests): one
 * schema for the server's validation, its OpenAPI document and the website's check before sending.
 * The reference code, state, dates and the town's answer are the server's: unknown keys are dropped.
 * The requester's name, e-mail and organisation are optional and private (kept only for replying).
 */
export const DATASET_REQUEST_LIMITS = { title: 200, description: 3000, purpose: 1000, name: 120, email: 254, organisation: 200 } as const;

/** An optional field that a client may also send as null: the same as leaving it out. */
const maybe = <T extends z.core.$ZodType>(schema: T) => z.optional(z.nullable(schema));

export const datasetRequestInput = z.object({
  title: requiredText(DATASET_REQUEST_LIMITS.title, { description: 'What data is wanted', examples: ['จำนวนผู้สูงอายุรายหมู่บ้าน'] }),
  description: requiredText(DATASET_REQUEST_LIMITS.description, { description: 'Details: which fields, period, area', examples: ['แยกตามหมู่บ้านและช่วงอายุ ปี 2565–2568'] }),
  purpose: maybe(text(DATASET_REQUEST_LIMITS.purpose, { description: 'What the data will be used for' })),
  name: maybe(text(DATASET_REQUEST_LIMITS.name, { description: "The requester's name, private: never in a public answer" })),
  email: maybe(doc(email, { description: 'Where the town may answer, private: never in a public answer' })),
  organisation: maybe(text(DATASET_REQUEST_LIMITS.organisation, { description: "The requester's organisation, private" })),
});

export type DatasetRequestInput = z.output<typeof datasetRequestInput>;
/** The codes of this schema's own rules, for the OpenAPI document. */
export const DATASET_REQUEST_CODES = ['control_characters', 'invalid_encoding'];
