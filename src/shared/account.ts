import * as z from 'zod/mini';
import { code, doc, text } from './field-rules';
import { THAI_PHONE, compactPhone } from './thai-phone';

/**
 * A citizen's account, one set of rules for the server (validation, OpenAPI) and the website (its
 * check before sending): the groups and channels a person may choose, and the profile they may edit.
 */

/** Groups a person may say they belong to; targeted announcements reach them by these. */
export const ACCOUNT_GROUPS = ['elderly', 'farmers', 'business', 'disabled'] as const;
export type AccountGroup = (typeof ACCOUNT_GROUPS)[number];

/** How a person wants to hear about their cases and notices. */
export const NOTIFY_CHANNELS = ['email', 'line', 'none'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** Who a targeted announcement is for. */
export const ANNOUNCEMENT_AUDIENCES = ['everyone', 'village', 'elderly', 'farmers', 'business', 'disabled'] as const;
export type AnnouncementAudience = (typeof ANNOUNCEMENT_AUDIENCES)[number];

export const ACCOUNT_LANGUAGES = ['th', 'en'] as const;

/** The villages (หมู่ที่) of the town. */
export const VILLAGE_MIN = 1;
export const VILLAGE_MAX = 20;

export const ACCOUNT_LIMITS = { fullName: 120, phone: 20, email: 254, password: 128, passwordMin: 8 } as const;

/** A one-time sign-in code: 6 digits, 10 minutes, 5 tries. */
export const SIGN_IN_CODE = { digits: 6, minutes: 10, tries: 5 } as const;

/** The httpOnly refresh cookie of users-permissions' sessions (Path /api). */
export const SESSION_COOKIE = 'nokok_session';

/** A phone the person may clear: blank or null removes it; a value must be a Thai number. */
const phone = z.pipe(
  doc(
    z.string().check(
      z.maxLength(ACCOUNT_LIMITS.phone + 10, { abort: true }),
      z.refine((s) => s.trim() === '' || THAI_PHONE.test(compactPhone(s)), code('invalid_phone'))
    ),
    { description: 'A Thai phone number: 0 and 8 or 9 digits, or +66 and 8 or 9 digits; spaces and dashes are fine; blank removes it', examples: ['081-234-5678'] }
  ),
  z.transform((s) => (s.trim() ? compactPhone(s) : null))
);

/** What a person may change of their own account (`data` of PUT /api/account); every key optional. */
export const profileInput = z.strictObject({
  fullName: z.optional(z.nullable(z.pipe(text(ACCOUNT_LIMITS.fullName, { description: 'ชื่อ-นามสกุล (full name)', examples: ['สมศรี ใจดี'] }), z.transform((s) => s ?? null)))),
  phone: z.optional(z.nullable(phone)),
  village: z.optional(z.nullable(doc(z.int().check(z.gte(VILLAGE_MIN), z.lte(VILLAGE_MAX)), { description: 'หมู่ที่ (village number) 1–20', examples: [3] }))),
  groups: z.optional(
    z.pipe(
      doc(z.array(z.enum(ACCOUNT_GROUPS)).check(z.maxLength(ACCOUNT_GROUPS.length)), { description: 'Groups the person belongs to (targeted announcements)', examples: [['elderly']] }),
      // The same group named twice counts once.
      z.transform((g) => [...new Set(g)])
    )
  ),
  notifyBy: z.optional(doc(z.enum(NOTIFY_CHANNELS), { description: "How the person hears about their cases and notices ('line' needs a linked LINE account)" })),
  language: z.optional(doc(z.enum(ACCOUNT_LANGUAGES), { description: 'The language of messages to this person' })),
});

export type ProfileInput = z.output<typeof profileInput>;

/** The account as GET /api/account answers it. */
export interface AccountView {
  id: number;
  email: string;
  fullName: string | null;
  phone: string | null;
  village: number | null;
  groups: AccountGroup[];
  notifyBy: NotifyChannel;
  language: 'th' | 'en';
  lineLinked: boolean;
  confirmed: boolean;
  createdAt: string;
}
