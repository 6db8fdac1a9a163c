import type { Category, StaffUser } from '../types/api';
import { isThai } from './i18n';

/**
 * Case times are shown in the town's time zone, not the staff PC's: a deadline read on a laptop set
 * to UTC would otherwise move by seven hours, sometimes to another day.
 */
export const TIME_ZONE = 'Asia/Bangkok';

export const staffName = (u: StaffUser | null | undefined): string =>
  u ? [u.firstname, u.lastname].filter(Boolean).join(' ').trim() || u.email || `#${u.id}` : '';

export const excerpt = (text: string | null | undefined, max = 80): string => {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
};

/** Decimal columns arrive as numbers (SQLite) or strings (PostgreSQL). */
export const toNumber = (v: number | string | null | undefined): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

export const categoryName = (c: Pick<Category, 'nameTh' | 'nameEn'> | null | undefined, locale: string) =>
  c ? (isThai(locale) ? c.nameTh : c.nameEn) : '-';
