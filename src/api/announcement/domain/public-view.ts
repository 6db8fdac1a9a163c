import type { Language } from '../../../shared/messages';

/** An announcement as stored (the fields a view reads). */
export interface StoredAnnouncement {
  documentId: string;
  titleTh: string;
  titleEn?: string | null;
  bodyTh: string;
  bodyEn?: string | null;
  audience: string;
  village?: number | null;
  public?: boolean | null;
  expiresAt?: string | Date | null;
  publishedAt?: string | Date | null;
}

export interface PublicNotice {
  id: string;
  title: string;
  body: string;
  language: Language;
  audience: string;
  village: number | null;
  publishedAt: string | null;
  expiresAt: string | null;
}

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/**
 * A notice as anyone may read it, from an allow-list of fields: in the language asked for when staff
 * wrote it (else Thai, and `language` says which). Who it was sent to never appears.
 */
export function toPublicNotice(a: StoredAnnouncement, lang: Language): PublicNotice {
  const english = lang === 'en' && Boolean(a.titleEn?.trim()) && Boolean(a.bodyEn?.trim());
  return {
    id: a.documentId,
    title: english ? a.titleEn! : a.titleTh,
    body: english ? a.bodyEn! : a.bodyTh,
    language: english ? 'en' : 'th',
    audience: a.audience,
    village: a.audience === 'village' ? (a.village ?? null) : null,
    publishedAt: iso(a.publishedAt),
    expiresAt: iso(a.expiresAt),
  };
}

/** Still in force at `now`: no expiry, or one still ahead. */
export const inForce = (a: { expiresAt?: string | Date | null }, now: Date) => !a.expiresAt || new Date(a.expiresAt).getTime() > now.getTime();
