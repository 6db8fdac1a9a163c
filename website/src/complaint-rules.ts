/**
 * The complaint form's checks before sending: the same rules as the server's
 * (src/api/complaint/domain/validate.ts; tests/unit/complaint-rules.test.ts keeps them in step), so
 * a citizen hears about a mistake at once. The server still checks everything. No DOM, no text:
 * issues carry translation keys.
 */
export const THAILAND = { minLat: 5.5, maxLat: 20.6, minLng: 97.3, maxLng: 105.7 };
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const LIMITS = { title: 200, description: 5000, address: 300, name: 200, phone: 30, email: 200 } as const;
export const TRACKING_CODE = /^[A-Z]{2}-\d{4}-[2-9A-Z]{5}$/;
const PHONE = /^\+?[0-9][0-9 -]{7,18}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
  photos?: number[];
}

export type RuleKey = 'categoryRequired' | 'descriptionRequired' | 'tooLong' | 'phone' | 'email' | 'village' | 'location' | 'consent' | 'photosMax';
export interface RuleIssue {
  path: string[];
  key: RuleKey;
  vars?: Record<string, number>;
}

const optional = (s: string) => s.trim() || undefined;
const length = (s: string) => [...s].length; // characters, as the server counts them (Thai combining marks included)

export function toComplaintData(v: FormValues): ComplaintData {
  const d: ComplaintData = { category: v.category.trim(), description: v.description.trim() };
  const title = optional(v.title);
  const address = optional(v.address);
  if (title) d.title = title;
  if (address) d.address = address;
  if (v.location) d.location = { lat: Math.round(v.location.lat * 1e6) / 1e6, lng: Math.round(v.location.lng * 1e6) / 1e6 };
  const village = v.village.trim();
  // Sent as typed when not a number, so the server's answer and ours agree.
  if (village) d.village = /^\d{1,2}$/.test(village) ? Number(village) : village;
  const contact = { name: optional(v.name), phone: optional(v.phone), email: optional(v.email) };
  if (contact.name || contact.phone || contact.email) d.contact = contact;
  if (v.consent) d.consent = true;
  return d;
}

export function complaintIssues(d: ComplaintData, photoCount = d.photos?.length ?? 0): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const tooLong = (path: string[], value: string | undefined, max: number) => {
    if (value && length(value) > max) issues.push({ path, key: 'tooLong', vars: { max } });
  };
  if (!d.category) issues.push({ path: ['category'], key: 'categoryRequired' });
  tooLong(['title'], d.title, LIMITS.title);
  if (!d.description) issues.push({ path: ['description'], key: 'descriptionRequired' });
  tooLong(['description'], d.description, LIMITS.description);
  tooLong(['address'], d.address, LIMITS.address);
  if (d.location) {
    const { lat, lng } = d.location;
    if (!(lat >= THAILAND.minLat && lat <= THAILAND.maxLat && lng >= THAILAND.minLng && lng <= THAILAND.maxLng)) issues.push({ path: ['location'], key: 'location' });
  }
  if (d.village !== undefined && !(typeof d.village === 'number' && Number.isInteger(d.village) && d.village >= 1 && d.village <= 99)) {
    issues.push({ path: ['village'], key: 'village' });
  }
  if (d.contact) {
    const { name, phone, email } = d.contact;
    tooLong(['contact', 'name'], name, LIMITS.name);
    if (phone && length(phone) > LIMITS.phone) tooLong(['contact', 'phone'], phone, LIMITS.phone);
    else if (phone && !PHONE.test(phone)) issues.push({ path: ['contact', 'phone'], key: 'phone' });
    if (email && length(email) > LIMITS.email) tooLong(['contact', 'email'], email, LIMITS.email);
    else if (email && !EMAIL.test(email)) issues.push({ path: ['contact', 'email'], key: 'email' });
    if (d.consent !== true) issues.push({ path: ['consent'], key: 'consent' });
  }
  if (photoCount > MAX_PHOTOS) issues.push({ path: ['photos'], key: 'photosMax', vars: { max: MAX_PHOTOS } });
  return issues;
}
