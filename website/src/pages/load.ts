import type { Lang } from '../i18n';

/**
 * How a page's loader reads the public API: `/api/<path>?<params>`, the answer's JSON, `{ data: null }`
 * for a 404. Injected: a loopback request on the server, `fetch` (with its cache) in the browser.
 */
export type Api = <T>(path: string, params: Record<string, string | number>) => Promise<T>;

export interface List<T> {
  data: T[];
  meta?: { pagination?: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** A list in a language; items missing in English fall back to Thai. */
export async function localizedList<T>(api: Api, language: Lang, path: string, params: Record<string, string | number>): Promise<List<T>> {
  let res = await api<List<T>>(path, { ...params, locale: language });
  if (language === 'en' && (res.data ?? []).length === 0) res = await api<List<T>>(path, { ...params, locale: 'th' });
  return { ...res, data: res.data ?? [] };
}
