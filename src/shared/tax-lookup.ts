import * as z from 'zod/mini';
import { code, doc } from './field-rules';

/**
 * Finding one's land-and-building tax bill (the body of POST /api/tax-bills/lookup): the bill number
 * as printed and the owner's national ID. One schema for the server, its OpenAPI document and the
 * website's tax page.
 */

/** Reference 1 and 2 of a Thai QR bill payment: 1 to 20 characters of A–Z and 0–9, as banks keep them. */
export const REFERENCE_PATTERN = /^[A-Z0-9]{1,20}$/;

// Separators people and spreadsheets put in numbers: spaces, dashes (Unicode ones and minus too),
// slashes, dots and underscores.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212/._]/g;
const THAI_DIGITS = /[\u0E50-\u0E59]/g;

/**
 * A bill keeps its number as printed on the ภ.ด.ส.6 (`DEMO-2569-0001`). Banks know it as reference 1
 * of the Thai QR and of their payment report (`DEMO25690001`). This is the one way from the first to
 * the second, used by the import, the QR, the lookup and the bank reconciliation alike; null when
 * the number has no such form.
 */
export function billReference(printed: string): string | null {
  const reference = printed
    .normalize('NFKC') // full-width letters, digits and dashes from a phone keyboard
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
    .toUpperCase()
    .replace(SEPARATORS, '');
  return REFERENCE_PATTERN.test(reference) ? reference : null;
}

/** A Thai national ID: 13 digits, the last a check digit (mod 11 over the first 12, weights 13…2). */
export function isValidNationalId(id: string): boolean {
  if (!/^\d{13}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(id[12]);
}

/** Digits only: staff and citizens type IDs with dashes and spaces (1-2345-67890-12-3). */
export const normaliseNationalId = (raw: string) => raw.replace(/[\s-]/g, '');

export const taxLookupInput = z.object({
  billNumber: z.pipe(
    doc(z.string().check(z.maxLength(40, { abort: true }), z.refine((s) => s.trim() !== '', { ...code('required'), abort: true }), z.refine((s) => s.trim() === '' || billReference(s) !== null, code('invalid_bill_number'))), {
      description: 'As printed, or without its dashes, spaces and slashes, in any case (DEMO25690001 is the same bill)',
      examples: ['DEMO-2569-0001'],
    }),
    z.transform((s) => s.trim())
  ),
  nationalId: z.pipe(
    doc(
      z.string().check(
        z.maxLength(20, { abort: true }),
        z.refine((s) => normaliseNationalId(s) !== '', { ...code('required'), abort: true }),
        z.refine((s) => /^\d{13}$/.test(normaliseNationalId(s)), { ...code('invalid_format'), abort: true }),
        z.refine((s) => isValidNationalId(normaliseNationalId(s)), code('invalid_check_digit'))
      ),
      {
        description: "The owner's 13-digit national ID, with or without dashes",
        examples: ['3109900123453'],
      }
    ),
    z.transform(normaliseNationalId)
  ),
});

export type TaxLookup = z.output<typeof taxLookupInput>;
export const TAX_LOOKUP_CODES = ['invalid_bill_number', 'invalid_check_digit'];
