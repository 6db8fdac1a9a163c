import fs from 'fs';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { inputOf } from '../../../http/contract';
import { languageOf } from '../../../http/messages';
import { publicUrl } from '../../../public-url';
import { datasetVersions, downloadResource, downloadResourceCsv, downloadResourceJson, downloadResourceXlsx } from '../contracts';
import { toCkanPackage, toGdcDataset, urls } from '../domain/ckan';
import { toDcatCatalog, toJsonLd, toTurtle } from '../domain/dcat';
import { fileName } from '../domain/tabular';
import { datasetText } from '../domain/text';
import { isRestrictedRead, PUBLIC_VIEWER, type CatalogueService, type DatasetRecord, type ResourceRecord, type Viewer } from '../services/catalogue';
import type { OpenDataService, TableSource } from '../services/open-data';
import type { PartnersService } from '../services/partners';
import type { VersionsService } from '../services/versions';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PUBLIC_CACHE = 'public, max-age=60';

/**
 * Thin: the resource downloads (the resource itself, and a table's rows as CSV, JSON or XLSX), the
 * public catalogue as DCAT-AP and as the GD Catalog's fields, and a dataset's versions. Refusals are
 * Strapi's envelope with a stable `details.code`, in the caller's language.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalogue = () => strapi.service('api::dataset.catalogue') as CatalogueService;
  const openData = () => strapi.service('api::dataset.open-data') as OpenDataService;
  const partners = () => strapi.service('api::dataset.partners') as PartnersService;
  const base = () => publicUrl(strapi);

  function refuse(ctx: Context, status: 404 | 409, code: string, message: string) {
    ctx.status = status;
    ctx.vary('Accept-Language');
    ctx.body = { data: null, error: { status, name: status === 404 ? 'NotFoundError' : 'ConflictError', message, details: { code } } };
  }

  /** A shared cache may keep public data a minute; a partner's answer may hold restricted data, so none does. */
  const cacheFor = (ctx: Context, viewer: Viewer) => ctx.set('Cache-Control', viewer.kind === 'partner' ? 'private, no-store' : PUBLIC_CACHE);

  /** The resource this caller may read, logged when it is restricted data; null after answering 404. */
  async function resourceOf(ctx: Context, resourceId: string, action: string): Promise<{ dataset: DatasetRecord; resource: ResourceRecord; viewer: Viewer } | null> {
    const viewer = await partners().viewerOf(ctx);
    const found = await catalogue().resource(resourceId, viewer);
    if (!found) {
      refuse(ctx, 404, 'not_found', datasetText(languageOf(ctx))('data.not_found'));
      return null;
    }
    if (isRestrictedRead(found.dataset, found.resource)) await partners().logAccess(ctx, viewer, { dataset: found.dataset.documentId, resource: found.resource.key, action });
    return { ...found, viewer };
  }

  /** A table resource's rows, or the refusal saying why there are none. */
  async function tableOf(ctx: Context, resourceId: string, action: string): Promise<{ source: TableSource; resource: ResourceRecord; viewer: Viewer } | null> {
    const found = await resourceOf(ctx, resourceId, action);
    if (!found) return null;
    const t = datasetText(languageOf(ctx));
    const source = await openData().source(found.resource);
    if (!('unavailable' in source)) return { source, resource: found.resource, viewer: found.viewer };
    const url = urls(base()).download(found.resource.key);
    if (source.unavailable === 'loading') {
      ctx.set('Retry-After', '5');
      refuse(ctx, 409, 'table_loading', t('data.loading', { done: source.table?.done ?? 0, total: source.table?.rowCount ?? 0 }));
    } else if (source.unavailable === 'failed') refuse(ctx, 404, 'table_failed', t('data.failed', { url }));
    else refuse(ctx, 404, 'not_tabular', t('data.not_tabular', { url }));
    return null;
  }

  function attach(ctx: Context, name: string, type: string) {
    ctx.attachment(name);
    ctx.type = type;
  }

  /** The public catalogue: published, public datasets with their non-restricted resources only, whoever asks. */
  const publicDatasets = () => catalogue().list(PUBLIC_VIEWER);

  return {
    /** GET /api/open-data/resources/:resourceId/download */
    async download(ctx: Context) {
      const { params } = inputOf(ctx, downloadResource);
      const found = await resourceOf(ctx, params.resourceId, 'download');
      if (!found) return;
      const { resource, viewer } = found;
      const t = datasetText(languageOf(ctx));
      if (resource.source === 'url') {
        // Only web links leave: a javascript: or data: "link" is never a redirect target.
        if (!resource.url || !/^https?:\/\//i.test(resource.url)) return refuse(ctx, 404, 'not_found', t('data.not_found'));
        ctx.status = 302;
        ctx.redirect(resource.url);
        return;
      }
      if (resource.source === 'file') {
        const file = resource.file;
        const path = file ? catalogue().filePath(file) : null;
        // A file kept by another upload provider (object storage) is where its URL says.
        if (file && !path && /^https?:\/\//i.test(file.url)) {
          ctx.status = 302;
          return ctx.redirect(file.url);
        }
        if (!file || !path) return refuse(ctx, 404, 'not_found', t('data.not_found'));
        cacheFor(ctx, viewer);
        attach(ctx, file.name, file.mime || 'application/octet-stream');
        const { size } = await fs.promises.stat(path);
        ctx.body = fs.createReadStream(path);
        ctx.length = size;
        return;
      }
      const live = await catalogue().live(resource);
      if (!live) return refuse(ctx, 404, 'not_found', t('data.not_found'));
      cacheFor(ctx, viewer);
      if (live.kind === 'layer') {
        attach(ctx, fileName(resource.name, 'geojson'), 'application/geo+json');
        ctx.body = JSON.stringify(live.geojson);
        return;
      }
      attach(ctx, fileName(resource.name, 'csv'), 'text/csv; charset=utf-8');
      ctx.body = openData().csv({ kind: 'live', fields: live.fields, records: live.records });
    },

    /** GET /api/open-data/resources/:resourceId/data.csv */
    async csv(ctx: Context) {
      const { params } = inputOf(ctx, downloadResourceCsv);
      const table = await tableOf(ctx, params.resourceId, 'download.csv');
      if (!table) return;
      cacheFor(ctx, table.viewer);
      attach(ctx, fileName(table.resource.name, 'csv'), 'text/csv; charset=utf-8');
      ctx.body = openData().csv(table.source);
    },

    /** GET /api/open-data/resources/:resourceId/data.json */
    async json(ctx: Context) {
      const { params } = inputOf(ctx, downloadResourceJson);
      const table = await tableOf(ctx, params.resourceId, 'download.json');
      if (!table) return;
      cacheFor(ctx, table.viewer);
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = openData().json(table.source);
    },

    /** GET /api/open-data/resources/:resourceId/data.xlsx */
    async xlsx(ctx: Context) {
      const { params } = inputOf(ctx, downloadResourceXlsx);
      const table = await tableOf(ctx, params.resourceId, 'download.xlsx');
      if (!table) return;
      cacheFor(ctx, table.viewer);
      attach(ctx, fileName(table.resource.name, 'xlsx'), XLSX);
      ctx.body = openData().xlsx(table.source);
    },

    /** GET /api/open-data/catalog.jsonld */
    async catalogJsonLd(ctx: Context) {
      ctx.type = 'application/ld+json; charset=utf-8';
      ctx.body = JSON.stringify(toJsonLd(await catalogGraph()));
    },

    /** GET /api/open-data/catalog.ttl */
    async catalogTurtle(ctx: Context) {
      ctx.type = 'text/turtle; charset=utf-8';
      ctx.body = toTurtle(await catalogGraph());
    },

    /** GET /api/open-data/gdc.json */
    async gdc(ctx: Context) {
      const datasets = await publicDatasets();
      const active = await openData().searchable(datasets);
      const packages = datasets.map((d) => toGdcDataset(toCkanPackage(d, base(), { datastoreActive: active, open: true })));
      ctx.body = { schema: 'ckanext-thai_gdc ckan_dataset (scheming)', count: packages.length, datasets: packages };
    },

    /** GET /api/open-data/datasets/:id/versions */
    async versions(ctx: Context) {
      const { params } = inputOf(ctx, datasetVersions);
      const viewer = await partners().viewerOf(ctx);
      const dataset = await catalogue().get(params.id, viewer);
      if (!dataset) return refuse(ctx, 404, 'not_found', datasetText(languageOf(ctx))('data.dataset_not_found'));
      if (isRestrictedRead(dataset)) await partners().logAccess(ctx, viewer, { dataset: dataset.documentId, action: 'versions' });
      const list = await (strapi.service('api::dataset.versions') as VersionsService).list(dataset.documentId);
      if (viewer.kind === 'partner') ctx.set('Cache-Control', 'private, no-store');
      ctx.body = {
        data: list.map((v) => ({ number: v.number, versionLabel: v.versionLabel ?? null, changeNote: v.changeNote ?? null, releasedAt: new Date(v.releasedAt).toISOString() })),
      };
    },
  };

  async function catalogGraph() {
    const datasets = await publicDatasets();
    const town = await openData().town();
    const th = datasetText('th');
    const en = datasetText('en');
    const nameTh = town?.nameTh ?? th('catalog.unknown_town');
    const nameEn = town?.nameEn || en('catalog.unknown_town');
    return toDcatCatalog(datasets, base(), town ?? { nameTh, nameEn }, {
      titleTh: th('catalog.title', { town: nameTh }),
      titleEn: en('catalog.title', { town: nameEn }),
      descriptionTh: th('catalog.description', { town: nameTh }),
      descriptionEn: en('catalog.description', { town: nameEn }),
    });
  }
};
