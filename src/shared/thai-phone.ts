/**
 * A Thai phone number, one rule for the server and the website: once spaces and dashes are gone,
 * 0 and 8 or 9 more digits (mobile 10, landline 9), or +66 and 8 or 9 digits.
 */
export const THAI_PHONE = /^(0\d{8,9}|\+66\d{8,9})$/;

/** The number as people type it, without its spaces and dashes. */
export const compactPhone = (raw: string): string => raw.replace(/[\s-]/g, '');

export const isThaiPhone = (raw: string): boolean => THAI_PHONE.test(compactPhone(raw));
