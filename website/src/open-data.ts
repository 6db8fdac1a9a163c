/**
 * The open-data catalogue as the website reads it: CKAN's Action API (/api/3/action/…), the same
 * documented shapes a harvester gets, and the suite's download routes (/api/open-data/…). Types only
 * describe what the pages read; everything else in an answer is left alone.
 */

/** CKAN's envelope: `{ success, result }` (`{ data: null }` is the website's own "404"). */
export interface CkanAnswer<T> {
  success?: boolean;
  result?: T;
}

export interface CkanResource {
  id: string;
  name?: string | null;
  description?: string | null;
  format?: string | null;
  /** The download URL (absolute, from PUBLIC_URL) or an outside link. */
  url?: string | null;
  datastore_active?: boolean;
  /** What the resource is: `file` (uploaded), `url` (an outside link), `layer` (a map layer) or `live` (a live table). */
  resource_type?: string;
  mimetype?: string | null;
  size?: number | null;
  last_modified?: string | null;
}

export interface CkanPackage {
  id: string;
  name: string;
  title: string;
  title_en?: string | null;
  notes?: string | null;
  notes_en?: string | null;
  organization?: { name: string; title?: string | null; title_en?: string | null } | null;
  groups?: Array<{ name: string; title?: string | null; display_name?: string | null }>;
  tags?: Array<{ name: string; display_name?: string }>;
  license_title?: string | null;
  license_url?: string | null;
  metadata_created?: string | null;
  metadata_modified?: string | null;
  version?: string | null;
  resources?: CkanResource[];
  [field: string]: unknown;
}

export interface FacetItem {
  name: string;
  display_name?: string;
  count: number;
}

export interface CkanSearch {
  count: number;
  results: CkanPackage[];
  search_facets?: Record<string, { title?: string; items?: FacetItem[] }>;
  facets?: Record<string, Record<string, number>>;
}

export interface DataField {
  id: string;
  type: string;
}

export interface DatastorePage {
  fields: DataField[];
  records: Array<Record<string, unknown>>;
  total: number;
}

/** One dataset version as /api/open-data/datasets/:id/versions lists it. */
export interface DatasetVersion {
  number: number;
  versionLabel?: string | null;
  changeNote?: string | null;
  releasedAt: string;
}

/** The facets the search page offers: CKAN's field and the page's query parameter. */
export const FACETS = [
  { field: 'groups', param: 'group' },
  { field: 'organization', param: 'org' },
  { field: 'res_format', param: 'format' },
] as const;
export type FacetParam = (typeof FACETS)[number]['param'];

/** The orders the search page offers (CKAN's sort strings); '' is the API's own: relevance, then newest. */
export const SORTS = { '': '', modified: 'metadata_modified desc', title: 'title_string asc' } as const;
export type SortKey = keyof typeof SORTS;
export const isSortKey = (s: string): s is SortKey => Object.prototype.hasOwnProperty.call(SORTS, s);

/** Rows of a table preview, on the page and a page at a time after. */
export const PREVIEW_ROWS = 10;

/** A Solr filter query on one facet value; quotes keep Thai words and spaces in one value. */
export const facetFilter = (field: string, value: string): string => `${field}:"${value.replace(/["\\]/g, '\\$&')}"`;

/** CKAN writes times without a zone (UTC): read them as UTC, not as the reader's local time. */
export const asInstant = (iso: string): string => (/(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`);

/** A GeoJSON resource or a map layer: the page shows it on a map. */
export const isGeo = (r: CkanResource): boolean => /geo\+?json/i.test(r.format ?? '') || /geo\+json/i.test(r.mimetype ?? '');

/** A number cell of the data store (shown right-aligned, as written). */
export const isNumeric = (f: DataField): boolean => /^(int|numeric|float|double|bigint|integer|number)/i.test(f.type);

/** The visible fields of a table: the store's row number `_id` stays out of sight. */
export const shownFields = (fields: DataField[]): DataField[] => fields.filter((f) => f.id !== '_id');

/**
 * A link the page may follow on this site: the suite's own absolute URLs (built from PUBLIC_URL)
 * become site paths, so a download works whatever address the visitor used.
 */
export function sameSite(url: string | null | undefined, base: string): string | null {
  if (!url) return null;
  if (base && url.startsWith(`${base}/`)) return url.slice(base.length);
  if (/^\/(?!\/)/.test(url)) return url;
  return /^https?:\/\//i.test(url) ? url : null;
}

/** The download routes of a resource held in the data store. */
export const downloadPath = (resourceId: string, format: 'csv' | 'json' | 'xlsx'): string => `/api/open-data/resources/${encodeURIComponent(resourceId)}/data.${format}`;

/** A preview's state in the page's address (`?preview=<id>&sort=<field>&dir=desc&page=2`), so it works without script. */
export interface PreviewState {
  sort: string;
  dir: 'asc' | 'desc';
  page: number;
}

export const previewQuery = (resourceId: string, s: PreviewState): string => {
  const q = new URLSearchParams({ preview: resourceId });
  if (s.sort) q.set('sort', s.sort);
  if (s.sort && s.dir === 'desc') q.set('dir', 'desc');
  if (s.page > 1) q.set('page', String(s.page));
  return q.toString();
};

/** The parameters of datastore_search for a preview page. */
export const previewParams = (resourceId: string, s: PreviewState): Record<string, string | number> => ({
  resource_id: resourceId,
  limit: PREVIEW_ROWS,
  offset: (s.page - 1) * PREVIEW_ROWS,
  ...(s.sort ? { sort: `"${s.sort}" ${s.dir}` } : {}),
});
