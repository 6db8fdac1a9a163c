import { z } from 'zod';

/** Answer schemas several routes share (server only: the website never parses answers with zod). */
export const isoDate = z.iso.datetime();
export const label = z.object({ th: z.string(), en: z.string() });
export const publicHistory = z.array(
  z.object({ at: isoDate.nullable(), kind: z.string(), status: z.string().nullable(), message: z.string().nullable() })
);
/** A tracking code as typed: any case, checked against the engine's pattern. */
export const trackingCodeParam = (pattern: RegExp, example: string) =>
  z
    .string()
    .max(20)
    .meta({ examples: [example] })
    .transform((s) => s.toUpperCase())
    .refine((s) => pattern.test(s), { params: { code: 'invalid_tracking_code' } });
export const RATE_LIMITED = { description: 'Too many requests from this address; see Retry-After' };
export const TOO_LARGE = { description: 'The body is too large' };
