/**
 * The citizen's complaint input, checked field by field with reasons in Thai and English. Plain
 * TypeScript: the controller turns the issues into Strapi's ValidationError (a 400 naming the field).
 */
export interface FieldIssue {
  path: string[];
  th: string;
  en: string;
}

export interface ComplaintInput {
  category: string;
  title?: string;
  description: string;
  location?: { lat: number; lng: number };
  address?: string;
  village?: number;
  contact?: { name?: string; phone?: string; email?: string };
  photos?: number[];
  consent?: boolean;
}

/** Thailand's bounding box, a little generous at the edges. */
export const THAILAND = { minLat: 5.5, maxLat: 20.6, minLng: 97.3, maxLng: 105.7 };
const ALLOWED = new Set(['category', 'title', 'description', 'location', 'address', 'village', 'contact', 'photos', 'consent']);
// Set by the server, never by the caller: ignored when sent.
const SERVER_SET = new Set(['status', 'state', 'channel', 'trackingCode', 'tracking_code', 'receivedAt', 'dueAt', 'assignee', 'priority', 'confidential', 'createdAt', 'updatedAt', 'id', 'documentId']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(
  issues: FieldIssue[],
  path: string[],
  value: unknown,
  { required = false, max, label }: { required?: boolean; max: number; label: { th: string; en: string } }
): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) issues.push({ path, th: `กรุณากรอก${label.th}`, en: `${label.en} is required` });
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.push({ path, th: `${label.th}ต้องเป็นข้อความ`, en: `${label.en} must be text` });
    return undefined;
  }
  const trimmed = value.trim();
  if (required && !trimmed) {
    issues.push({ path, th: `กรุณากรอก${label.th}`, en: `${label.en} is required` });
    return undefined;
  }
  if ([...trimmed].length > max) {
    issues.push({ path, th: `${label.th}ยาวเกิน ${max} ตัวอักษร`, en: `${label.en} is longer than ${max} characters` });
    return undefined;
  }
  return trimmed || undefined;
}

export function validateComplaintInput(body: unknown): { value?: ComplaintInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (!isObject(body) || !isObject(body.data)) {
    return { issues: [{ path: ['data'], th: 'ต้องส่งข้อมูลในรูป { "data": { … } }', en: 'The body must be { "data": { … } }' }] };
  }
  const d = body.data;
  for (const key of Object.keys(d)) {
    if (!ALLOWED.has(key) && !SERVER_SET.has(key)) issues.push({ path: [key], th: 'ไม่รู้จักช่องข้อมูลนี้', en: 'Unknown field' });
  }

  const category = text(issues, ['category'], d.category, { required: true, max: 40, label: { th: 'ประเภทเรื่อง', en: 'Category' } });
  const title = text(issues, ['title'], d.title, { max: 200, label: { th: 'หัวข้อ', en: 'Title' } });
  const description = text(issues, ['description'], d.description, { required: true, max: 5000, label: { th: 'รายละเอียด', en: 'Description' } });
  const address = text(issues, ['address'], d.address, { max: 300, label: { th: 'ที่อยู่/สถานที่', en: 'Address' } });

  let location: ComplaintInput['location'];
  if (d.location !== undefined && d.location !== null) {
    const l = d.location;
    if (!isObject(l) || typeof l.lat !== 'number' || typeof l.lng !== 'number' || !Number.isFinite(l.lat) || !Number.isFinite(l.lng)) {
      issues.push({ path: ['location'], th: 'ตำแหน่งต้องเป็น { lat, lng } ที่เป็นตัวเลข', en: 'Location must be { lat, lng } numbers' });
    } else if (l.lat < THAILAND.minLat || l.lat > THAILAND.maxLat || l.lng < THAILAND.minLng || l.lng > THAILAND.maxLng) {
      issues.push({ path: ['location'], th: 'ตำแหน่งอยู่นอกประเทศไทย', en: 'The location is outside Thailand' });
    } else {
      location = { lat: Math.round(l.lat * 1e6) / 1e6, lng: Math.round(l.lng * 1e6) / 1e6 };
    }
  }

  let village: number | undefined;
  if (d.village !== undefined && d.village !== null && d.village !== '') {
    const n = typeof d.village === 'string' && /^\d{1,2}$/.test(d.village) ? Number(d.village) : d.village;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 99) {
      issues.push({ path: ['village'], th: 'หมู่ที่ต้องเป็นตัวเลข 1–99', en: 'Village must be a number from 1 to 99' });
    } else village = n;
  }

  let contact: ComplaintInput['contact'];
  if (d.contact !== undefined && d.contact !== null) {
    if (!isObject(d.contact)) {
      issues.push({ path: ['contact'], th: 'ข้อมูลติดต่อต้องเป็น { name, phone, email }', en: 'Contact must be { name, phone, email }' });
    } else {
      for (const key of Object.keys(d.contact)) {
        if (!['name', 'phone', 'email'].includes(key)) issues.push({ path: ['contact', key], th: 'ไม่รู้จักช่องข้อมูลนี้', en: 'Unknown field' });
      }
      const name = text(issues, ['contact', 'name'], d.contact.name, { max: 200, label: { th: 'ชื่อ', en: 'Name' } });
      const phone = text(issues, ['contact', 'phone'], d.contact.phone, { max: 30, label: { th: 'เบอร์โทรศัพท์', en: 'Phone' } });
      const email = text(issues, ['contact', 'email'], d.contact.email, { max: 200, label: { th: 'อีเมล', en: 'E-mail' } });
      if (phone && !/^\+?[0-9][0-9 -]{7,18}$/.test(phone)) {
        issues.push({ path: ['contact', 'phone'], th: 'เบอร์โทรศัพท์ไม่ถูกต้อง', en: 'The phone number is not valid' });
      }
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        issues.push({ path: ['contact', 'email'], th: 'อีเมลไม่ถูกต้อง', en: 'The e-mail address is not valid' });
      }
      if (name || phone || email) contact = { name, phone: phone?.replace(/[ -]/g, ''), email: email?.toLowerCase() };
    }
  }

  let photos: number[] | undefined;
  if (d.photos !== undefined && d.photos !== null) {
    if (!Array.isArray(d.photos) || d.photos.some((p) => !Number.isInteger(p) || (p as number) < 1)) {
      issues.push({ path: ['photos'], th: 'รูปภาพต้องเป็นรายการรหัสไฟล์ที่อัปโหลด', en: 'Photos must be a list of upload ids' });
    } else if (d.photos.length > 3) {
      issues.push({ path: ['photos'], th: 'แนบรูปได้ไม่เกิน 3 รูป', en: 'At most 3 photos' });
    } else photos = [...new Set(d.photos as number[])];
  }

  if (d.consent !== undefined && typeof d.consent !== 'boolean') {
    issues.push({ path: ['consent'], th: 'ค่าความยินยอมต้องเป็นจริงหรือเท็จ', en: 'Consent must be true or false' });
  }
  if (contact && d.consent !== true) {
    issues.push({ path: ['consent'], th: 'กรุณายินยอมให้เทศบาลใช้ข้อมูลติดต่อเพื่อติดตามเรื่อง', en: 'Consent is required to keep contact details' });
  }

  if (issues.length) return { issues };
  return { value: { category: category!, title, description: description!, location, address, village, contact, photos, consent: d.consent === true }, issues };
}
