import { LIMITS, MAX_PHOTOS, MAX_PHOTO_BYTES, THAILAND, complaintInput } from '../../src/shared/complaint-input';
import { check, type CodedIssue } from '../../src/shared/field-rules';

/**
 * The complaint form's check before sending runs the server's own schema
 * (src/shared/complaint-input.ts), so a citizen hears about a mistake at once and both sides always
 * agree. The server still checks everything. No DOM, no text: issues carry codes.
 */
export { LIMITS, MAX_PHOTOS, MAX_PHOTO_BYTES, THAILAND };
export { TRACKING_CODE } from './tracking-code';

/** What the form holds, as typed. */
export interface FormValues {
  category: string;
  title: string;
  description: string;
  location: { lat: number; lng: number } | null;
  address: string;
  village: string;
  name: string;
  phone: string;
  email: string;
  consent: boolean;
}

/** The body's `data`, as POST /api/complaints takes it. */
export interface ComplaintData {
  category: string;
  title?: string;
  description: string;
  location?: { lat: number; lng: number };
  address?: string;
  village?: number | string;
  contact?: { name?: string; phone?: string; email?: string };
  consent?: boolean;
  photos?: Array<{ id: number; token: string }>;
  language?: 'th' | 'en';
}

const optional = (s: string) => s.trim() || undefined;

export function toComplaintData(v: FormValues, language?: 'th' | 'en'): ComplaintData {
  const d: ComplaintData = { category: v.category.trim(), description: v.description.trim() };
  const title = optional(v.title);
  const address = optional(v.address);
  if (title) d.title = title;
  if (address) d.address = address;
  if (v.location) d.location = v.location;
  const village = v.village.trim();
  // Sent as typed when not a number, so the check below names it as the server would.
  if (village) d.village = /^\d{1,2}$/.test(village) ? Number(village) : village;
  const contact = { name: optional(v.name), phone: optional(v.phone), email: optional(v.email) };
  if (contact.name || contact.phone || contact.email) d.contact = contact;
  if (v.consent) d.consent = true;
  if (language) d.language = language;
  return d;
}

/** The schema's refusals (path and code), and too many photos. */
export function complaintIssues(d: ComplaintData, photoCount = d.photos?.length ?? 0): CodedIssue[] {
  const issues = check(complaintInput, d).issues ?? [];
  if (photoCount > MAX_PHOTOS) issues.push({ path: ['photos'], code: 'too_many' });
  return issues;
}
