import type { Fault, PoleStatus } from '../../../shared/pole-report';

export { POLE_CODE, type Fault, type PoleReport, type PoleStatus } from '../../../shared/pole-report';

/**
 * What a pole's faults are called and what a pole's state means. Plain TypeScript; the report's
 * input rules are src/shared/pole-report.ts (the website runs them too).
 */
export const FAULTS: Record<Fault, { th: string; en: string }> = {
  no_sound: { th: 'ไม่มีเสียง', en: 'No sound' },
  distorted: { th: 'เสียงแตก/ไม่ชัด', en: 'Distorted sound' },
  too_loud: { th: 'เสียงดังเกินไป', en: 'Too loud' },
  wrong_times: { th: 'เปิดผิดเวลา', en: 'Plays at the wrong times' },
  damaged: { th: 'ลำโพงหรือเสาชำรุด', en: 'Speaker or pole damaged' },
  other: { th: 'อื่น ๆ', en: 'Other' },
};

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

export const poleUrl = (publicUrl: string, code: string) => `${publicUrl.replace(/\/$/, '')}/p/${encodeURIComponent(code)}`;
