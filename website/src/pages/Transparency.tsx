import type { JSX } from 'preact';
import { formatYear, href, lang, t, tDynamic, type Lang } from '../i18n';
import { safeUrl } from '../html';
import type { Api } from './load';

type Label = { th: string; en: string };
type Status = 'ok' | 'missing' | 'stale';

/** An item as GET /api/transparency answers it. */
export interface TransparencyItem {
  code: string;
  title: Label;
  requirement: Label;
  href: string | null;
  steps: { th: string[]; en: string[] };
  status: Status;
}
export interface TransparencyGroup {
  key: string;
  indicator: string;
  title: Label;
  total: number;
  ok: number;
  items: TransparencyItem[];
}
export interface TransparencyData {
  lang: Lang;
  fiscalYear: number;
  years: number[];
  counts: { total: number; ok: number; missing: number; stale: number };
  groups: TransparencyGroup[];
}

/** /transparency?fiscalYear=2570 reads the public checklist; a year the API refuses is no page (404). */
export async function loadTransparency(api: Api, language: Lang, query: URLSearchParams): Promise<TransparencyData | null> {
  const year = query.get('fiscalYear');
  const res = await api<{ data: Omit<TransparencyData, 'lang'> | null }>('transparency', year ? { fiscalYear: year } : {});
  return res.data ? { ...res.data, lang: language } : null;
}

const inLanguage = (l: Label) => (lang === 'en' ? l.en || l.th : l.th);

/**
 * A link of the checklist: a site path in the page's language (an uploaded file and the API keep
 * theirs), or an outside address, made safe.
 */
function linkOf(target: string): string {
  if (target.startsWith('/') && !target.startsWith('/uploads/') && !target.startsWith('/api/')) return href(target);
  return safeUrl(target);
}

function Item({ item }: { item: TransparencyItem }): JSX.Element {
  const steps = lang === 'en' ? item.steps.en : item.steps.th;
  const external = item.href !== null && /^https?:/.test(item.href);
  return (
    <li class="ita-item" id={item.code} data-code={item.code} data-status={item.status}>
      <p class="ita-head">
        <span class="ita-code">{item.code.toUpperCase()}</span>{' '}
        {item.href ? (
          <a class="ita-link" href={linkOf(item.href)} rel={external ? 'noopener' : undefined}>
            {inLanguage(item.title)}
          </a>
        ) : (
          <strong>{inLanguage(item.title)}</strong>
        )}{' '}
        <span class={`badge ita-${item.status}`}>{tDynamic(`ita.status.${item.status}`)}</span>
      </p>
      {inLanguage(item.requirement) ? <p class="meta">{inLanguage(item.requirement)}</p> : null}
      <p class="ita-steps">
        <span class="sr-only">{t('ita.steps')} </span>
        {steps.join(' › ')}
      </p>
    </li>
  );
}

/**
 * /transparency: the ITA/OIT open-information checklist in one place for the assessor, grouped as
 * the assessment groups it, each item linked to its answer with the clicks from the home page.
 */
export function Transparency({ data }: { data: TransparencyData }): JSX.Element {
  const other = data.years.filter((y) => y !== data.fiscalYear);
  return (
    <>
      <h1>{t('ita.title', { year: formatYear(data.fiscalYear) })}</h1>
      <p>{t('ita.intro')}</p>
      <p class="meta" id="ita-counts">
        {t('ita.counts', { ok: data.counts.ok, total: data.counts.total })}
      </p>
      {other.length ? (
        <p>
          {t('ita.otherYears')}{' '}
          {other.map((y, i) => (
            <>
              {i ? ', ' : ''}
              <a href={href(`/transparency?fiscalYear=${y}`)}>{formatYear(y)}</a>
            </>
          ))}
        </p>
      ) : null}
      {data.counts.total === 0 ? <p>{t('ita.empty')}</p> : null}
      {data.groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <section class="ita-group" aria-labelledby={`ita-${g.key}`}>
            <h2 id={`ita-${g.key}`}>
              {inLanguage(g.title)} <span class="meta">({tDynamic(`ita.indicator.${g.indicator}`)})</span>
            </h2>
            <ol class="ita-list">
              {g.items.map((item) => (
                <Item item={item} />
              ))}
            </ol>
          </section>
        ))}
    </>
  );
}
