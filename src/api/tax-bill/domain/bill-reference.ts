import { isReference } from './promptpay';

/**
 * A bill keeps its number as printed on the ภ.ด.ส.6 (`DEMO-2569-0001`: what the taxpayer reads,
 * types and is shown). Banks know it as reference 1 of the Thai QR and of their payment report: at
 * most 20 characters of A–Z and 0–9 (`DEMO25690001`). This is the one way from the first to the
 * second, used by the import, the QR, the lookup and the bank reconciliation alike.
 */

// Separators people and spreadsheets put in numbers: spaces, dashes (Unicode ones and minus too),
// slashes, dots and underscores.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212/._]/g;
const THAI_DIGITS = /[\u0E50-\u0E59]/g;

/** The bank's form of a bill number (upper case, separators dropped, Thai digits as 0–9), or null if it has none. */
export function billReference(printed: string): string | null {
  const reference = printed
    .normalize('NFKC') // full-width letters, digits and dashes from a phone keyboard
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
    .toUpperCase()
    .replace(SEPARATORS, '');
  return isReference(reference) ? reference : null;
}
