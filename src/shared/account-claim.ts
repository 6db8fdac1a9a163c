import * as z from 'zod/mini';
import { code, doc } from './field-rules';
import { THAI_PHONE, compactPhone } from './thai-phone';
import { TRACKING_CODE } from './tracking-code';

/**
 * Claiming a complaint or e-service request filed while signed out (the body of
 * POST /api/account/claims): its tracking code and the e-mail or phone given when filing. One schema
 * for the server, its OpenAPI document and the website's claim form.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A contact as it is compared: an e-mail in lower case, or a phone as 0 and 8 or 9 digits. */
export type ClaimContact = { email: string } | { phone: string };

/** Thai numbers are stored as typed (0… or +66…): both forms are one number. */
export const canonicalPhone = (raw: string): string => {
  const compact = compactPhone(raw);
  return compact.startsWith('+66') ? `0${compact.slice(3)}` : compact;
};

/** What a person typed as their contact, read as an e-mail or a phone; null when it is neither. */
export function readContact(raw: string): ClaimContact | null {
  const s = raw.trim();
  if (s.includes('@')) return EMAIL.test(s) ? { email: s.toLowerCase() } : null;
  return THAI_PHONE.test(compactPhone(s)) ? { phone: canonicalPhone(s) } : null;
}

/** Whether a record's stored contact is the one given (a blank stored field never matches). */
export function contactMatches(stored: { contactEmail?: string | null; contactPhone?: string | null }, given: ClaimContact): boolean {
  if ('email' in given) return Boolean(stored.contactEmail) && stored.contactEmail!.trim().toLowerCase() === given.email;
  return Boolean(stored.contactPhone) && canonicalPhone(stored.contactPhone!) === given.phone;
}

export const claimInput = z.object({
  trackingCode: z.pipe(
    doc(
      z.string().check(
        z.maxLength(20, { abort: true }),
        z.refine((s) => s.trim() !== '', { ...code('required'), abort: true }),
        z.refine((s) => TRACKING_CODE.test(s.trim().toUpperCase()), code('invalid_tracking_code'))
      ),
      { description: 'The tracking code of the complaint or request, any case', examples: ['NK-6912-7KQ3M'] }
    ),
    z.transform((s) => s.trim().toUpperCase())
  ),
  contact: z.pipe(
    doc(
      z.string().check(
        z.maxLength(254, { abort: true }),
        z.refine((s) => s.trim() !== '', { ...code('required'), abort: true }),
        z.refine((s) => readContact(s) !== null, code('invalid_contact'))
      ),
      { description: 'The e-mail or the Thai phone number given when filing (spaces, dashes and case do not matter)', examples: ['somsri@example.com', '081-234-5678'] }
    ),
    z.transform((s) => readContact(s)!)
  ),
});

export type ClaimInput = z.output<typeof claimInput>;
export const CLAIM_CODES = ['invalid_tracking_code', 'invalid_contact'];
