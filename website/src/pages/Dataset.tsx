import type { JSX } from 'preact';
import { formatInstant, href, lang, t, tDynamic, type Lang } from '../i18n';
import type { Site } from '../components/site';
import { TablePreview, type Preview } from '../components/TablePreview';
import {
  asInstant,
  downloadPath,
  isGeo,
  previewParams,
  sameSite,
  type CkanAnswer,
  type CkanPackage,
  type CkanResource,
  type DatasetVersion,
  type DatastorePage,
  type PreviewState,
} from '../open-data';
import { MapLoading } from './Poles';
import type { Api } from './load';

/** What the dataset page shows and its island reads back (page-data): nothing else of the answers travels. */
export interface DatasetData {
  lang: Lang;
  dataset: CkanPackage;
  /** First pages of the tabular resources, by resource id. */
  previews: Record<string, Preview>;
  versions: DatasetVersion[];
}

const MAX_VERSIONS = 20;
/** Fields of package_show the page names itself; the rest of CKAN's dict stays on the server. */
const KEPT = [
  'id',
  'name',
  'title',
  'title_en',
  'notes',
  'notes_en',
  'organization',
  'groups',
  'tags',
  'license_title',
  'license_url',
  'metadata_created',
  'metadata_modified',
  'version',
  'resources',
  'maintainer',
  'maintainer_email',
  // The Thai Government Data Catalog's fields the page shows (their values are the catalog's Thai words).
  'data_type',
  'data_source',
  'geo_coverage',
  'geo_coverage_other',
  'update_frequency_unit',
  'update_frequency_unit_other',
  'update_frequency_interval',
];
/** The catalog's units of "every n …"; its other frequencies are words of their own. */
const PERIODS = ['วัน', 'สัปดาห์', 'เดือน', 'ไตรมาส', 'ครึ่งปี', 'ปี'];
const OTHER = 'อื่นๆ';
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(', ') : typeof v === 'number' ? String(v) : '');
/** A catalog word in the page's language: the Thai words are the catalog's own; English has a few of them. */
const gdcWord = (group: 'freq' | 'geo' | 'type', word: string): string => {
  const key = `data.${group}.${word}`;
  const own = tDynamic(key);
  return own === key ? word : own;
};

function frequency(d: CkanPackage): string {
  const unit = text(d.update_frequency_unit);
  if (!unit) return '';
  if (unit === OTHER) return text(d.update_frequency_unit_other) ? gdcWord('freq', text(d.update_frequency_unit_other)) : '';
  if (!PERIODS.includes(unit)) return gdcWord('freq', unit);
  const n = Number(text(d.update_frequency_interval)) || 1;
  return t('data.meta.every', { n, unit: gdcWord('freq', unit) });
}

function coverage(d: CkanPackage): string {
  const area = text(d.geo_coverage);
  return area === OTHER ? text(d.geo_coverage_other) : area ? gdcWord('geo', area) : '';
}

const previewStateOf = (query: URLSearchParams, resourceId: string): PreviewState => {
  if (query.get('preview') !== resourceId) return { sort: '', dir: 'asc', page: 1 };
  return {
    sort: (query.get('sort') ?? '').slice(0, 100),
    dir: query.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Math.min(100_000, Math.max(1, Math.floor(Number(query.get('page'))) || 1)),
  };
};

/**
 * /data/<slug> reads CKAN's package_show, the first page of each table in the data store through
 * datastore_search (in the order and page the address asks for), and the dataset's versions.
 * null (no such public dataset) answers the not-found page.
 */
export async function loadDataset(api: Api, language: Lang, slug: string, query: URLSearchParams): Promise<DatasetData | null> {
  const answer = await api<CkanAnswer<CkanPackage>>('3/action/package_show', { id: slug });
  const found = answer.result;
  if (!found?.name) return null;
  const dataset = Object.fromEntries(Object.entries(found).filter(([k]) => KEPT.includes(k))) as CkanPackage;
  const tabular = (dataset.resources ?? []).filter((r) => r.datastore_active);
  const readPreview = async (r: CkanResource): Promise<[string, Preview]> => {
    const state = previewStateOf(query, r.id);
    const read = (s: PreviewState) => api<CkanAnswer<DatastorePage>>('3/action/datastore_search', previewParams(r.id, s)).catch((): CkanAnswer<DatastorePage> => ({}));
    let page = (await read(state)).result ?? null;
    // An order the table cannot take (a column typed into the address): its first page as stored.
    if (!page && (state.sort || state.page > 1)) {
      state.sort = '';
      state.dir = 'asc';
      state.page = 1;
      page = (await read(state)).result ?? null;
    }
    return [r.id, { state, page: page ? { fields: page.fields ?? [], records: page.records ?? [], total: Number(page.total) || 0 } : null }];
  };
  const [previews, versions] = await Promise.all([
    Promise.all(tabular.map(readPreview)),
    api<{ data?: DatasetVersion[] | null }>(`open-data/datasets/${encodeURIComponent(dataset.id)}/versions`, {})
      .then((v) => (Array.isArray(v.data) ? v.data : []))
      .catch((): DatasetVersion[] => []),
  ]);
  return { lang: language, dataset, previews: Object.fromEntries(previews), versions: versions.slice(0, MAX_VERSIONS) };
}

export const datasetTitle = (d: Pick<CkanPackage, 'title' | 'title_en'>): string => (lang === 'en' && d.title_en) || d.title;
const datasetNotes = (d: CkanPackage): string => (lang === 'en' && d.notes_en) || d.notes || '';
const groupLabel = (g: { name: string; title?: string | null; display_name?: string | null }) => {
  const own = tDynamic(`data.group.${g.name}`);
  return own !== `data.group.${g.name}` ? own : g.display_name || g.title || g.name;
};
const resourceName = (r: CkanResource) => r.name || r.format || t('data.resource');

const Format = ({ format }: { format?: string | null }) => (format ? <span class="format">{format}</span> : null);

/** A resource's download links: the file itself, and for a table its rows as CSV, JSON and Excel. */
function Downloads({ r, base }: { r: CkanResource; base: string }): JSX.Element | null {
  const url = sameSite(r.url, base);
  // An outside link answers at our address with a redirect: it is opened, not saved.
  const link = r.resource_type === 'url' || !url?.startsWith('/');
  const format = r.format || t('data.resource');
  const name = resourceName(r);
  const links: JSX.Element[] = [];
  if (url)
    links.push(
      <a class="button download" href={url} download={link ? undefined : ''} rel={link ? 'noopener' : undefined} data-download="file">
        {link ? t('data.download.link') : r.resource_type === 'file' || !r.resource_type ? t('data.download.file', { format }) : t('data.download.current', { format })}
      </a>
    );
  if (r.datastore_active)
    for (const [format, label] of [
      ['csv', 'CSV'],
      ['json', 'JSON'],
      ['xlsx', 'Excel (XLSX)'],
    ] as const)
      links.push(
        <a class="button download" href={downloadPath(r.id, format)} download="" data-download={format} aria-label={t('data.download.as', { name, format: label })}>
          {label}
        </a>
      );
  return links.length ? <p class="downloads">{links}</p> : null;
}

/** One copyable call: the text, and a copy button the island brings to life (without script the text is selectable). */
function Call({ id, label, text }: { id: string; label: string; text: string }): JSX.Element {
  return (
    <>
      <dt id={`${id}-label`}>{label}</dt>
      <dd>
        <code class="call" id={id}>
          {text}
        </code>
        {/* In a wrapper: the button's own display rule would outweigh the no-script rule that hides it. */}
        <span class="needs-script">
          <button type="button" class="secondary small" data-copy={id} aria-describedby={`${id}-label`}>
            {t('data.api.copy')}
          </button>
        </span>
      </dd>
    </>
  );
}

/** The calls an integrator would make for this dataset, with the site's public address. */
function ApiCalls({ d, base }: { d: CkanPackage; base: string }): JSX.Element {
  const origin = base || '';
  const show = `${origin}/api/3/action/package_show?id=${encodeURIComponent(d.name)}`;
  const table = (d.resources ?? []).find((r) => r.datastore_active);
  const search = table ? `${origin}/api/3/action/datastore_search?resource_id=${encodeURIComponent(table.id)}&limit=5` : null;
  return (
    <section aria-labelledby="api-h" class="api-calls">
      <h2 id="api-h">{t('data.api.title')}</h2>
      <p>{t('data.api.intro')}</p>
      <dl>
        <Call id="api-package" label={t('data.api.package')} text={show} />
        {search ? <Call id="api-datastore" label={t('data.api.datastore', { name: resourceName(table!) })} text={search} /> : null}
        <Call id="api-curl" label={t('data.api.curl')} text={`curl '${search ?? show}'`} />
      </dl>
      <p>
        <a href={href('/developers')}>{t('data.api.more')}</a>
      </p>
    </section>
  );
}

/** /data/<slug>: the dataset's description and metadata, each resource with its downloads and previews, its versions. */
export function Dataset({ data, site }: { data: DatasetData; site: Site }): JSX.Element {
  const d = data.dataset;
  const base = site.publicUrl ?? '';
  const path = `/data/${encodeURIComponent(d.name)}`;
  const organization = (lang === 'en' && d.organization?.title_en) || d.organization?.title || d.organization?.name;
  const Row = ({ k, children }: { k: string; children: JSX.Element | string | null | undefined }) =>
    children ? (
      <>
        <dt>{k}</dt>
        <dd>{children}</dd>
      </>
    ) : null;
  const modified = d.metadata_modified ? asInstant(d.metadata_modified) : null;
  const created = d.metadata_created ? asInstant(d.metadata_created) : null;
  return (
    <>
      <p class="crumbs">
        <a href={href('/data')}>{t('data.title')}</a>
      </p>
      <h1>{datasetTitle(d)}</h1>
      {datasetNotes(d)
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p) => (
          <p class="notes">{p}</p>
        ))}
      <dl class="facts">
        <Row k={t('data.meta.organization')}>{organization}</Row>
        <Row k={t('data.meta.groups')}>{(d.groups ?? []).map(groupLabel).join(', ') || null}</Row>
        <Row k={t('data.meta.tags')}>
          {(d.tags ?? []).length ? (
            <ul class="tags">
              {(d.tags ?? []).map((tag) => (
                <li class="tag">{tag.display_name || tag.name}</li>
              ))}
            </ul>
          ) : null}
        </Row>
        <Row k={t('data.meta.type')}>{text(d.data_type) ? gdcWord('type', text(d.data_type)) : null}</Row>
        <Row k={t('data.meta.frequency')}>{frequency(d) || null}</Row>
        <Row k={t('data.meta.coverage')}>{coverage(d) || null}</Row>
        <Row k={t('data.meta.source')}>{text(d.data_source) || null}</Row>
        <Row k={t('data.meta.contact')}>
          {text(d.maintainer_email) ? (
            <>
              {text(d.maintainer)} <a href={`mailto:${text(d.maintainer_email)}`}>{text(d.maintainer_email)}</a>
            </>
          ) : text(d.maintainer) || null}
        </Row>
        <Row k={t('data.meta.license')}>{d.license_url && d.license_title ? <a href={sameSite(d.license_url, base) ?? '#'}>{d.license_title}</a> : d.license_title}</Row>
        <Row k={t('data.meta.version')}>{d.version}</Row>
        <Row k={t('data.meta.modified')}>{modified ? <time dateTime={modified}>{formatInstant(modified)}</time> : null}</Row>
        <Row k={t('data.meta.created')}>{created ? <time dateTime={created}>{formatInstant(created)}</time> : null}</Row>
      </dl>

      <section aria-labelledby="resources-h">
        <h2 id="resources-h">{t('data.resources', { count: (d.resources ?? []).length })}</h2>
        {(d.resources ?? []).length ? null : <p>{t('data.noResources')}</p>}
        {(d.resources ?? []).map((r) => {
          const preview = data.previews[r.id];
          const geoUrl = isGeo(r) ? sameSite(r.url, base) : null;
          return (
            <article class="resource" id={`resource-${r.id}`} aria-labelledby={`resource-${r.id}-h`} data-resource={r.id}>
              <h3 id={`resource-${r.id}-h`}>
                {resourceName(r)} <Format format={r.format} />
              </h3>
              {r.description ? <p>{r.description}</p> : null}
              <Downloads r={r} base={base} />
              {preview ? (
                <div data-preview={r.id}>
                  <TablePreview resourceId={r.id} name={resourceName(r)} datasetPath={path} initial={preview} />
                </div>
              ) : null}
              {geoUrl?.startsWith('/') ? (
                <div class="map" id={`map-${r.id}`} data-geo={geoUrl} role="region" aria-label={t('data.map.label', { name: resourceName(r) })}>
                  <MapLoading />
                </div>
              ) : null}
            </article>
          );
        })}
      </section>

      {data.versions.length ? (
        <section aria-labelledby="versions-h">
          <h2 id="versions-h">{t('data.versions')}</h2>
          <ul class="versions">
            {data.versions.map((v) => (
              <li>
                <strong>{v.versionLabel ? t('data.versionLabeled', { n: v.number, label: v.versionLabel }) : t('data.version', { n: v.number })}</strong>{' '}
                <time dateTime={asInstant(v.releasedAt)}>{formatInstant(asInstant(v.releasedAt), true)}</time>
                {v.changeNote ? <p>{v.changeNote}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ApiCalls d={d} base={base} />

      <section aria-labelledby="request-h">
        <h2 id="request-h">{t('data.request.cta')}</h2>
        <p>
          {t('data.request.ctaText')} <a href={href('/data/request')}>{t('data.requestLink')}</a>
        </p>
      </section>
      <p class="hint" id="copy-status" role="status"></p>
    </>
  );
}
