import { THAI_PHONE, compactPhone } from '../../../shared/thai-phone';
import type { FieldIssue } from '../../complaint/domain/validate';

/**
 * A fault report from the QR code on a pole, and what a pole's state means. Plain TypeScript,
 * shared by the server and the website's form (the labels).
 */
export const FAULTS = {
  no_sound: { th: 'ไม่มีเสียง', en: 'No sound' },
  distorted: { th: 'เสียงแตก/ไม่ชัด', en: 'Distorted sound' },
  too_loud: { th: 'เสียงดังเกินไป', en: 'Too loud' },
  wrong_times: { th: 'เปิดผิดเวลา', en: 'Plays at the wrong times' },
  damaged: { th: 'ลำโพงหรือเสาชำรุด', en: 'Speaker or pole damaged' },
  other: { th: 'อื่น ๆ', en: 'Other' },
} as const;

export type Fault = keyof typeof FAULTS;
export type PoleStatus = 'working' | 'reported' | 'under_repair' | 'out_of_service';

export interface PoleReport {
  fault: Fault;
  note?: string;
  phone?: string;
}

export const MAX_NOTE = 500;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validatePoleReport(body: unknown): { value?: PoleReport; issues: FieldIssue[] } {
  if (!isObject(body) || !isObject(body.data)) {
    return { issues: [{ path: ['data'], th: 'ต้องส่งข้อมูลในรูป { "data": { … } }', en: 'The body must be { "data": { … } }' }] };
  }
  const d = body.data;
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(d)) {
    if (!['fault', 'note', 'phone'].includes(key)) issues.push({ path: [key], th: 'ไม่รู้จักช่องข้อมูลนี้', en: 'Unknown field' });
  }
  if (typeof d.fault !== 'string' || !(d.fault in FAULTS)) {
    issues.push({ path: ['fault'], th: `กรุณาเลือกอาการ (${Object.keys(FAULTS).join(', ')})`, en: `fault must be one of ${Object.keys(FAULTS).join(', ')}` });
  }
  let note: string | undefined;
  if (d.note !== undefined && d.note !== null && d.note !== '') {
    if (typeof d.note !== 'string') issues.push({ path: ['note'], th: 'หมายเหตุต้องเป็นข้อความ', en: 'The note must be text' });
    else if ([...d.note.trim()].length > MAX_NOTE) issues.push({ path: ['note'], th: `หมายเหตุยาวเกิน ${MAX_NOTE} ตัวอักษร`, en: `The note is longer than ${MAX_NOTE} characters` });
    else note = d.note.trim() || undefined;
  }
  let phone: string | undefined;
  if (d.phone !== undefined && d.phone !== null && d.phone !== '') {
    const digits = typeof d.phone === 'string' ? compactPhone(d.phone) : '';
    if (!THAI_PHONE.test(digits)) issues.push({ path: ['phone'], th: 'เบอร์โทรศัพท์ไม่ถูกต้อง', en: 'The phone number is not valid' });
    else phone = digits;
  }
  if (issues.length) return { issues };
  return { value: { fault: d.fault as Fault, note, phone }, issues };
}

/** A pole's state while a report of it is in this workflow state. */
export function poleStatusFor(caseState: string): PoleStatus {
  if (caseState === 'in_progress') return 'under_repair';
  if (['received', 'accepted', 'reopened'].includes(caseState)) return 'reported';
  return 'working';
}

export interface PoleRecord {
  code: string;
  name: string;
  village?: number | null;
  lat?: number | null;
  lng?: number | null;
  status: PoleStatus;
}

/** The only public shape of a pole: an allow-list (no notes, no complaints, no ids). */
export const toPublicPole = (p: PoleRecord) => ({
  code: p.code,
  name: p.name,
  village: p.village ?? null,
  location: p.lat !== null && p.lat !== undefined && p.lng !== null && p.lng !== undefined ? { lat: p.lat, lng: p.lng } : null,
  status: p.status,
});

export const POLE_CODE = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
export const poleUrl = (publicUrl: string, code: string) => `${publicUrl.replace(/\/$/, '')}/p/${encodeURIComponent(code)}`;
