/**
 * Answers for any e-service form, generated from its public definition (GET /api/e-forms/:slug) by
 * the rules of the spec (docs of issue 17), not from the server's code: a valid answer for each field
 * kind, a wrong one, and small real files. The API tests fill every demo form with these.
 */

export interface Bilingual {
  th: string;
  en: string;
}

/** A field as the definition serves it (only what the generator reads). */
export interface DefField {
  name: string;
  __component: string;
  label: Bilingual;
  required: boolean;
  maxLength?: number;
  min?: number | null;
  max?: number | null;
  integer?: boolean;
  allow?: 'any' | 'past' | 'future';
  multiple?: boolean;
  options?: Array<{ value: string; label: Bilingual }>;
  accept?: 'pdf_images' | 'pdf' | 'images';
  mimeTypes?: string[];
  maxSizeMb?: number;
  maxFiles?: number;
}

export interface Definition {
  slug: string;
  title: Bilingual;
  processingDays: number;
  paperPages: number;
  isOpen: boolean;
  workflow: 'full' | 'short';
  fields: DefField[];
}

export const kind = (f: DefField) => f.__component.replace(/^eform\./, '');

/** Today in Bangkok, shifted by `days`. */
export const bangkokDay = (days = 0) => new Date(Date.now() + 7 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

/** A national ID with a valid check digit, from 12 digits. */
export function nationalId(first12 = '110170023070'): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return `${first12}${(11 - (sum % 11)) % 10}`;
}

/** A valid answer for a field (undefined for file fields: files are parts). */
export function validAnswer(f: DefField): unknown {
  switch (kind(f)) {
    case 'short-text':
      return 'ทดสอบ'.slice(0, f.maxLength ?? 200);
    case 'long-text':
      return 'รายละเอียดทดสอบ\nบรรทัดที่สอง'.slice(0, f.maxLength ?? 2000);
    case 'number': {
      const lo = f.min ?? 0;
      const hi = f.max ?? lo + 100;
      const n = Math.min(hi, lo + 1);
      return f.integer ? Math.ceil(n) : n;
    }
    case 'date':
      return f.allow === 'past' ? bangkokDay(-3650) : f.allow === 'future' ? bangkokDay(14) : bangkokDay(0);
    case 'choice': {
      const values = (f.options ?? []).map((o) => o.value);
      return f.multiple ? values.slice(0, 2) : values[0];
    }
    case 'yes-no':
      return true;
    case 'national-id':
      return nationalId();
    case 'phone':
      return '081-234-5678';
    case 'email':
      return 'applicant@example.test';
    case 'address':
      return { houseNumber: '99/1', village: 'หมู่ 3 บ้านนกออก', subdistrict: 'นกออก', district: 'ปักธงชัย', province: 'นครราชสีมา', postcode: '30150' };
    case 'location':
      return { lat: 14.7154, lng: 102.0106 };
    case 'consent':
      return true;
    default:
      return undefined;
  }
}

/** Valid answers for every field of a form (file fields left to parts). */
export const validAnswers = (def: Definition): Record<string, unknown> =>
  Object.fromEntries(def.fields.filter((f) => kind(f) !== 'file').map((f) => [f.name, validAnswer(f)]));

/** A wrong answer for a field and the code the spec names for it; null for file fields. */
export function wrongAnswer(f: DefField): { value: unknown; code: string; at?: string } | null {
  switch (kind(f)) {
    case 'short-text':
    case 'long-text':
      return { value: 'ก'.repeat((f.maxLength ?? 200) + 1), code: 'too_long' };
    case 'number':
      if (f.max !== null && f.max !== undefined) return { value: f.max + 1, code: 'too_large' };
      if (f.min !== null && f.min !== undefined) return { value: f.min - 1, code: 'too_small' };
      return { value: '12', code: 'invalid_type' };
    case 'date':
      if (f.allow === 'past') return { value: bangkokDay(2), code: 'date_not_past' };
      if (f.allow === 'future') return { value: bangkokDay(-2), code: 'date_not_future' };
      return { value: '2026-02-30', code: 'invalid_date' };
    case 'choice':
      return { value: f.multiple ? ['ไม่มีตัวเลือกนี้'] : 'ไม่มีตัวเลือกนี้', code: 'invalid_choice', ...(f.multiple ? { at: '0' } : {}) };
    case 'yes-no':
      return { value: 'ใช่', code: 'invalid_type' };
    case 'national-id': {
      const good = nationalId();
      return { value: `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`, code: 'invalid_national_id' };
    }
    case 'phone':
      return { value: '12345', code: 'invalid_phone' };
    case 'email':
      return { value: 'not-an-address', code: 'invalid_email' };
    case 'address':
      return { value: { ...(validAnswer(f) as object), postcode: '3015' }, code: 'invalid_postcode', at: 'postcode' };
    case 'location':
      return { value: { lat: 48.85, lng: 2.35 }, code: 'out_of_area' };
    case 'consent':
      return f.required ? { value: false, code: 'consent_required' } : { value: 'yes', code: 'invalid_type' };
    default:
      return null;
  }
}

/* Small real files -------------------------------------------------------------------------------- */

/** A one-page PDF (valid structure, a few hundred bytes). */
export function tinyPdf(text = 'Nok Ok'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>',
  ];
  const stream = `BT /F1 12 Tf 20 50 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG. */
export const tinyPng = (): Buffer =>
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A valid file for a file field: a PDF where PDFs are taken, else a PNG. */
export const validFile = (f: DefField): { name: string; bytes: Buffer; type: string } =>
  f.accept === 'images' ? { name: 'photo.png', bytes: tinyPng(), type: 'image/png' } : { name: 'เอกสาร.pdf', bytes: tinyPdf(), type: 'application/pdf' };
