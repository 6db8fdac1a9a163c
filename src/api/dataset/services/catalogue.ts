import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { readSpreadsheet } from '../../../../plugins/spreadsheet-import/server/src/public';
import type { DatastoreService, TableRecord } from './datastore';
import { VIEWS, asTable, gisLayerView, type LiveLayer, type LiveTable } from '../views';

const UID = 'api::dataset.dataset';

/** Who is reading: anyone, or a partner agency that proved itself with its API token. */
export type Viewer = { kind: 'public' } | { kind: 'partner'; agencyId: number; name: string; tokenName: string };
export const PUBLIC_VIEWER: Viewer = { kind: 'public' };

export interface FileRecord {
  id: number;
  name: string;
  url: string;
  mime: string;
  ext: string | null;
  size: number;
  hash: string;
  updatedAt: string;
}

export interface ResourceRecord {
  id: number;
  key: string;
  name: string;
  description: string | null;
  format: string | null;
  source: 'file' | 'url' | 'layer' | 'live';
  file: FileRecord | null;
  url: string | null;
  view: string | null;
  /** A `layer` resource's GIS layer (its public slug). */
  layerSlug?: string | null;
  restricted: boolean | null;
}

export interface DatasetRecord {
  id: number;
  documentId: string;
  slug: string;
  titleTh: string;
  titleEn: string | null;
  descriptionTh: string;
  descriptionEn: string | null;
  accessLevel: 'public' | 'restricted';
  dataCategory: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  resources: ResourceRecord[];
  partners: Array<{ id: number }>;
  [field: string]: unknown;
}

/** A tabular file the data store reads: CSV (any Thai encoding) or XLSX. */
export const isTabularFile = (file: Pick<FileRecord, 'ext' | 'name'> | null | undefined) => Boolean(file && /\.(csv|xlsx|tsv|txt)$/i.test(file.ext ?? file.name));

/** A dataset anyone may see: public access and public data category, whatever else a staffer chose. */
export const isOpenDataset = (d: Pick<DatasetRecord, 'accessLevel' | 'dataCategory'>) => d.accessLevel === 'public' && d.dataCategory === 'public';

const sharedWith = (d: DatasetRecord, viewer: Viewer) => viewer.kind === 'partner' && (d.partners ?? []).some((p) => p.id === viewer.agencyId);

/** Whether this viewer may see the dataset at all; restricted resources are judged by `visibleResources`. */
export const canSee = (d: DatasetRecord, viewer: Viewer) => isOpenDataset(d) || sharedWith(d, viewer);

/** A dataset as this viewer may see it: restricted resources only for the agencies it is shared with. */
export function visibleResources(d: DatasetRecord, viewer: Viewer): ResourceRecord[] {
  return (d.resources ?? []).filter((r) => !r.restricted || sharedWith(d, viewer));
}

/** Whether seeing this dataset (or resource) is a read of restricted data: what the access log records. */
export const isRestrictedRead = (d: DatasetRecord, resource?: ResourceRecord | null) => !isOpenDataset(d) || Boolean(resource?.restricted);

const POPULATE = { resources: { populate: { file: true } }, partners: true } as const;

/**
 * The published catalogue as a viewer may read it, and each resource's data. Drafts never appear;
 * restricted datasets and resources appear only to the partner agencies they are shared with.
 */
const catalogue = ({ strapi }: { strapi: Core.Strapi }) => {
  const datastore = () => strapi.service('api::dataset.datastore') as DatastoreService;
  const documents = () => strapi.documents(UID);
  let syncing: Promise<unknown> = Promise.resolve();
  const queued = new Set<string>();

  const self = {
    /** Every published dataset this viewer may see, newest change first, with its visible resources. */
    async list(viewer: Viewer): Promise<DatasetRecord[]> {
      const all = (await documents().findMany({ status: 'published', populate: POPULATE, sort: [{ updatedAt: 'desc' }], limit: -1 })) as unknown as DatasetRecord[];
      return all.filter((d) => canSee(d, viewer)).map((d) => ({ ...d, resources: visibleResources(d, viewer) }));
    },

    /** A published dataset by slug or documentId (CKAN's `id`), as this viewer may see it; null when not. */
    async get(idOrSlug: string, viewer: Viewer): Promise<DatasetRecord | null> {
      const found = (await documents().findFirst({
        status: 'published',
        filters: { $or: [{ slug: idOrSlug }, { documentId: idOrSlug }] },
        populate: POPULATE,
      })) as unknown as DatasetRecord | null;
      if (!found || !canSee(found, viewer)) return null;
      return { ...found, resources: visibleResources(found, viewer) };
    },

    /** A resource by its key in the published catalogue, with its dataset; null when this viewer may not see it. */
    async resource(key: string, viewer: Viewer): Promise<{ dataset: DatasetRecord; resource: ResourceRecord } | null> {
      // Components are not filtered by key through the document service on every database: find the owner by a join.
      const owners = (await strapi.db.query(UID).findMany({
        where: { publishedAt: { $notNull: true }, resources: { key } },
        select: ['documentId'],
      })) as Array<{ documentId: string }>;
      for (const { documentId } of owners) {
        const dataset = await self.get(documentId, viewer);
        const resource = dataset?.resources.find((r) => r.key === key);
        if (dataset && resource) return { dataset, resource };
      }
      return null;
    },

    /** The data store table of a file resource (ready or not), null when the resource is not a table file. */
    async tableOf(resource: ResourceRecord): Promise<TableRecord | null> {
      if (resource.source !== 'file' || !resource.file || !isTabularFile(resource.file)) return null;
      return datastore().table(resource.key, resource.file.hash);
    },

    /** A live resource computed now (a table or a map layer); null when the resource is not live. */
    async live(resource: ResourceRecord): Promise<LiveTable | LiveLayer | null> {
      if (resource.source === 'layer' && resource.layerSlug) return gisLayerView(strapi, resource.layerSlug);
      if ((resource.source !== 'live' && resource.source !== 'layer') || !resource.view) return null;
      const view = VIEWS[resource.view];
      return view ? view(strapi) : null;
    },

    /** A live resource as a table (a layer's points as rows), for searching and downloads. */
    async liveTable(resource: ResourceRecord): Promise<LiveTable | null> {
      const view = await self.live(resource);
      return view ? asTable(view) : null;
    },

    /** Where an uploaded file lies on disk (the local upload provider), or null. */
    filePath(file: FileRecord): string | null {
      if (!file.url.startsWith('/uploads/')) return null;
      const root = path.resolve(strapi.dirs.static.public);
      const full = path.resolve(root, `.${decodeURIComponent(file.url)}`);
      return full.startsWith(root + path.sep) && fs.existsSync(full) ? full : null;
    },

    /**
     * Loads every tabular file of a dataset's versions (draft and published) into the data store, one
     * table per file; then drops tables no dataset names any more. Runs after every save and publish.
     */
    async syncDatastore(documentId?: string): Promise<void> {
      const versions = (await documents().findMany({ ...(documentId ? { filters: { documentId } } : {}), status: 'draft', populate: POPULATE, limit: -1 })) as unknown as DatasetRecord[];
      const published = (await documents().findMany({ ...(documentId ? { filters: { documentId } } : {}), status: 'published', populate: POPULATE, limit: -1 })) as unknown as DatasetRecord[];
      for (const d of [...versions, ...published]) {
        for (const r of d.resources ?? []) {
          if (r.source !== 'file' || !r.file || !isTabularFile(r.file) || !r.key) continue;
          const existing = await datastore().table(r.key, r.file.hash);
          if (existing && existing.state !== 'failed') continue;
          const file = self.filePath(r.file);
          if (!file) continue;
          try {
            const rows = await readSpreadsheet(await fs.promises.readFile(file), r.file.name);
            await datastore().load(r.key, r.file.hash, r.file.name, rows);
          } catch (err) {
            strapi.log.warn(`[data store] ${d.slug} / ${r.name}: ${(err as Error).message}`);
            await datastore().fail(r.key, r.file.hash, r.file.name, err as Error);
          }
        }
      }
      await self.prune();
    },

    /**
     * Loads a dataset's files after the answer (a 100,000-row file must not hold up the officer's
     * save), one load at a time; a dataset already waiting is not queued twice. No id: every dataset.
     */
    queueSync(documentId?: string) {
      const target = documentId ?? '*';
      if (queued.has(target)) return;
      queued.add(target);
      syncing = syncing
        .then(() => new Promise((r) => setImmediate(r)))
        .then(() => {
          queued.delete(target);
          return self.syncDatastore(documentId);
        })
        .catch((e: Error) => strapi.log.error(`[data store] ${e.message}`));
    },

    /** Resolves when no load is queued or running (shutdown, tests). */
    async idle(): Promise<void> {
      for (let last; last !== syncing; ) {
        last = syncing;
        await last;
      }
    },

    /** Drops data store tables of files no draft or published dataset names. */
    async prune(): Promise<number> {
      const all = (await strapi.db.query(UID).findMany({ populate: { resources: { populate: { file: { select: ['hash'] } } } } })) as Array<{
        resources?: Array<{ key: string | null; file?: { hash: string } | null }>;
      }>;
      const keep = new Set(all.flatMap((d) => (d.resources ?? []).filter((r) => r.key && r.file).map((r) => `${r.key}:${r.file!.hash}`)));
      return datastore().prune(keep);
    },
  };
  return self;
};

export type CatalogueService = ReturnType<typeof catalogue>;
export default catalogue;
