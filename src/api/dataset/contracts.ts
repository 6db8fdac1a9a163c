import type { Context } from 'koa';
import { z } from 'zod';
import type { FieldError, ResponseSpec, RouteContract } from '../../http/contract';
import { languageOf } from '../../http/messages';
import { publicUrl } from '../../public-url';
import { GDC_FIELDS } from './domain/gdc';
import { urls } from './domain/ckan';
import { datasetText } from './domain/text';

/**
 * The open-data routes: a subset of CKAN's Action API (https://docs.ckan.org/en/2.10/api/) at
 * /api/3/action/, with CKAN's envelope and error types, and the open-data files (resource downloads,
 * the DCAT-AP catalogue, the GD Catalog export, dataset versions) under /api/open-data/.
 */
const CKAN = ['CKAN'];
const OPEN_DATA = ['Open data'];

/* ------------------------------------------------------------------------------------------------
 * CKAN's envelope
 * ---------------------------------------------------------------------------------------------- */

const help = z.string().meta({ description: "Where the action is documented (CKAN's help_show)" });

/** CKAN's answer: `help`, `success: true`, the action's `result`. */
const envelope = (result: z.core.$ZodType) => z.object({ help, success: z.literal(true), result });

/** CKAN's refusal: `success: false` and an error with its English `__type`; a validation error lists each field's messages. */
export const CkanError = z.object({
  help,
  success: z.literal(false),
  error: z.looseObject({
    __type: z.enum(['Validation Error', 'Not Found Error']).meta({ description: "CKAN's error type, in English as CKAN writes it" }),
    message: z.string().meta({ description: "In the caller's language (?locale= or Accept-Language; Thai by default)" }),
  }),
});

/** The help URL of an action, under PUBLIC_URL (the refusal hook has no Strapi instance but the global one). */
export const helpOf = (action: string) => urls(publicUrl(strapi)).help(action);

/** Writes CKAN's envelope. */
export function sendCkan(ctx: Context, action: string, status: number, body: { result: unknown } | { error: Record<string, unknown> }) {
  ctx.status = status;
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = { help: helpOf(action), success: status < 400, ...body };
  // Messages of refusals follow the caller's language.
  if (status >= 400) ctx.vary('Accept-Language');
}

/** A bad parameter, the way CKAN answers it: 409 `Validation Error`, each field named with its messages. */
export function ckanValidation(ctx: Context, action: string, found: Array<Pick<FieldError, 'path' | 'message'>>) {
  const lang = languageOf(ctx);
  const fields: Record<string, string[]> = {};
  for (const e of found) {
    // Query and body fields are named as the caller sent them (`rows`, `facet.field`), not by where they were.
    const key = String(e.path.find((p, i) => i > 0 || (p !== 'query' && p !== 'body' && p !== 'params')) ?? e.path[0] ?? 'request');
    (fields[key] ??= []).push(e.message);
  }
  sendCkan(ctx, action, 409, { error: { __type: 'Validation Error', message: datasetText(lang)('ckan.invalid'), ...fields } });
}

/* ------------------------------------------------------------------------------------------------
 * Parameters: query text, or JSON values when POSTed
 * ---------------------------------------------------------------------------------------------- */

const locale = z.string().max(35).optional().meta({ description: 'Language of error messages: th or en; otherwise Accept-Language, then Thai' });
const id = (description: string, example?: string) => z.string().min(1).max(100).meta({ description, ...(example ? { examples: [example] } : {}) });
const count = (fallback: number, max: number, description: string) => z.coerce.number().int().min(0).max(max).default(fallback).meta({ description });
const flag = (description: string) =>
  z
    .union([z.boolean(), z.enum(['true', 'false', 'True', 'False', '1', '0']).transform((v) => v === 'true' || v === 'True' || v === '1')])
    .optional()
    .meta({ description });
/** A JSON value sent as text in a query (`filters={"a":1}`), or as itself in a POSTed body. */
const json = <T extends z.core.$ZodType>(schema: T) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }, schema);

/* ------------------------------------------------------------------------------------------------
 * Result shapes
 * ---------------------------------------------------------------------------------------------- */

const time = z.string().meta({ description: "ISO 8601 in UTC without the zone, as CKAN writes it (or '')" });

const Organization = z.looseObject({
  id: z.string(),
  name: z.string().meta({ description: "The publishing department's CKAN name (Latin letters, or org- and a digest of a Thai name)" }),
  title: z.string().meta({ description: "The department's name as the town writes it" }),
  display_name: z.string(),
  type: z.literal('organization'),
  is_organization: z.literal(true),
  state: z.literal('active'),
});
const OrganizationCount = Organization.extend({ package_count: z.int() });

const Group = z.looseObject({ id: z.string(), name: z.string().meta({ description: 'The category code' }), title: z.string().meta({ description: 'The category in Thai' }), display_name: z.string() });
const GroupCount = Group.extend({ package_count: z.int() });
const Tag = z.object({ id: z.string(), name: z.string(), display_name: z.string(), state: z.literal('active'), vocabulary_id: z.null() });

export const CkanResource = z.looseObject({
  id: z.string().meta({ description: "The resource's permanent id" }),
  package_id: z.string(),
  name: z.string(),
  description: z.string(),
  format: z.string().meta({ examples: ['CSV', 'XLSX', 'GeoJSON'] }),
  url: z.string().meta({ description: 'The download: the file itself, a redirect to an external link, a map layer as GeoJSON, or a live table as CSV' }),
  mimetype: z.string().nullable(),
  size: z.int().nullable().meta({ description: 'Bytes (files only)' }),
  created: time,
  last_modified: time.nullable(),
  position: z.int(),
  state: z.literal('active'),
  datastore_active: z.boolean().meta({ description: 'Whether datastore_search and the CSV/JSON/XLSX downloads have its rows now' }),
  resource_type: z.enum(['file', 'url', 'layer', 'live']),
});

const gdcField = z.union([z.string(), z.array(z.string())]);
export const CkanPackage = z.looseObject({
  id: z.string(),
  name: z.string(),
  title: z.string().meta({ description: 'The Thai title' }),
  notes: z.string().meta({ description: 'The Thai description' }),
  title_en: z.string(),
  notes_en: z.string(),
  type: z.literal('dataset'),
  state: z.literal('active'),
  private: z.boolean().meta({ description: 'true only for a restricted dataset, which only the partner agencies it is shared with see' }),
  url: z.string().meta({ description: "The dataset's page on the town's website" }),
  version: z.string(),
  license_id: z.string(),
  license_title: z.string(),
  metadata_created: time,
  metadata_modified: time,
  owner_org: z.string(),
  organization: Organization,
  groups: z.array(Group),
  tags: z.array(Tag),
  num_tags: z.int(),
  num_resources: z.int(),
  resources: z.array(CkanResource),
  extras: z.array(z.object({ key: z.string(), value: z.string() })),
  ...Object.fromEntries(GDC_FIELDS.map((f) => [f, gdcField.meta({ description: 'A field of the Thai Government Data Catalog schema (ckanext-thai_gdc)' })])),
});

const Facets = z.record(z.string(), z.record(z.string(), z.int()));
const SearchFacets = z.record(z.string(), z.object({ title: z.string(), items: z.array(z.object({ name: z.string(), display_name: z.string(), count: z.int() })) }));

const Field = z.object({ id: z.string(), type: z.enum(['int', 'numeric', 'date', 'text']) });
const Record_ = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/* ------------------------------------------------------------------------------------------------
 * Actions
 * ---------------------------------------------------------------------------------------------- */

const pascal = (name: string) => name.replace(/(^|_)(\w)/g, (_m, _s, c: string) => c.toUpperCase());

type ActionOptions = { notFound?: string; description?: string };

function responsesOf(result: z.core.$ZodType, options: ActionOptions): Record<number, ResponseSpec> {
  const responses: Record<number, ResponseSpec> = { 200: { description: 'Success', schema: envelope(result) } };
  if (options.notFound) responses[404] = { description: options.notFound, schema: CkanError };
  responses[409] = { description: "A parameter is not valid: CKAN's Validation Error, each field with its messages", schema: CkanError };
  return responses;
}

/** One action of CKAN's API, read with GET and query parameters. */
function action<Q extends z.core.$ZodType>(name: string, summary: string, query: Q, result: z.core.$ZodType, options: ActionOptions = {}) {
  return {
    method: 'GET',
    path: `/3/action/${name}`,
    operationId: `ckan${pascal(name)}`,
    summary: `CKAN ${name}: ${summary}`,
    ...(options.description ? { description: options.description } : {}),
    tags: CKAN,
    request: { query },
    refuse: (ctx: Context, _status: number, found: FieldError[]) => ckanValidation(ctx, name, found),
    responses: responsesOf(result, options),
  } satisfies RouteContract;
}

/** The same action POSTed with its parameters as a JSON body, as CKAN's clients (ckanapi) call it. */
function posted<Q extends z.core.$ZodType>(name: string, summary: string, body: Q, result: z.core.$ZodType, options: ActionOptions = {}) {
  return {
    method: 'POST',
    path: `/3/action/${name}`,
    operationId: `ckan${pascal(name)}Post`,
    summary: `CKAN ${name}: ${summary} (the parameters as a JSON body)`,
    tags: CKAN,
    request: { body },
    refuse: (ctx: Context, _status: number, found: FieldError[]) => ckanValidation(ctx, name, found),
    responses: responsesOf(result, options),
  } satisfies RouteContract;
}

/** An action both ways: GET with query parameters, POST with the same parameters as JSON. */
const actions = <Q extends z.core.$ZodType>(name: string, summary: string, params: Q, result: z.core.$ZodType, options: ActionOptions = {}) =>
  [action(name, summary, params, result, options), posted(name, summary, params, result, options)] as const;

export const [ckanStatusShow, ckanStatusShowPost] = actions('status_show', 'the site and the CKAN version whose API this follows', z.object({ locale }), z.looseObject({ ckan_version: z.string(), site_url: z.string(), site_title: z.string(), site_description: z.string(), locale_default: z.string(), extensions: z.array(z.string()) }));

const paging = { limit: count(1000, 1000, 'At most this many (default 1000)'), offset: count(0, 1_000_000, 'Skip this many') };

export const [ckanPackageList, ckanPackageListPost] = actions('package_list', 'the names of every published dataset one may read, by name', z.object({ locale, ...paging }), z.array(z.string()));

export const [ckanPackageShow, ckanPackageShowPost] = actions('package_show', 'one dataset with its resources and its Thai Government Data Catalog fields', z.object({ locale, id: id('The dataset: its name (slug) or id') }), CkanPackage, { notFound: 'No published dataset one may read has this name or id' });

const searchParams = z.object({
  locale,
  q: z.string().max(1000).optional().meta({ description: 'Words found in the title, description, tags, organization or resource names (all must be found, case ignored), and field:value clauses as in fq' }),
  fq: z
    .string()
    .max(2000)
    .optional()
    .meta({ description: 'Filters that must all hold: field:value, field:"two words", field:(a OR b), -field:value, metadata_modified:[2024-01-01T00:00:00Z TO *]. Fields: tags, organization, groups, res_format, license_id, name, id and the GD Catalog fields', examples: ['res_format:CSV'] }),
  rows: count(10, 1000, 'Results per page (default 10, at most 1000)'),
  start: count(0, 1_000_000, 'Skip this many results'),
  sort: z.string().max(200).optional().meta({ description: 'field asc|desc, …: score, metadata_modified, metadata_created, name, title_string, num_resources, num_tags (default: score desc, metadata_modified desc)' }),
  'facet.field': json(z.array(z.string().max(50)).max(20))
    .optional()
    .meta({ description: 'Fields to count values of, as a JSON list: ["tags","organization","res_format"]' }),
  'facet.limit': z.coerce.number().int().min(-1).max(1000).default(50).meta({ description: 'Values per facet (default 50; -1: all)' }),
  'facet.mincount': count(1, 1_000_000, 'Leave out values counted fewer times (default 1)'),
  include_private: flag('Accepted and ignored: only published datasets one may read are ever listed'),
});
const searchResult = z.object({ count: z.int(), sort: z.string(), results: z.array(CkanPackage), facets: Facets, search_facets: SearchFacets });
export const [ckanPackageSearch, ckanPackageSearchPost] = actions('package_search', 'search the published datasets one may read', searchParams, searchResult);

const listParams = z.object({
  locale,
  all_fields: flag('Whole records instead of names'),
  ...paging,
});
export const [ckanOrganizationList, ckanOrganizationListPost] = actions('organization_list', 'the publishing departments of the published datasets one may read', listParams, z.union([z.array(z.string()), z.array(OrganizationCount)]));
export const [ckanOrganizationShow, ckanOrganizationShowPost] = actions(
  'organization_show',
  'one publishing department',
  z.object({ locale, id: id('The organization: its name or id'), include_datasets: flag('Include its datasets (at most 1000)') }),
  OrganizationCount.extend({ packages: z.array(CkanPackage).optional() }),
  { notFound: 'No department of a published dataset one may read has this name' }
);
export const [ckanGroupList, ckanGroupListPost] = actions('group_list', 'the dataset categories', listParams, z.union([z.array(z.string()), z.array(GroupCount)]));
export const [ckanTagList, ckanTagListPost] = actions(
  'tag_list',
  'the tags of the published datasets one may read',
  z.object({ locale, query: z.string().max(100).optional().meta({ description: 'Only tags containing these letters' }), all_fields: flag('Whole tag records instead of names') }),
  z.union([z.array(z.string()), z.array(Tag)])
);
export const [ckanResourceShow, ckanResourceShowPost] = actions('resource_show', 'one resource', z.object({ locale, id: id('The resource id') }), CkanResource, { notFound: 'No resource of a published dataset one may read has this id' });

const filterValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
const datastoreParams = z.object({
  locale,
  resource_id: id('The resource id (a table file that has finished loading, a live table or a map layer)'),
  q: z.string().max(1000).optional().meta({ description: 'Text found in any text or date field (numbers match numeric fields exactly)' }),
  filters: json(z.record(z.string().max(200), z.union([filterValue, z.array(filterValue).max(1000)])))
    .optional()
    .meta({ description: 'Exact values per field as a JSON object, a list meaning any of them: {"village":[1,3]}' }),
  limit: count(100, 32000, 'Records per page (default 100, at most 32000)'),
  offset: count(0, 100_000_000, 'Skip this many records'),
  sort: z.string().max(500).optional().meta({ description: 'field asc|desc, … (default: the file’s order, _id)' }),
});
const datastoreResult = z.looseObject({
  resource_id: z.string(),
  fields: z.array(Field),
  records: z.array(Record_),
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
  _links: z.object({ start: z.string(), next: z.string() }),
});
const TABLE_NOT_FOUND = 'No such resource, or it has no table to search (not a table, or its file could not be loaded)';
export const [ckanDatastoreSearch, ckanDatastoreSearchPost] = actions('datastore_search', 'search a table resource’s rows', datastoreParams, datastoreResult, {
  notFound: TABLE_NOT_FOUND,
  description: 'A table file answers 409 while it is still loading; unknown fields in filters or sort are a Validation Error naming them.',
});

export const ACTIONS = ['status_show', 'package_list', 'package_show', 'package_search', 'organization_list', 'organization_show', 'group_list', 'tag_list', 'resource_show', 'datastore_search', 'help_show'] as const;
export const [ckanHelpShow, ckanHelpShowPost] = actions('help_show', 'the documentation of an action', z.object({ locale, name: z.enum(ACTIONS).meta({ description: 'The action', examples: ['package_search'] }) }), z.string());

/** Every CKAN action contract, for help_show. */
export const CKAN_CONTRACTS: RouteContract[] = [
  ckanStatusShow,
  ckanPackageList,
  ckanPackageShow,
  ckanPackageSearch,
  ckanOrganizationList,
  ckanOrganizationShow,
  ckanGroupList,
  ckanTagList,
  ckanResourceShow,
  ckanDatastoreSearch,
  ckanHelpShow,
];

/* ------------------------------------------------------------------------------------------------
 * Open-data files
 * ---------------------------------------------------------------------------------------------- */

const resourceParams = z.object({
  resourceId: z
    .string()
    .max(36)
    .regex(/^[0-9A-Za-z-]+$/)
    .meta({ description: "The resource id (CKAN's resource id)" }),
});
const NO_RESOURCE = { description: 'No resource of a published dataset one may read has this id' };
const BAD_ID = { description: 'Not a resource id' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const downloadResource = {
  method: 'GET',
  path: '/open-data/resources/:resourceId/download',
  operationId: 'downloadResource',
  summary: 'A resource itself: an uploaded file with its own type, a map layer as GeoJSON, a live table as CSV; an external link redirects',
  tags: OPEN_DATA,
  request: { params: resourceParams, query: z.object({ locale }) },
  responses: {
    200: { description: 'The resource', media: ['application/octet-stream', 'text/csv', XLSX, 'application/geo+json', 'application/pdf'] },
    302: { description: 'An external link: Location is where it is' },
    400: BAD_ID,
    404: NO_RESOURCE,
  },
} satisfies RouteContract;

const tableDownload = (ext: 'csv' | 'json' | 'xlsx', media: string, summary: string, schema?: z.core.$ZodType) =>
  ({
    method: 'GET',
    path: `/open-data/resources/:resourceId/data.${ext}`,
    operationId: `downloadResource${ext[0].toUpperCase()}${ext.slice(1)}`,
    summary,
    tags: OPEN_DATA,
    request: { params: resourceParams, query: z.object({ locale }) },
    responses: {
      200: { description: 'Every row, streamed', media: [media], ...(schema ? { schema } : {}) },
      400: BAD_ID,
      404: { description: 'No such resource, it is not a table (details.code not_tabular), or its file could not be loaded as one (table_failed)' },
      409: { description: 'The file’s table is still loading (details.code table_loading): try again shortly' },
    },
  }) satisfies RouteContract;

export const downloadResourceCsv = tableDownload('csv', 'text/csv', "A table resource's rows as CSV (UTF-8 with a byte-order mark, so Thai Excel opens it)");
export const downloadResourceJson = tableDownload('json', 'application/json', "A table resource's rows as JSON: CKAN's datastore fields and records", z.object({ fields: z.array(Field), records: z.array(Record_), total: z.int() }));
export const downloadResourceXlsx = tableDownload('xlsx', XLSX, "A table resource's rows as an Excel workbook");

export const dcatCatalogJsonLd = {
  method: 'GET',
  path: '/open-data/catalog.jsonld',
  operationId: 'dcatCatalogJsonLd',
  summary: 'The public catalogue as DCAT-AP JSON-LD (a dcat:Catalog with every public dataset and its distributions), for harvesters',
  tags: OPEN_DATA,
  responses: { 200: { description: 'The catalogue; its @context declares prefixes only (nothing to fetch)', media: ['application/ld+json'] } },
} satisfies RouteContract;

export const dcatCatalogTurtle = {
  method: 'GET',
  path: '/open-data/catalog.ttl',
  operationId: 'dcatCatalogTurtle',
  summary: 'The same DCAT-AP catalogue as Turtle',
  tags: OPEN_DATA,
  responses: { 200: { description: 'The catalogue', media: ['text/turtle'] } },
} satisfies RouteContract;

export const gdcExport = {
  method: 'GET',
  path: '/open-data/gdc.json',
  operationId: 'gdcExport',
  summary: "Every public dataset in the Thai Government Data Catalog's CKAN scheming fields (ckanext-thai_gdc), for data.go.th",
  tags: OPEN_DATA,
  responses: {
    200: {
      description: 'The datasets',
      schema: z.object({
        schema: z.string().meta({ description: 'Which schema the fields follow' }),
        count: z.int(),
        datasets: z.array(z.looseObject({ name: z.string(), title: z.string(), notes: z.string(), resources: z.array(z.looseObject({ name: z.string(), url: z.string(), format: z.string() })) })),
      }),
    },
  },
} satisfies RouteContract;

export const datasetVersions = {
  method: 'GET',
  path: '/open-data/datasets/:id/versions',
  operationId: 'datasetVersions',
  summary: "A dataset's published versions, newest first: each publish is numbered, with its label and change note",
  tags: OPEN_DATA,
  request: { params: z.object({ id: z.string().max(100).meta({ description: 'The dataset: its name (slug) or id' }) }), query: z.object({ locale }) },
  responses: {
    200: {
      description: 'The versions',
      schema: z.object({ data: z.array(z.object({ number: z.int(), versionLabel: z.string().nullable(), changeNote: z.string().nullable(), releasedAt: z.string() })) }),
    },
    400: { description: 'Not a dataset name' },
    404: { description: 'No published dataset one may read has this name or id' },
  },
} satisfies RouteContract;
