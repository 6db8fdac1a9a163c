import { z } from 'zod';

/**
 * What a citizen may send to file an e-service request: one zod schema validates it, and its issues
 * become field errors with a stable code and a message in the caller's language. The tracking code,
 * state, dates and assignee are the engine's: a caller cannot set them (unknown keys are dropped).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => s.trim())
    // Visible characters only: control characters, and a text of only invisible ones, are refused.
    .refine((s) => !CONTROL.test(s), { params: { code: 'control_characters' } })
    .refine((s) => [...s].length <= max, { params: { code: 'too_long', max } });

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
          .transform((s) => s.replace(/[\s-]/g, ''))
          .refine((s) => /^0\d{8,9}$/.test(s), { params: { code: 'invalid_phone' } })
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

const MESSAGES: Record<string, { th: string; en: string }> = {
  required: { th: 'กรุณากรอกข้อมูลนี้', en: 'This field is required' },
  too_long: { th: 'ข้อความยาวเกินกำหนด', en: 'The text is too long' },
  too_many: { th: 'จำนวนรายการเกินกำหนด', en: 'Too many items' },
  invalid_type: { th: 'รูปแบบข้อมูลไม่ถูกต้อง', en: 'The value has the wrong type' },
  invalid_format: { th: 'รูปแบบไม่ถูกต้อง', en: 'The format is not valid' },
  invalid_phone: { th: 'หมายเลขโทรศัพท์ไม่ถูกต้อง', en: 'The phone number is not valid' },
  invalid_choice: { th: 'ค่าที่เลือกไม่ถูกต้อง', en: 'The value is not one of the choices' },
  control_characters: { th: 'มีอักขระควบคุมที่ไม่อนุญาต', en: 'The text contains control characters' },
  consent_required: { th: 'กรุณายินยอมให้เทศบาลเก็บข้อมูลติดต่อ', en: 'Consent is required to keep contact details' },
};

export interface FieldIssue {
  path: Array<string | number>;
  code: string;
  message: string;
}

/** zod's issues as our field errors: a stable code per field, the message in the caller's language. */
export function fieldIssues(error: z.ZodError, lang: 'th' | 'en'): FieldIssue[] {
  return error.issues.map((issue) => {
    const params = (issue as { params?: { code?: string } }).params;
    let code: string = params?.code ?? issue.code;
    if (issue.code === 'invalid_type') code = (issue as { input?: unknown }).input === undefined ? 'required' : 'invalid_type';
    if (issue.code === 'too_big') code = 'too_long';
    if (issue.code === 'invalid_value') code = 'invalid_choice';
    return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code, message: (MESSAGES[code] ?? MESSAGES.invalid_format)[lang] };
  });
}
