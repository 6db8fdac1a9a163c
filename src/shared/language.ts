export type Language = 'th' | 'en';

/**
 * Thai unless the caller asks for English: `?locale=` wins, else the Accept-Language preference
 * between th and en (by q-value, then by order).
 */
export function pickLanguage(locale: unknown, acceptLanguage: unknown): Language {
  if (locale === 'en' || locale === 'th') return locale;
  let best: { lang: Language; q: number } | undefined;
  // A header is text; a repeated one may arrive as a list of texts, read as one comma-separated list.
  const header = typeof acceptLanguage === 'string' ? acceptLanguage : Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : '';
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'th' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'th';
}
