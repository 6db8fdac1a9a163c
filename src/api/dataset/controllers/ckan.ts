import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import { inputOf, jsonSchema, type RouteContract } from '../../../http/contract';
import { languageOf } from '../../../http/messages';
import { publicUrl } from '../../../public-url';
import {
  CKAN_CONTRACTS,
  ckanDatastoreSearch,
  ckanGroupList,
  ckanHelpShow,
  ckanOrganizationList,
  ckanOrganizationShow,
  ckanPackageList,
  ckanPackageSearch,
  ckanPackageShow,
  ckanResourceShow,
  ckanTagList,
  ckanValidation,
  sendCkan,
} from '../contracts';
import { CkanSearchError, groupsOf, organizationsOf, searchPackages, tagNames, toCkanPackage, toCkanResource, toCkanTag, type CkanPackage } from '../domain/ckan';
import { TableQueryError } from '../domain/table-query';
import { datasetText } from '../domain/text';
import { isOpenDataset, isRestrictedRead, type CatalogueService, type DatasetRecord, type ResourceRecord, type Viewer } from '../services/catalogue';
import type { OpenDataService } from '../services/open-data';
import type { PartnersService } from '../services/partners';

/** The CKAN version whose Action API these answers follow. */
const CKAN_VERSION = '2.10.4';

/**
 * An action's parameters as its contract validated them: from the query of a GET, or the JSON body
 * of a POST (both routes of an action share one schema, so one handler serves both).
 */
function paramsOf<Q extends z.core.$ZodType>(ctx: Context, contract: RouteContract & { request: { query: Q } }): z.output<Q> {
  const input = inputOf(ctx, contract) as { query?: unknown; body?: unknown };
  return (input.query ?? input.body) as z.output<Q>;
}

/**
 * Thin: each action's contract validated its parameters (a bad one answers CKAN's 409); read the
 * catalogue as this caller may see it, shape it with domain/ckan.ts, answer in CKAN's envelope.
 * Every read asks the partners service who is reading and logs a partner's read of restricted data.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalogue = () => strapi.service('api::dataset.catalogue') as CatalogueService;
  const openData = () => strapi.service('api::dataset.open-data') as OpenDataService;
  const partners = () => strapi.service('api::dataset.partners') as PartnersService;
  const base = () => publicUrl(strapi);

  /** Who reads, and every published dataset they may see. */
  async function readable(ctx: Context): Promise<{ viewer: Viewer; datasets: DatasetRecord[] }> {
    const viewer = await partners().viewerOf(ctx);
    return { viewer, datasets: await catalogue().list(viewer) };
  }

  async function packagesOf(datasets: DatasetRecord[]): Promise<CkanPackage[]> {
    const active = await openData().searchable(datasets);
    return datasets.map((d) => toCkanPackage(d, base(), { datastoreActive: active, open: isOpenDataset(d) }));
  }

  /** Records a partner's reads of restricted data (the service leaves public readers out). */
  async function logReads(ctx: Context, viewer: Viewer, action: string, datasets: DatasetRecord[], resource?: ResourceRecord) {
    for (const d of datasets) if (isRestrictedRead(d, resource)) await partners().logAccess(ctx, viewer, { dataset: d.documentId, resource: resource?.key ?? null, action });
  }

  function ok(ctx: Context, action: string, result: unknown, viewer: Viewer) {
    sendCkan(ctx, action, 200, { result });
    // A partner's answer may hold restricted data: no shared cache keeps it.
    if (viewer.kind === 'partner') ctx.set('Cache-Control', 'private, no-store');
  }

  function notFound(ctx: Context, action: string, key: 'ckan.not_found' | 'ckan.no_datastore' | 'data.failed' = 'ckan.not_found', vars: Record<string, string> = {}) {
    sendCkan(ctx, action, 404, { error: { __type: 'Not Found Error', message: datasetText(languageOf(ctx))(key, vars) } });
  }

  const page = <T>(items: T[], offset: number, limit: number) => items.slice(offset, offset + limit);

  async function packageSearch(ctx: Context) {
    const params = paramsOf(ctx, ckanPackageSearch);
    const { viewer, datasets } = await readable(ctx);
    const t = datasetText(languageOf(ctx));
    try {
      const result = searchPackages(await packagesOf(datasets), {
        q: params.q,
        fq: params.fq,
        rows: params.rows,
        start: params.start,
        sort: params.sort,
        facetFields: params['facet.field'],
        facetLimit: params['facet.limit'],
        facetMinCount: params['facet.mincount'],
      });
      const shown = new Set(result.results.map((p) => p.id));
      await logReads(ctx, viewer, 'package_search', datasets.filter((d) => shown.has(d.documentId)));
      ok(ctx, 'package_search', result, viewer);
    } catch (e) {
      if (!(e instanceof CkanSearchError)) throw e;
      const message = e.code === 'unknown_field' ? t('ckan.unknown_search_field', { field: e.value }) : e.code === 'bad_sort' ? t('ckan.bad_sort', { field: e.value }) : t('ckan.bad_syntax', { value: e.value });
      ckanValidation(ctx, 'package_search', [{ path: [e.param], message }]);
    }
  }

  async function datastoreSearch(ctx: Context) {
    const params = paramsOf(ctx, ckanDatastoreSearch);
    const viewer = await partners().viewerOf(ctx);
    const t = datasetText(languageOf(ctx));
    const found = await catalogue().resource(params.resource_id, viewer);
    if (!found) return notFound(ctx, 'datastore_search');
    const source = await openData().source(found.resource);
    if ('unavailable' in source) {
      if (source.unavailable === 'loading') {
        return ckanValidation(ctx, 'datastore_search', [{ path: ['resource_id'], message: t('data.loading', { done: source.table?.done ?? 0, total: source.table?.rowCount ?? 0 }) }]);
      }
      return source.unavailable === 'failed' ? notFound(ctx, 'datastore_search', 'data.failed', { url: toCkanResource(found.resource, found.dataset, 0, base()).url }) : notFound(ctx, 'datastore_search', 'ckan.no_datastore');
    }
    try {
      const result = await openData().search(source, { q: params.q, filters: params.filters, limit: params.limit, offset: params.offset, sort: params.sort });
      await logReads(ctx, viewer, 'datastore_search', [found.dataset], found.resource);
      const link = (offset: number) => {
        const q = new URLSearchParams({ resource_id: params.resource_id });
        if (params.q) q.set('q', params.q);
        if (params.filters) q.set('filters', JSON.stringify(params.filters));
        if (params.sort) q.set('sort', params.sort);
        q.set('limit', String(params.limit));
        if (offset) q.set('offset', String(offset));
        return `/api/3/action/datastore_search?${q.toString()}`;
      };
      ok(
        ctx,
        'datastore_search',
        {
          resource_id: params.resource_id,
          include_total: true,
          records_format: 'objects',
          ...(params.q ? { q: params.q } : {}),
          ...(params.filters ? { filters: params.filters } : {}),
          ...(params.sort ? { sort: params.sort } : {}),
          limit: params.limit,
          offset: params.offset,
          fields: result.fields,
          records: result.records,
          total: result.total,
          total_was_estimated: false,
          _links: { start: link(0), next: link(params.offset + params.limit) },
        },
        viewer
      );
    } catch (e) {
      if (!(e instanceof TableQueryError)) throw e;
      const param = e.code === 'bad_sort' ? 'sort' : 'filters';
      const message = e.code === 'bad_sort' ? t('ckan.bad_sort', { field: e.field }) : e.code === 'bad_filter' ? t('ckan.bad_filter', { field: e.field }) : t('ckan.unknown_field', { field: e.field });
      ckanValidation(ctx, 'datastore_search', [{ path: [param], message }]);
    }
  }

  return {
    /** /api/3/action/status_show */
    async statusShow(ctx: Context) {
      const town = await openData().town();
      const t = datasetText('th');
      const name = town?.nameTh ?? t('catalog.unknown_town');
      ok(
        ctx,
        'status_show',
        {
          ckan_version: CKAN_VERSION,
          site_url: base(),
          site_title: t('catalog.title', { town: name }),
          site_description: t('catalog.description', { town: name }),
          site_user: null,
          locale_default: 'th',
          locales_offered: ['th', 'en'],
          extensions: ['datastore', 'scheming_datasets', 'thai_gdc', 'dcat'],
        },
        { kind: 'public' }
      );
    },

    /** /api/3/action/package_list: names, in name order. */
    async packageList(ctx: Context) {
      const query = paramsOf(ctx, ckanPackageList);
      const { viewer, datasets } = await readable(ctx);
      const listed = page([...datasets].sort((a, b) => a.slug.localeCompare(b.slug)), query.offset, query.limit);
      await logReads(ctx, viewer, 'package_list', listed);
      ok(ctx, 'package_list', listed.map((d) => d.slug), viewer);
    },

    /** /api/3/action/package_show?id= (name or id) */
    async packageShow(ctx: Context) {
      const query = paramsOf(ctx, ckanPackageShow);
      const viewer = await partners().viewerOf(ctx);
      const dataset = await catalogue().get(query.id, viewer);
      if (!dataset) return notFound(ctx, 'package_show');
      const [pkg] = await packagesOf([dataset]);
      await logReads(ctx, viewer, 'package_show', [dataset]);
      ok(ctx, 'package_show', pkg, viewer);
    },

    /** /api/3/action/package_search */
    packageSearch,

    /** /api/3/action/organization_list: the publishing departments. */
    async organizationList(ctx: Context) {
      const query = paramsOf(ctx, ckanOrganizationList);
      const { viewer, datasets } = await readable(ctx);
      const all = page(organizationsOf(await packagesOf(datasets)), query.offset, query.limit);
      ok(ctx, 'organization_list', query.all_fields ? all : all.map((o) => o.name), viewer);
    },

    /** /api/3/action/organization_show?id= */
    async organizationShow(ctx: Context) {
      const query = paramsOf(ctx, ckanOrganizationShow);
      const { viewer, datasets } = await readable(ctx);
      const packages = await packagesOf(datasets);
      const org = organizationsOf(packages).find((o) => o.name === query.id || o.id === query.id);
      if (!org) return notFound(ctx, 'organization_show');
      if (!query.include_datasets) return ok(ctx, 'organization_show', org, viewer);
      const own = packages.filter((p) => p.organization.name === org.name).slice(0, 1000);
      const ids = new Set(own.map((p) => p.id));
      await logReads(ctx, viewer, 'organization_show', datasets.filter((d) => ids.has(d.documentId)));
      ok(ctx, 'organization_show', { ...org, packages: own }, viewer);
    },

    /** /api/3/action/group_list: every category, with its dataset count. */
    async groupList(ctx: Context) {
      const query = paramsOf(ctx, ckanGroupList);
      const { viewer, datasets } = await readable(ctx);
      const all = page(groupsOf(await packagesOf(datasets)), query.offset, query.limit);
      ok(ctx, 'group_list', query.all_fields ? all : all.map((g) => g.name), viewer);
    },

    /** /api/3/action/tag_list */
    async tagList(ctx: Context) {
      const query = paramsOf(ctx, ckanTagList);
      const { viewer, datasets } = await readable(ctx);
      const names = tagNames(await packagesOf(datasets), query.query);
      ok(ctx, 'tag_list', query.all_fields ? names.map(toCkanTag) : names, viewer);
    },

    /** /api/3/action/resource_show?id= */
    async resourceShow(ctx: Context) {
      const query = paramsOf(ctx, ckanResourceShow);
      const viewer = await partners().viewerOf(ctx);
      const found = await catalogue().resource(query.id, viewer);
      if (!found) return notFound(ctx, 'resource_show');
      const active = await openData().searchable([found.dataset]);
      const position = found.dataset.resources.findIndex((r) => r.key === found.resource.key);
      await logReads(ctx, viewer, 'resource_show', [found.dataset], found.resource);
      ok(ctx, 'resource_show', toCkanResource(found.resource, found.dataset, position, base(), { datastoreActive: active }), viewer);
    },

    /** /api/3/action/datastore_search */
    datastoreSearch,

    /** /api/3/action/help_show?name=: what the action does and takes, from its contract. */
    helpShow(ctx: Context) {
      const query = paramsOf(ctx, ckanHelpShow);
      const contract = CKAN_CONTRACTS.find((c) => c.path === `/3/action/${query.name}`)!;
      const params = contract.request?.query ? ((jsonSchema(contract.request.query, 'input').properties ?? {}) as Record<string, { description?: string }>) : {};
      const lines = Object.entries(params)
        .filter(([name]) => name !== 'locale')
        .map(([name, s]) => `:param ${name}: ${s.description ?? ''}`.trimEnd());
      ok(ctx, 'help_show', [contract.summary, contract.description ?? '', ...lines].filter(Boolean).join('\n\n'), { kind: 'public' });
    },
  };
};
