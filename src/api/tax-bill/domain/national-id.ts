/** A Thai national ID: 13 digits, the last a check digit (mod 11 over the first 12, weights 13…2). */
export function isValidNationalId(id: string): boolean {
  if (!/^\d{13}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(id[12]);
}

/** Digits only: staff and citizens type IDs with dashes and spaces (1-2345-67890-12-3). */
export const normaliseNationalId = (raw: string) => raw.replace(/[\s-]/g, '');
