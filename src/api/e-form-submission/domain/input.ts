import { z } from 'zod';
import { THAI_PHONE, compactPhone } from '../../../shared/thai-phone';

/**
 * What a citizen may send to file an e-service request: one zod schema validates it, and its issues
 * become field errors with a stable code and a message in the caller's language (src/http/contract.ts). The tracking code,
 * state, dates and assignee are the engine's: a caller cannot set them (unknown keys are dropped).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (max: number) =>
  z
    .string()
    .max(max)
    // Control characters are refused; `required` below also refuses a text of only invisible ones.
    .refine((s) => !CONTROL.test(s), { params: { code: 'control_characters' } })
    .transform((s) => s.trim());

const required = (max: number) => text(max).refine((s) => /[^\s\u200b-\u200d\u2060\ufeff]/.test(s), { params: { code: 'required' } });

const answer = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

export const submissionInput = z
  .object({
    title: required(200),
    description: required(5000),
    answers: z
      .record(z.string().max(60), answer)
      .refine((o) => Object.keys(o).length <= 50, { params: { code: 'too_many', max: 50 } })
      .optional(),
    contact: z
      .object({
        name: text(200).optional(),
        phone: z
          .string()
          .transform(compactPhone)
          .refine((s) => THAI_PHONE.test(s), { params: { code: 'invalid_phone' } })
          .optional(),
        email: z.email().max(254).optional(),
      })
      .optional(),
    consent: z.boolean().optional(),
    language: z.enum(['th', 'en']).optional(),
  })
  .superRefine((v, ctx) => {
    const c = v.contact;
    // Personal data is kept only with the applicant's consent.
    if (c && (c.name || c.phone || c.email) && v.consent !== true) ctx.addIssue({ code: 'custom', path: ['consent'], params: { code: 'consent_required' } });
  });

export type SubmissionInput = z.output<typeof submissionInput>;
