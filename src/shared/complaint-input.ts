import * as z from 'zod/mini';
import { code, doc, requiredText, text } from './field-rules';
import { THAI_PHONE, compactPhone } from './thai-phone';

/**
 * What a citizen sends to file a complaint (`data` of POST /api/complaints), one schema for the
 * server's validation, its OpenAPI document and the website's check before sending. The tracking
 * code, state, channel, dates and assignee are the server's: unknown keys are dropped, never stored.
 */

/** Thailand's bounding box, a little generous at the edges. */
export const THAILAND = { minLat: 5.5, maxLat: 20.6, minLng: 97.3, maxLng: 105.7 };
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** An upload token's length at most (expiry and signature: about 45 characters). */
export const PHOTO_TOKEN_MAX = 100;
export const LIMITS = { category: 40, title: 200, description: 5000, address: 300, name: 200, email: 254 } as const;

export const inThailand = (p: { lat: number; lng: number }) => p.lat >= THAILAND.minLat && p.lat <= THAILAND.maxLat && p.lng >= THAILAND.minLng && p.lng <= THAILAND.maxLng;
const micro = (n: number) => Math.round(n * 1e6) / 1e6;

export const location = z.pipe(
  doc(z.object({ lat: z.number(), lng: z.number() }).check(z.refine(inThailand, code('out_of_area'))), { description: 'A point in Thailand (WGS 84)', examples: [{ lat: 14.7154, lng: 102.0106 }] }),
  z.transform((p) => ({ lat: micro(p.lat), lng: micro(p.lng) }))
);

// A blank phone or e-mail counts as none (forms send empty fields); a value must be right.
export const phone = z.pipe(
  doc(z.string().check(z.maxLength(30, { abort: true }), z.refine((s) => s.trim() === '' || THAI_PHONE.test(compactPhone(s)), code('invalid_phone'))), {
    description: 'A Thai phone number: 0 and 8 or 9 digits, or +66 and 8 or 9 digits; spaces and dashes are fine',
  }),
  z.transform((s) => (s.trim() ? compactPhone(s) : undefined))
);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const email = z.pipe(
  doc(z.string().check(z.maxLength(LIMITS.email, { abort: true }), z.refine((s) => s.trim() === '' || EMAIL.test(s.trim()), code('invalid_format'))), { format: 'email' }),
  z.transform((s) => (s.trim() ? s.trim().toLowerCase() : undefined))
);

/** An optional field that a client may also send as null: the same as leaving it out. */
const maybe = <T extends z.core.$ZodType>(schema: T) => z.optional(z.nullable(schema));

export const contact = z.object({
  name: maybe(text(LIMITS.name)),
  phone: maybe(phone),
  email: maybe(email),
});

/** Personal data is kept only with the citizen's consent. */
export const hasContact = (c: { name?: unknown; phone?: unknown; email?: unknown } | null | undefined) => Boolean(c && typeof c === 'object' && (c.name || c.phone || c.email));

export const complaintInput = z
  .object({
    category: requiredText(LIMITS.category, { description: 'A category code from GET /complaint-categories (the Open311 service_code)', examples: ['road'] }),
    title: maybe(text(LIMITS.title)),
    description: requiredText(LIMITS.description, { examples: ['ไฟถนนดับหน้าวัดนกออก 3 ต้น'] }),
    location: maybe(location),
    address: maybe(text(LIMITS.address)),
    village: z.optional(doc(z.int().check(z.gte(1), z.lte(99)), { description: 'หมู่ที่ (village number)', examples: [2] })),
    contact: maybe(contact),
    photos: z.optional(
      z.pipe(
        doc(z.array(z.object({ id: z.int().check(z.gte(1)), token: z.string().check(z.minLength(1), z.maxLength(PHOTO_TOKEN_MAX)) })).check(z.maxLength(MAX_PHOTOS)), {
          description: 'Each photo as POST /complaints/photos answered it: its id and the upload token that proves this client uploaded it',
        }),
        // The same photo named twice is attached once.
        z.transform((photos) => [...new Map(photos.map((p) => [p.id, p])).values()])
      )
    ),
    consent: z.optional(doc(z.boolean(), { description: 'Required (true) when contact details are given' })),
    language: z.optional(doc(z.enum(['th', 'en']), { description: "The language to answer in; the request's language when absent" })),
  })
  .check(
    z.superRefine(
      (v, ctx) => {
        if (hasContact(v.contact) && (v.consent === undefined || v.consent === false)) ctx.issues.push({ code: 'custom', path: ['consent'], params: { code: 'consent_required' }, input: v.consent });
      },
      // Also when another field is wrong: every problem is named at once.
      { when: (p) => typeof p.value === 'object' && p.value !== null }
    )
  );

export type ComplaintInput = z.output<typeof complaintInput>;
/** The codes of this schema's own rules, for the OpenAPI document. */
export const COMPLAINT_CODES = ['out_of_area', 'invalid_phone', 'consent_required', 'control_characters', 'unknown_category', 'unknown_photo', 'photo_not_yours'];
