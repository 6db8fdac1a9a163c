/** The pole page's lists, as a plain module: a unit test keeps them in step with the server's. */
export const FAULT_KEYS = ['no_sound', 'distorted', 'too_loud', 'wrong_times', 'damaged', 'other'] as const;
export const POLE_STATUSES = ['working', 'reported', 'under_repair', 'out_of_service'] as const;
export const MAX_NOTE = 500;
/** The server's Thai phone rule, the same module on both sides. */
export { THAI_PHONE } from '../../src/shared/thai-phone';
