/** The pole page's lists, as a plain module: a unit test keeps them in step with the server's. */
export const FAULT_KEYS = ['no_sound', 'distorted', 'too_loud', 'wrong_times', 'damaged', 'other'] as const;
export const POLE_STATUSES = ['working', 'reported', 'under_repair', 'out_of_service'] as const;
export const MAX_NOTE = 500;
/** A Thai phone number once spaces and dashes are gone: 0 and 8 or 9 digits, or +66 and 8 or 9. */
export const THAI_PHONE = /^(0\d{8,9}|\+66\d{8,9})$/;
