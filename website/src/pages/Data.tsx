import type { JSX } from 'preact';
import { formatInstant, href, lang, t, tDynamic, type Lang } from '../i18n';
import { FACETS, SORTS, asInstant, facetFilter, isSortKey, type CkanAnswer, type CkanPackage, type CkanSearch, type FacetItem, type FacetParam, type SortKey } from '../open-data';
import type { Api } from './load';

const ROWS = 10;
const MAX_VALUES = 10;
const MAX_QUERY = 200;

/** One facet as the page shows it: the values the API counted, and the chosen ones it did not. */
export interface Facet {
  param: FacetParam;
  items: FacetItem[];
  chosen: string[];
}

export interface DataSearchData {
  lang: Lang;
  q: string;
  sort: SortKey;
  page: number;
  count: number;
  results: DatasetSummary[];
  facets: Facet[];
}

/** What the list shows of a dataset: only this travels with the page. */
export interface DatasetSummary {
  name: string;
  title: string;
  title_en: string | null;
  notes: string;
  notes_en: string;
  organization: string;
  organization_en: string | null;
  formats: string[];
  modified: string | null;
}

const excerpt = (text: string | null | undefined, max = 220): string => {
  const s = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max).replace(/\s+\S*$/, '')}…` : s;
};

const values = (query: URLSearchParams, name: string): string[] => [
  ...new Set(
    query
      .getAll(name)
      .map((v) => v.trim().slice(0, 100))
      .filter(Boolean)
  ),
].slice(0, MAX_VALUES);

/**
 * /data reads CKAN's package_search: the words in `q`, each chosen facet value as a filter query
 * (CKAN's `fq`), counts of every facet for the current results, ten a page.
 */
export async function loadDataSearch(api: Api, language: Lang, query: URLSearchParams): Promise<DataSearchData> {
  const q = (query.get('q') ?? '').trim().slice(0, MAX_QUERY);
  const sortParam = query.get('sort') ?? '';
  const sort: SortKey = isSortKey(sortParam) ? sortParam : '';
  const page = Math.min(1000, Math.max(1, Math.floor(Number(query.get('page'))) || 1));
  const chosen = Object.fromEntries(FACETS.map((f) => [f.param, values(query, f.param)])) as Record<FacetParam, string[]>;
  const fq = FACETS.flatMap((f) => chosen[f.param].map((v) => facetFilter(f.field, v))).join(' ');
  const params: Record<string, string | number> = {
    rows: ROWS,
    start: (page - 1) * ROWS,
    'facet.field': JSON.stringify(FACETS.map((f) => f.field)),
    'facet.limit': 50,
  };
  // Words only: the API reads `word:` as a field to filter on (CKAN's q syntax), which a citizen's
  // "http://…" or "covid:19" never means.
  if (q) params.q = q.replace(/:/g, ' ');
  if (fq) params.fq = fq;
  if (SORTS[sort]) params.sort = SORTS[sort];
  const answer = await api<CkanAnswer<CkanSearch>>('3/action/package_search', params);
  const result = answer.result ?? { count: 0, results: [] };
  return {
    lang: language,
    q,
    sort,
    page,
    count: result.count ?? 0,
    results: (result.results ?? []).map((p: CkanPackage) => ({
      name: p.name,
      title: p.title,
      title_en: p.title_en ?? null,
      notes: excerpt(p.notes),
      notes_en: excerpt(p.notes_en),
      organization: p.organization?.title || p.organization?.name || '',
      organization_en: p.organization?.title_en ?? null,
      formats: [...new Set((p.resources ?? []).map((r) => (r.format ?? '').trim()).filter(Boolean))],
      modified: p.metadata_modified ?? null,
    })),
    facets: FACETS.map((f) => {
      const items = result.search_facets?.[f.field]?.items ?? Object.entries(result.facets?.[f.field] ?? {}).map(([name, count]) => ({ name, display_name: name, count }));
      const sorted = [...items].sort((a, b) => b.count - a.count || (a.display_name || a.name).localeCompare(b.display_name || b.name, 'th'));
      return { param: f.param, items: sorted, chosen: chosen[f.param] };
    }),
  };
}

/** A facet value in the page's language: categories are ours to name, departments and formats as the API has them. */
export function facetLabel(param: FacetParam, item: { name: string; display_name?: string }): string {
  if (param === 'group') {
    const own = tDynamic(`data.group.${item.name}`);
    if (own !== `data.group.${item.name}`) return own;
  }
  return item.display_name || item.name;
}

/** The address of this search with some parameters changed (page, a facet value removed). */
function searchHref(data: DataSearchData, change: { page?: number; drop?: [FacetParam, string] }): string {
  const q = new URLSearchParams();
  if (data.q) q.set('q', data.q);
  for (const f of data.facets) for (const v of f.chosen) if (!(change.drop && change.drop[0] === f.param && change.drop[1] === v)) q.append(f.param, v);
  if (data.sort) q.set('sort', data.sort);
  const page = change.page ?? 1;
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return href(`/data${s ? `?${s}` : ''}`);
}

export function DatasetCard({ d }: { d: DatasetSummary }): JSX.Element {
  const title = (lang === 'en' && d.title_en) || d.title;
  const notes = (lang === 'en' && d.notes_en) || d.notes;
  const organization = (lang === 'en' && d.organization_en) || d.organization;
  return (
    <li class="dataset-card" data-dataset={d.name}>
      <h3>
        <a href={href(`/data/${encodeURIComponent(d.name)}`)}>{title}</a>
      </h3>
      {notes ? <p>{notes}</p> : null}
      <p class="meta">
        {organization ? <span>{organization}</span> : null}
        {d.modified ? (
          <span>
            {t('data.modified')} <time dateTime={asInstant(d.modified)}>{formatInstant(asInstant(d.modified))}</time>
          </span>
        ) : null}
      </p>
      {d.formats.length ? (
        <ul class="formats" aria-label={t('data.formats')}>
          {d.formats.map((f) => (
            <li class="format">{f}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * /data: the town's open datasets. A GET form (words, category, department, format, order) that works
 * without script; the results with their department, formats and date; pages of ten.
 */
export function DataSearch({ data }: { data: DataSearchData }): JSX.Element {
  const pageCount = Math.max(1, Math.ceil(data.count / ROWS));
  const pagerLabel = t('news.page', { page: data.page, count: pageCount });
  const anyChosen = data.facets.some((f) => f.chosen.length);
  return (
    <>
      <h1>{t('data.title')}</h1>
      <p>{t('data.intro')}</p>
      <form class="data-search" method="get" action={href('/data')} role="search" aria-label={t('data.searchLabel')}>
        <div class="field">
          <label for="data-q">{t('data.searchLabel')}</label>
          <div class="inline">
            <input id="data-q" type="search" name="q" value={data.q} maxlength={MAX_QUERY} placeholder={t('data.searchPlaceholder')} />
            <button type="submit" class="primary">
              {t('data.search')}
            </button>
          </div>
        </div>
        <div class="facets">
          {data.facets.map((f) => {
            const shown = [...f.items];
            // A chosen value with no results left still shows, checked, so it can be unchosen.
            for (const v of f.chosen) if (!shown.some((i) => i.name === v)) shown.push({ name: v, display_name: v, count: 0 });
            if (!shown.length) return null;
            return (
              <fieldset class="facet" id={`facet-${f.param}`}>
                <legend>{t(`data.facet.${f.param}`)}</legend>
                <ul>
                  {shown.map((item, i) => (
                    <li class="check">
                      <input type="checkbox" id={`f-${f.param}-${i}`} name={f.param} value={item.name} checked={f.chosen.includes(item.name)} />
                      <label for={`f-${f.param}-${i}`}>
                        {facetLabel(f.param, item)} <span class="count">({item.count})</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            );
          })}
        </div>
        <div class="actions">
          <label for="data-sort" class="inline-label">
            {t('data.sort')}
          </label>
          <select id="data-sort" name="sort" class="auto">
            {(Object.keys(SORTS) as SortKey[]).map((k) => (
              <option value={k} selected={k === data.sort}>
                {t(`data.sort.${k || 'relevance'}`)}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            {t('data.apply')}
          </button>
          {anyChosen || data.q ? <a href={href('/data')}>{t('data.clear')}</a> : null}
        </div>
      </form>
      <section class="results" aria-labelledby="results-h">
        <h2 id="results-h">{data.q ? t('data.countFor', { count: data.count, q: data.q }) : t('data.count', { count: data.count })}</h2>
        {anyChosen ? (
          <ul class="chosen" aria-label={t('data.chosen')}>
            {data.facets.flatMap((f) =>
              f.chosen.map((v) => {
                const label = facetLabel(f.param, f.items.find((i) => i.name === v) ?? { name: v });
                return (
                  <li>
                    <a href={searchHref(data, { drop: [f.param, v] })} aria-label={t('data.remove', { value: label })}>
                      {label} ✕
                    </a>
                  </li>
                );
              })
            )}
          </ul>
        ) : null}
        {data.results.length ? (
          <ul class="dataset-list">
            {data.results.map((d) => (
              <DatasetCard d={d} />
            ))}
          </ul>
        ) : (
          <p id="data-empty">{t('data.empty')}</p>
        )}
        {pageCount > 1 ? (
          <nav class="pager" aria-label={pagerLabel}>
            {data.page > 1 ? (
              <a rel="prev" href={searchHref(data, { page: data.page - 1 })}>
                {t('news.prev')}
              </a>
            ) : null}
            <span>{pagerLabel}</span>
            {data.page < pageCount ? (
              <a rel="next" href={searchHref(data, { page: data.page + 1 })}>
                {t('news.next')}
              </a>
            ) : null}
          </nav>
        ) : null}
        <p class="request-more">
          {t('data.missing')} <a href={href('/data/request')}>{t('data.requestLink')}</a>
        </p>
      </section>
    </>
  );
}
