import * as z from 'zod/mini';
import { doc, text } from './field-rules';
import { phone } from './complaint-input';

/**
 * A fault report from the QR code on a loudspeaker pole (`data` of POST /api/poles/:code/reports):
 * one schema for the server, its OpenAPI document and the website's pole page.
 */
export const FAULT_KEYS = ['no_sound', 'distorted', 'too_loud', 'wrong_times', 'damaged', 'other'] as const;
export const POLE_STATUSES = ['working', 'reported', 'under_repair', 'out_of_service'] as const;
export const MAX_NOTE = 500;
/** Pole codes as printed on the label (NOK-P01): letters, digits and single dashes. */
export const POLE_CODE = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;

export const poleReportInput = z.object({
  fault: doc(z.enum(FAULT_KEYS), { examples: ['no_sound'] }),
  note: z.optional(z.nullable(text(MAX_NOTE))),
  phone: z.optional(z.nullable(doc(phone, { description: 'A Thai phone number, kept private, for calling back' }))),
});

export type PoleReport = z.output<typeof poleReportInput>;
export type Fault = (typeof FAULT_KEYS)[number];
export type PoleStatus = (typeof POLE_STATUSES)[number];
