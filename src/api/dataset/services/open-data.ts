import { PassThrough, Readable } from 'stream';
import ExcelJS from 'exceljs';
import type { Core } from '@strapi/strapi';
import type { Cell, DataField } from '../domain/infer';
import { queryRows } from '../domain/table-query';
import { csvHeader, csvRows, jsonHead, jsonRecords, jsonTail, rowOf } from '../domain/tabular';
import type { Town } from '../domain/dcat';
import { VIEWS } from '../views';
import { isTabularFile, type CatalogueService, type DatasetRecord, type ResourceRecord } from './catalogue';
import type { DatastoreService, SearchQuery, SearchResult, TableRecord } from './datastore';

const TABLES = 'api::dataset.datastore-table';

/** A resource's rows, wherever they are: a data-store table (a loaded file) or a live view computed now. */
export type TableSource =
  | { kind: 'store'; table: TableRecord; fields: DataField[] }
  | { kind: 'live'; fields: DataField[]; records: Array<Record<string, Cell>> };

/** Why a resource has no rows to give: not a table at all, or its file's table still loading or failed. */
export interface Unavailable {
  unavailable: 'not_tabular' | 'loading' | 'failed';
  table?: TableRecord | null;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The open-data reads beyond the catalogue itself: which resources can be searched, a resource's rows
 * for datastore_search and for the CSV, JSON and XLSX downloads (streamed page by page, so a large
 * table is never held whole), and the town that publishes the catalogue.
 */
const openData = ({ strapi }: { strapi: Core.Strapi }) => {
  const catalogue = () => strapi.service('api::dataset.catalogue') as CatalogueService;
  const datastore = () => strapi.service('api::dataset.datastore') as DatastoreService;

  const self = {
    /** Keys of the resources of these datasets whose rows can be searched now (one query for every file). */
    async searchable(datasets: DatasetRecord[]): Promise<Set<string>> {
      const ready = (await strapi.db.query(TABLES).findMany({ where: { state: 'ready' }, select: ['resourceKey', 'fileHash'] })) as Array<Pick<TableRecord, 'resourceKey' | 'fileHash'>>;
      const loaded = new Set(ready.map((t) => `${t.resourceKey}:${t.fileHash}`));
      const keys = new Set<string>();
      for (const r of datasets.flatMap((d) => d.resources)) {
        if ((r.source === 'live' || r.source === 'layer') && r.view && VIEWS[r.view]) keys.add(r.key);
        else if (r.source === 'layer' && r.layerSlug) keys.add(r.key);
        else if (r.source === 'file' && r.file && isTabularFile(r.file) && loaded.has(`${r.key}:${r.file.hash}`)) keys.add(r.key);
      }
      return keys;
    },

    /** The rows of a resource, or why there are none. */
    async source(resource: ResourceRecord): Promise<TableSource | Unavailable> {
      if (resource.source === 'live' || resource.source === 'layer') {
        const live = await catalogue().liveTable(resource);
        return live ? { kind: 'live', fields: live.fields, records: live.records } : { unavailable: 'not_tabular' };
      }
      if (resource.source !== 'file' || !resource.file || !isTabularFile(resource.file)) return { unavailable: 'not_tabular' };
      const table = await catalogue().tableOf(resource);
      // A table file saved a moment ago is queued for loading before its table record exists.
      if (!table || table.state === 'loading') return { unavailable: 'loading', table };
      if (table.state === 'failed') return { unavailable: 'failed', table };
      return { kind: 'store', table, fields: table.fields ?? [] };
    },

    /** datastore_search on either kind of table: the same rules for `q`, `filters` and `sort`. */
    async search(source: TableSource, query: SearchQuery): Promise<SearchResult> {
      if (source.kind === 'store') return datastore().search(source.table, query);
      return queryRows(source.fields, source.records, query);
    },

    /** Every row in order, a page at a time. */
    async *pages(source: TableSource): AsyncGenerator<Array<Record<string, Cell>>> {
      if (source.kind === 'live') {
        yield source.records;
        return;
      }
      for await (const page of datastore().rows(source.table)) {
        yield page;
        // Let other requests in between pages: better-sqlite3 blocks while it reads.
        await tick();
      }
    },

    /** The rows as CSV (UTF-8 with a byte-order mark), streamed. */
    csv(source: TableSource): Readable {
      const pages = self.pages(source);
      return Readable.from(
        (async function* () {
          yield Buffer.from(csvHeader(source.fields));
          for await (const page of pages) yield Buffer.from(csvRows(source.fields, page));
        })(),
        { objectMode: false }
      );
    },

    /** The rows as CKAN's datastore JSON (`fields`, `records`, `total`), streamed. */
    json(source: TableSource): Readable {
      const pages = self.pages(source);
      return Readable.from(
        (async function* () {
          yield Buffer.from(jsonHead(source.fields));
          let total = 0;
          for await (const page of pages) {
            yield Buffer.from(jsonRecords(source.fields, page, total === 0));
            total += page.length;
          }
          yield Buffer.from(jsonTail(total));
        })(),
        { objectMode: false }
      );
    },

    /** The rows as one XLSX worksheet (header row, then the rows; numbers as numbers), streamed. */
    xlsx(source: TableSource): Readable {
      const out = new PassThrough();
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const sheet = book.addWorksheet('data');
      void (async () => {
        sheet.addRow(source.fields.map((f) => f.id)).commit();
        for await (const page of self.pages(source)) for (const r of page) sheet.addRow(rowOf(source.fields, r)).commit();
        sheet.commit();
        await book.commit();
      })().catch((err: Error) => out.destroy(err));
      return out;
    },

    /** The town that publishes the catalogue (the municipality record); null before it is set up. */
    async town(): Promise<Town | null> {
      const m = (await strapi.db.query('api::municipality.municipality').findOne({ select: ['nameTh', 'nameEn', 'email', 'phone', 'website'] })) as Town | null;
      return m?.nameTh ? m : null;
    },
  };
  return self;
};

export type OpenDataService = ReturnType<typeof openData>;
export default openData;
