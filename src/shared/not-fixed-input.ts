import * as z from 'zod/mini';
import { requiredText } from './field-rules';

/**
 * What a citizen sends to say their complaint is not fixed (`data` of POST
 * /api/complaints/track/{code}/not-fixed): why, in their words. One schema for the server's
 * validation, its OpenAPI document and the website's check before sending.
 */
export const NOT_FIXED_REASON_MAX = 1000;

export const notFixedInput = z.object({
  reason: requiredText(NOT_FIXED_REASON_MAX, { description: 'What is still wrong', examples: ['ไฟยังดับอยู่ 2 ต้น'] }),
});
