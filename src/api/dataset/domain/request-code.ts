/**
 * A dataset request's reference: `DR-<Buddhist-era year>-<number in that year>` (DR-2569-0001), short
 * enough to read out on the phone; the number grows past four digits if a year ever needs it.
 */
export const REQUEST_CODE = /^DR-\d{4}-\d{4,}$/;

/** The Buddhist-era year of a moment in Bangkok (UTC+7 all year). */
export const bangkokYearBE = (at: Date): number => new Date(at.getTime() + 7 * 3600_000).getUTCFullYear() + 543;

export const requestCodePrefix = (yearBE: number): string => `DR-${yearBE}-`;

export const requestCode = (yearBE: number, n: number): string => `${requestCodePrefix(yearBE)}${String(n).padStart(4, '0')}`;

/** The number of a reference of this prefix (`DR-2569-0012` → 12), or 0 for anything else. */
export function requestNumber(code: string, prefix: string): number {
  if (!code.startsWith(prefix)) return 0;
  const n = Number(code.slice(prefix.length));
  return Number.isInteger(n) && n > 0 ? n : 0;
}
