import * as z from 'zod/mini';
import { code, doc, requiredText } from '../../../shared/field-rules';
import { contact, hasContact } from '../../../shared/complaint-input';

/**
 * What a citizen may send to file an e-service request: one schema validates it, types the handler
 * and documents the route (src/http/contract.ts), built from the same blocks as the complaint's.
 * The tracking code, state, dates and assignee are the engine's: unknown keys are dropped.
 */
const answer = z.union([z.string().check(z.maxLength(2000)), z.number(), z.boolean(), z.null()]);

export const submissionInput = z
  .object({
    title: requiredText(200, { examples: ['ขอใบอนุญาตก่อสร้างอาคาร'] }),
    description: requiredText(5000, { examples: ['ต่อเติมห้องครัวด้านหลังบ้าน หมู่ 2'] }),
    answers: z.optional(
      doc(z.record(z.string().check(z.maxLength(60)), answer).check(z.refine((o) => Object.keys(o).length <= 50, code('too_many'))), {
        description: "The form's answers by field key (at most 50)",
      })
    ),
    contact: z.optional(contact),
    consent: z.optional(z.boolean()),
    language: z.optional(z.enum(['th', 'en'])),
  })
  .check(
    z.superRefine(
      (v, ctx) => {
        // Personal data is kept only with the applicant's consent.
        if (hasContact(v.contact) && (v.consent === undefined || v.consent === false)) ctx.issues.push({ code: 'custom', path: ['consent'], params: { code: 'consent_required' }, input: v.consent });
      },
      { when: (p) => typeof p.value === 'object' && p.value !== null }
    )
  );

export type SubmissionInput = z.output<typeof submissionInput>;

/** Who filed a request, as the record keeps it (private fields), from a citizen's input. */
export const applicantFields = (input: { contact?: SubmissionInput['contact'] | null; consent?: boolean; language?: 'th' | 'en' }, language: 'th' | 'en') => ({
  contactName: input.contact?.name || null,
  contactPhone: input.contact?.phone || null,
  contactEmail: input.contact?.email || null,
  consent: input.consent === true,
  language: input.language ?? language,
});
