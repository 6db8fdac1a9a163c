import crypto from 'crypto';
import contentTypesTh from '../../../shared/content-types/th.json';
import datasetSchema from '../content-types/dataset/schema.json';
import { GDC_CHOICE_FIELDS, GDC_FIELDS, dateOnly, licenseOf, resourceFormat, textOf, toGdcFields, type GdcFields } from './gdc';

/**
 * The CKAN Action API's shapes of our catalogue (package, resource, organization, group, tag) and
 * package_search over the published list in memory (a town has hundreds of datasets at most). Built
 * from allow-lists: a field added to a dataset later reaches no harvester by default. Pure.
 */

/** A resource as the catalogue keeps it (a `dataset.resource` component). */
export interface ResourceLike {
  key: string;
  name: string;
  description?: string | null;
  format?: string | null;
  source: 'file' | 'url' | 'layer' | 'live';
  file?: { name: string; url: string; mime: string; ext?: string | null; size: number; updatedAt?: string | null } | null;
  url?: string | null;
  view?: string | null;
  restricted?: boolean | null;
}

/** A published dataset as the catalogue reads it: its own fields, then every metadata field by name. */
export interface DatasetLike {
  documentId: string;
  slug: string;
  titleTh: string;
  titleEn?: string | null;
  descriptionTh: string;
  descriptionEn?: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string | null;
  resources: ResourceLike[];
  [field: string]: unknown;
}

export interface PackageExtras {
  /** Keys of the resources whose rows can be searched now (a ready data-store table, or a live view). */
  datastoreActive?: ReadonlySet<string>;
  /** Whether the public may read this dataset (else only partner agencies see it): data.go.th harvests only those. */
  open?: boolean;
}

export interface CkanTag {
  id: string;
  name: string;
  display_name: string;
  state: 'active';
  vocabulary_id: null;
}

export interface CkanOrganization {
  id: string;
  name: string;
  title: string;
  display_name: string;
  description: string;
  image_url: string;
  type: 'organization';
  is_organization: true;
  approval_status: 'approved';
  state: 'active';
  created: string;
}

export interface CkanGroup {
  id: string;
  name: string;
  title: string;
  display_name: string;
  description: string;
  image_display_url: string;
}

export interface CkanResource {
  id: string;
  package_id: string;
  name: string;
  description: string;
  format: string;
  url: string;
  url_type: 'upload' | null;
  mimetype: string | null;
  size: number | null;
  created: string;
  last_modified: string | null;
  metadata_modified: string;
  position: number;
  state: 'active';
  datastore_active: boolean;
  resource_type: 'file' | 'url' | 'layer' | 'live';
  [field: string]: unknown;
}

export interface CkanPackage {
  id: string;
  name: string;
  title: string;
  notes: string;
  title_en: string;
  notes_en: string;
  type: 'dataset';
  state: 'active';
  private: boolean;
  isopen: boolean;
  url: string;
  version: string;
  author: string;
  author_email: string;
  maintainer: string;
  maintainer_email: string;
  license_id: string;
  license_title: string;
  license_url: string;
  metadata_created: string;
  metadata_modified: string;
  owner_org: string;
  organization: CkanOrganization;
  groups: CkanGroup[];
  tags: CkanTag[];
  tag_string: string;
  num_tags: number;
  num_resources: number;
  resources: CkanResource[];
  extras: Array<{ key: string; value: string }>;
  [field: string]: unknown;
}

/** CKAN's timestamp: ISO 8601 in UTC without the zone, as CKAN writes it. */
export const ckanTime = (v: unknown): string => {
  const d = new Date(textOf(v) || 0);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace(/Z$/, '');
};

/** A CKAN name from any text: lower-case ASCII letters, digits, `-` and `_`; empty when nothing is left. */
export const asciiName = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 100);

/**
 * An organization's CKAN name: its name in Latin letters when it has one, else (Thai names) `org-`
 * and a short digest of the name, so the same department always gets the same name.
 */
export function organizationName(title: string): string {
  const ascii = asciiName(title);
  if (ascii.length >= 2) return ascii;
  return `org-${crypto.createHash('sha1').update(title.trim()).digest('hex').slice(0, 10)}`;
}

/** The categories (CKAN groups), in the schema's order. */
export const CATEGORIES: readonly string[] = datasetSchema.attributes.category.enum;
const LABELS_TH = contentTypesTh.values as Record<string, string>;
/** A category's Thai title (the admin's label of the value). */
export const categoryTitle = (code: string) => LABELS_TH[code] ?? code;

/** The tags of a dataset: written "a, b" (Thai commas too), trimmed, each once. */
export const tagsOf = (tags: unknown): string[] => [
  ...new Set(
    textOf(tags)
      .split(/[,\u3001\uff0c\n]+/)
      .map((t) => t.trim())
      .filter(Boolean)
  ),
];

export const toCkanTag = (name: string): CkanTag => ({ id: name, name, display_name: name, state: 'active', vocabulary_id: null });

export function toCkanOrganization(department: string, created = ''): CkanOrganization {
  const name = organizationName(department);
  return {
    id: name,
    name,
    title: department,
    display_name: department,
    description: '',
    image_url: '',
    type: 'organization',
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    created,
  };
}

export const toCkanGroup = (category: string): CkanGroup => ({
  id: category,
  name: category,
  title: categoryTitle(category),
  display_name: categoryTitle(category),
  description: '',
  image_display_url: '',
});

/** Where things of the catalogue are, under PUBLIC_URL. */
export const urls = (base: string) => ({
  page: (slug: string) => `${base}/data/${encodeURIComponent(slug)}`,
  download: (key: string) => `${base}/api/open-data/resources/${encodeURIComponent(key)}/download`,
  data: (key: string, ext: 'csv' | 'json' | 'xlsx') => `${base}/api/open-data/resources/${encodeURIComponent(key)}/data.${ext}`,
  help: (action: string) => `${base}/api/3/action/help_show?name=${encodeURIComponent(action)}`,
});

const MEDIA_OF: Record<string, string> = {
  CSV: 'text/csv',
  TSV: 'text/tab-separated-values',
  JSON: 'application/json',
  GEOJSON: 'application/geo+json',
  XML: 'application/xml',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  XLS: 'application/vnd.ms-excel',
  PDF: 'application/pdf',
  HTML: 'text/html',
  ZIP: 'application/zip',
  TXT: 'text/plain',
};
/** The media type a resource is downloaded as (null for a link whose type we cannot know). */
export function mediaTypeOf(r: ResourceLike): string | null {
  if (r.source === 'file' && r.file?.mime) return r.file.mime;
  if (r.source === 'layer') return 'application/geo+json';
  if (r.source === 'live') return 'text/csv';
  return MEDIA_OF[resourceFormat(r)] ?? null;
}

/** CKAN's way of writing a format: upper case, GeoJSON as CKAN spells it. */
const ckanFormat = (r: ResourceLike) => {
  const f = resourceFormat(r);
  return f === 'GEOJSON' ? 'GeoJSON' : f;
};

export function toCkanResource(r: ResourceLike, d: Pick<DatasetLike, 'documentId' | 'createdAt' | 'updatedAt'>, position: number, base: string, extras: PackageExtras = {}): CkanResource {
  const at = urls(base);
  const active = extras.datastoreActive?.has(r.key) ?? false;
  return {
    id: r.key,
    package_id: d.documentId,
    name: r.name,
    description: textOf(r.description),
    format: ckanFormat(r),
    // Every kind answers at its download address: a file, a redirect to a link, a layer as GeoJSON, a live table as CSV.
    url: at.download(r.key),
    url_type: r.source === 'file' ? 'upload' : null,
    mimetype: mediaTypeOf(r),
    // The Media Library counts kilobytes; CKAN counts bytes.
    size: r.source === 'file' && r.file ? Math.round(Number(r.file.size) * 1024) : null,
    created: ckanTime(d.createdAt),
    // A live view changes with every read: it has no last modification to tell.
    last_modified: r.source === 'file' && r.file?.updatedAt ? ckanTime(r.file.updatedAt) : null,
    metadata_modified: ckanTime(d.updatedAt),
    position,
    state: 'active',
    datastore_active: active,
    resource_type: r.source,
    ...(active ? { datastore_csv_url: at.data(r.key, 'csv'), datastore_json_url: at.data(r.key, 'json'), datastore_xlsx_url: at.data(r.key, 'xlsx') } : {}),
  };
}

/** The package dict of a dataset: CKAN's core fields, then the GD Catalog's, top-level as ckanext-scheming keeps them. */
export function toCkanPackage(d: DatasetLike, base: string, extras: PackageExtras = {}): CkanPackage {
  const tags = tagsOf(d.tags);
  const license = licenseOf(d.license);
  const department = textOf(d.publisherDepartment);
  const organization = toCkanOrganization(department, ckanTime(d.createdAt));
  const category = textOf(d.category);
  const gdc: GdcFields = toGdcFields(d, extras.open ?? true);
  const titleEn = textOf(d.titleEn);
  const notesEn = textOf(d.descriptionEn);
  return {
    id: d.documentId,
    name: d.slug,
    title: d.titleTh,
    notes: d.descriptionTh,
    title_en: titleEn,
    notes_en: notesEn,
    type: 'dataset',
    state: 'active',
    // A restricted dataset reaches only the partner agencies it is shared with: private, as CKAN says it.
    private: !(extras.open ?? true),
    isopen: textOf(d.license) !== 'other_license',
    url: urls(base).page(d.slug),
    version: textOf(d.version),
    author: department,
    author_email: textOf(d.publisherEmail),
    maintainer: textOf(d.contactName) || department,
    maintainer_email: textOf(d.publisherEmail),
    license_id: license.id,
    license_title: license.title,
    license_url: license.url ?? '',
    metadata_created: ckanTime(d.createdAt),
    metadata_modified: ckanTime(d.updatedAt),
    owner_org: organization.id,
    organization,
    groups: category ? [toCkanGroup(category)] : [],
    tags: tags.map(toCkanTag),
    tag_string: tags.join(','),
    num_tags: tags.length,
    num_resources: d.resources.length,
    resources: d.resources.map((r, i) => toCkanResource(r, d, i, base, extras)),
    extras: [
      ...(titleEn ? [{ key: 'title_en', value: titleEn }] : []),
      ...(notesEn ? [{ key: 'notes_en', value: notesEn }] : []),
      ...(textOf(d.temporalStart) ? [{ key: 'temporal_start', value: dateOnly(d.temporalStart) }] : []),
      ...(textOf(d.temporalEnd) ? [{ key: 'temporal_end', value: dateOnly(d.temporalEnd) }] : []),
      ...(textOf(d.classification) ? [{ key: 'classification', value: textOf(d.classification) }] : []),
    ],
    ...gdc,
  };
}

/**
 * The GD Catalog export of a package: the fields of data.go.th's scheming schema, core and Thai,
 * and its resources as the schema's resource fields (name, description, url, format).
 */
export function toGdcDataset(p: CkanPackage): Record<string, unknown> {
  return {
    name: p.name,
    title: p.title,
    notes: p.notes,
    owner_org: p.owner_org,
    maintainer: p.maintainer,
    maintainer_email: p.maintainer_email,
    tag_string: p.tag_string,
    url: p.url,
    license_id: p.license_id,
    ...Object.fromEntries(GDC_FIELDS.map((f) => [f, p[f]])),
    resources: p.resources.map((r) => ({ name: r.name, description: r.description, url: r.url, format: r.format })),
  };
}

/* ------------------------------------------------------------------------------------------------
 * package_search over the list in memory
 * ---------------------------------------------------------------------------------------------- */

/** A parameter package_search cannot read, and the words at fault. */
export class CkanSearchError extends Error {
  constructor(
    readonly param: 'q' | 'fq' | 'sort' | 'facet.field',
    readonly code: 'unknown_field' | 'bad_syntax' | 'bad_sort',
    readonly value: string
  ) {
    super(`${param}: ${code} ${value}`);
  }
}

export interface SearchParams {
  q?: string;
  fq?: string;
  rows: number;
  start: number;
  sort?: string;
  facetFields?: string[];
  /** Items per facet (-1: all). */
  facetLimit?: number;
  facetMinCount?: number;
}

export interface FacetItem {
  name: string;
  display_name: string;
  count: number;
}

export interface SearchResult {
  count: number;
  sort: string;
  results: CkanPackage[];
  facets: Record<string, Record<string, number>>;
  search_facets: Record<string, { title: string; items: FacetItem[] }>;
}

export const DEFAULT_SORT = 'score desc, metadata_modified desc';

/** Fields that fq, q's `field:value` and facet.field take, beside every GD Catalog field. */
const CORE_FIELDS = ['tags', 'organization', 'owner_org', 'groups', 'res_format', 'res_name', 'license_id', 'name', 'id', 'title', 'version', 'state', 'type', 'dataset_type', 'capacity', 'private', 'num_resources', 'num_tags', 'metadata_modified', 'metadata_created', 'author', 'maintainer'];
export const SEARCH_FIELDS: ReadonlySet<string> = new Set([...CORE_FIELDS, ...GDC_FIELDS]);
/** Fields a facet counts well (few values each). */
export const FACET_FIELDS: ReadonlySet<string> = new Set(['tags', 'organization', 'groups', 'res_format', 'license_id', ...GDC_CHOICE_FIELDS]);

/** The values of one field of a package, as search compares and facets count them. */
function valuesOf(p: CkanPackage, field: string): string[] {
  switch (field) {
    case 'tags':
      return p.tags.map((t) => t.name);
    case 'organization':
    case 'owner_org':
      return [p.organization.name];
    case 'groups':
      return p.groups.map((g) => g.name);
    case 'res_format':
      return [...new Set(p.resources.map((r) => r.format).filter(Boolean))];
    case 'res_name':
      return p.resources.map((r) => r.name);
    case 'dataset_type':
      return ['dataset'];
    case 'capacity':
      return ['public'];
    default: {
      const v = p[field];
      if (Array.isArray(v)) return v.map((x) => textOf(x));
      return v === undefined || v === null ? [] : [textOf(v)];
    }
  }
}

/** The words a facet item shows: an organization's or a group's title, else the value itself. */
function displayName(p: CkanPackage[], field: string, value: string): string {
  if (field === 'organization') return p.find((x) => x.organization.name === value)?.organization.title ?? value;
  if (field === 'groups') return categoryTitle(value);
  return value;
}

interface Clause {
  field: string;
  negate: boolean;
  test: (values: string[], p: CkanPackage) => boolean;
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('th');

/** `[a TO b]` on a date or number field: inclusive, `*` open. */
function rangeTest(field: string, from: string, to: string): Clause['test'] {
  const isDate = field.startsWith('metadata_');
  const num = (s: string) => (isDate ? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || !s.includes('T') ? s : `${s}Z`).getTime() : Number(s));
  const lo = from === '*' ? -Infinity : num(from);
  const hi = to === '*' ? Infinity : num(to);
  if (Number.isNaN(lo) || Number.isNaN(hi)) throw new CkanSearchError('fq', 'bad_syntax', `${field}:[${from} TO ${to}]`);
  return (values) => values.some((v) => {
    const n = num(v);
    return n >= lo && n <= hi;
  });
}

/**
 * `field:value` clauses as Solr takes them in fq (and in q): `tags:ประชากร`, `organization:"a b"`,
 * `res_format:(CSV OR XLSX)`, `-tags:x`, `+state:active`, `metadata_modified:[2024-01-01T00:00:00Z TO *]`,
 * `field:*`. Clauses joined by spaces (or AND) must all hold; values compare without case.
 */
export function parseClauses(text: string, param: 'q' | 'fq'): { clauses: Clause[]; rest: string[] } {
  const clauses: Clause[] = [];
  const rest: string[] = [];
  const re = /([+-]?)([A-Za-z_][\w.]*):(?:"((?:[^"\\]|\\.)*)"|\[([^\]]*?)\s+TO\s+([^\]]*?)\]|\(([^)]*)\)|(\S+))|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of text.matchAll(re)) {
    const [, sign, field, quoted, from, to, group, bare, phrase, word] = m;
    if (!field) {
      const w = phrase ?? word ?? '';
      if (w && !/^(AND|&&)$/.test(w)) rest.push(w);
      continue;
    }
    if (!SEARCH_FIELDS.has(field)) throw new CkanSearchError(param, 'unknown_field', field);
    const negate = sign === '-';
    if (from !== undefined && to !== undefined) {
      clauses.push({ field, negate, test: rangeTest(field, from.trim(), to.trim()) });
      continue;
    }
    const wanted = (group !== undefined ? group.split(/\s+OR\s+|\s+/).filter((v) => v && v !== 'OR') : [quoted ?? bare ?? '']).map((v) => fold(v.replace(/\\(.)/g, '$1').replace(/^"|"$/g, '')));
    if (wanted.length === 1 && wanted[0] === '*') clauses.push({ field, negate, test: (values) => values.some((v) => v !== '') });
    else clauses.push({ field, negate, test: (values) => values.some((v) => wanted.includes(fold(v))) });
  }
  return { clauses, rest };
}

const holds = (p: CkanPackage, clauses: Clause[]) => clauses.every((c) => c.test(valuesOf(p, c.field), p) !== c.negate);

/** How well a package matches the free words (0: not all found): title counts most, then tags, then the rest. */
function score(p: CkanPackage, words: string[]): number {
  if (!words.length) return 1;
  const title = fold(`${p.title} ${p.title_en} ${p.name}`);
  const tags = fold(p.tags.map((t) => t.name).join(' '));
  const rest = fold([p.notes, p.notes_en, p.organization.title, ...p.groups.map((g) => g.title), ...p.resources.map((r) => `${r.name} ${r.description}`)].join(' '));
  let total = 0;
  for (const w of words) {
    const s = (title.includes(w) ? 3 : 0) + (tags.includes(w) ? 2 : 0) + (rest.includes(w) ? 1 : 0);
    if (!s) return 0;
    total += s;
  }
  return total;
}

const SORTABLE: Record<string, (p: CkanPackage, s: number) => string | number> = {
  score: (_p, s) => s,
  metadata_modified: (p) => p.metadata_modified,
  metadata_created: (p) => p.metadata_created,
  name: (p) => p.name,
  title_string: (p) => p.title,
  title: (p) => p.title,
  num_resources: (p) => p.num_resources,
  num_tags: (p) => p.num_tags,
};

/** `field [asc|desc], …` as comparison keys; an unknown field is the caller's mistake. */
export function parseSort(sort: string): Array<{ field: string; sign: 1 | -1 }> {
  return sort
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(\S+)(?:\s+(asc|desc))?$/i.exec(part);
      if (!m || !Object.prototype.hasOwnProperty.call(SORTABLE, m[1])) throw new CkanSearchError('sort', 'bad_sort', part);
      return { field: m[1], sign: m[2]?.toLowerCase() === 'desc' ? -1 : 1 };
    });
}

const collator = new Intl.Collator('th');
const compare = (a: string | number, b: string | number) => (typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b)));

/** package_search: q, fq, sort, rows/start paging and facet counts over the whole match. */
export function searchPackages(all: CkanPackage[], params: SearchParams): SearchResult {
  const q = (params.q ?? '').trim();
  const fromQ = q && q !== '*:*' ? parseClauses(q, 'q') : { clauses: [], rest: [] };
  const fromFq = params.fq?.trim() ? parseClauses(params.fq, 'fq') : { clauses: [], rest: [] };
  // A bare word in fq is not a filter CKAN knows either.
  if (fromFq.rest.length) throw new CkanSearchError('fq', 'bad_syntax', fromFq.rest[0]);
  const words = fromQ.rest.map(fold);
  const clauses = [...fromQ.clauses, ...fromFq.clauses];
  const facetFields = params.facetFields ?? [];
  for (const f of facetFields) if (!FACET_FIELDS.has(f) && !SEARCH_FIELDS.has(f)) throw new CkanSearchError('facet.field', 'unknown_field', f);
  const sortText = params.sort?.trim() || DEFAULT_SORT;
  const keys = parseSort(sortText);

  const matched = all
    .filter((p) => holds(p, clauses))
    .map((p) => ({ p, s: score(p, words) }))
    .filter((x) => x.s > 0);
  matched.sort((a, b) => {
    for (const k of keys) {
      const c = compare(SORTABLE[k.field](a.p, a.s), SORTABLE[k.field](b.p, b.s)) * k.sign;
      if (c) return c;
    }
    return compare(a.p.name, b.p.name);
  });

  const facets: SearchResult['facets'] = {};
  const searchFacets: SearchResult['search_facets'] = {};
  const limit = params.facetLimit ?? 50;
  const min = params.facetMinCount ?? 1;
  for (const field of facetFields) {
    const counts = new Map<string, number>();
    for (const { p } of matched) for (const v of new Set(valuesOf(p, field))) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    const items = [...counts.entries()]
      .filter(([, n]) => n >= min)
      .sort(([a, x], [b, y]) => y - x || collator.compare(a, b))
      .slice(0, limit < 0 ? undefined : limit);
    const packages = matched.map((m) => m.p);
    facets[field] = Object.fromEntries(items);
    searchFacets[field] = { title: field, items: items.map(([name, count]) => ({ name, display_name: displayName(packages, field, name), count })) };
  }

  return {
    count: matched.length,
    sort: sortText,
    results: matched.slice(params.start, params.start + params.rows).map((m) => m.p),
    facets,
    search_facets: searchFacets,
  };
}

/** The organizations of these packages, each once, with how many packages each has. */
export function organizationsOf(packages: CkanPackage[]): Array<CkanOrganization & { package_count: number }> {
  const byName = new Map<string, CkanOrganization & { package_count: number }>();
  for (const p of packages) {
    const o = byName.get(p.organization.name);
    if (o) o.package_count++;
    else byName.set(p.organization.name, { ...p.organization, package_count: 1 });
  }
  return [...byName.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/** Every category as a group, with how many of these packages are in it. */
export const groupsOf = (packages: CkanPackage[]) =>
  CATEGORIES.map((c) => ({ ...toCkanGroup(c), type: 'group' as const, is_organization: false as const, state: 'active' as const, package_count: packages.filter((p) => p.groups.some((g) => g.name === c)).length }));

/** Every tag of these packages, each once, in Thai order; `query` keeps those containing it. */
export function tagNames(packages: CkanPackage[], query?: string): string[] {
  const q = query ? fold(query) : '';
  const names = new Set(packages.flatMap((p) => p.tags.map((t) => t.name)).filter((t) => !q || fold(t).includes(q)));
  return [...names].sort(collator.compare);
}
