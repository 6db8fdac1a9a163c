/** The tracking codes filed from this browser, newest first, so the citizen can reopen them. */
const KEY = 'nokok-complaints';
const MAX = 10;

export interface RecentCode {
  code: string;
  at: string;
}

const isRecentCode = (r: unknown): r is RecentCode =>
  typeof r === 'object' && r !== null && typeof (r as Partial<RecentCode>).code === 'string' && typeof (r as Partial<RecentCode>).at === 'string';

export function recentCodes(): RecentCode[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) || '[]');
    if (!Array.isArray(list)) return [];
    return (list as unknown[]).filter(isRecentCode).slice(0, MAX);
  } catch {
    return [];
  }
}

export function rememberCode(code: string, at: string = new Date().toISOString()): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([{ code, at }, ...recentCodes().filter((r) => r.code !== code)].slice(0, MAX)));
  } catch {
    /* storage full or private mode: the confirmation still shows the code */
  }
}
