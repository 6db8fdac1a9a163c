import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { inferFields, readCell, type Cell, type DataField, type FieldType } from '../domain/infer';
import { TableQueryError as DatastoreQueryError } from '../domain/table-query';

const TABLES = 'api::dataset.datastore-table';

// knex's types as Strapi's connection carries them (knex itself is Strapi's dependency, not ours).
type Connection = Core.Strapi['db']['connection'];
type QueryBuilder = ReturnType<Connection>;
type TableBuilder = Parameters<NonNullable<Parameters<Connection['schema']['createTable']>[1]>>[0];

/** One loaded table: which resource and file it holds, its fields and where its rows are. */
export interface TableRecord {
  id: number;
  resourceKey: string;
  fileHash: string;
  fileName: string | null;
  tableName: string | null;
  state: 'loading' | 'ready' | 'failed';
  fields: DataField[] | null;
  rowCount: number;
  done: number;
  issues: RowIssue[] | null;
  error: string | null;
  loadedAt: string | null;
}

/** A row the store kept but with a remark: more cells than the header names (the extra ones dropped). */
export interface RowIssue {
  row: number;
  code: 'extra_cells';
}

export interface SearchQuery {
  q?: string;
  filters?: Record<string, unknown>;
  limit: number;
  offset: number;
  sort?: string;
}

export interface SearchResult {
  fields: Array<DataField & { id: string }>;
  records: Array<Record<string, Cell>>;
  total: number;
}


const CHUNK_CELLS = 30_000; // under SQLite's bound-variable limit per insert
const MAX_ISSUES = 100;
const SQL_TYPE: Record<FieldType, (t: TableBuilder, name: string) => void> = {
  int: (t, n) => void t.bigInteger(n),
  numeric: (t, n) => void t.double(n),
  // ISO text sorts and compares as dates do, on every database.
  date: (t, n) => void t.string(n, 10),
  text: (t, n) => void t.text(n),
};

const column = (i: number) => `c${i}`;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The data store: each uploaded CSV or XLSX resource's rows in a table of their own, typed by
 * inference, queryable and downloadable. A table belongs to one file (resource key + file hash):
 * uploading a new file loads a new table while readers keep the old one, and the dataset's next
 * publish switches to it in one step, so nobody ever reads a half-loaded table.
 */
const datastore = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const records = () => strapi.db.query(TABLES);
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  const find = async (resourceKey: string, fileHash: string) =>
    (await records().findOne({ where: { resourceKey, fileHash } })) as TableRecord | null;

  async function dropTable(name: string | null) {
    if (name && (await knex().schema.hasTable(name))) await knex().schema.dropTable(name);
  }

  /** Values of one field as stored: filters and the `q` search compare in the column's type. */
  const valueFor = (field: DataField, value: unknown): Cell => {
    if (value === null) return null;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new DatastoreQueryError('bad_filter', field.id);
    const cell = readCell(String(value), field.type);
    if (cell === null) throw new DatastoreQueryError('bad_filter', field.id);
    return cell;
  };

  function orderBy(fields: DataField[], sort: string | undefined): Array<{ column: string; order: 'asc' | 'desc' }> {
    if (!sort?.trim()) return [{ column: '_id', order: 'asc' }];
    return sort.split(',').map((part) => {
      const m = /^\s*(.+?)(?:\s+(asc|desc))?\s*$/i.exec(part);
      const name = m?.[1]?.replace(/^"(.*)"$/, '$1') ?? '';
      const order = (m?.[2]?.toLowerCase() ?? 'asc') as 'asc' | 'desc';
      if (name === '_id') return { column: '_id', order };
      const i = fields.findIndex((f) => f.id === name);
      if (i < 0) throw new DatastoreQueryError('bad_sort', name);
      return { column: column(i), order };
    });
  }

  return {
    /** The table of this resource's file, whatever its state (null: never loaded). */
    table: find,

    /**
     * Loads a file's rows (the header row first) into a new table, then marks it ready. A second load
     * of the same file does nothing; a failed one is tried again.
     */
    async load(resourceKey: string, fileHash: string, fileName: string, rows: string[][]): Promise<TableRecord> {
      const existing = await find(resourceKey, fileHash);
      if (existing && existing.state !== 'failed') return existing;
      const [header = [], ...body] = rows;
      const fields = inferFields(header, body);
      const tableName = `datastore_${crypto.createHash('sha1').update(`${resourceKey}:${fileHash}`).digest('hex').slice(0, 16)}`;
      const data = { resourceKey, fileHash, fileName, tableName, state: 'loading', fields, rowCount: body.length, done: 0, issues: [], error: null, loadedAt: null };
      const record = (existing ? await records().update({ where: { id: existing.id }, data }) : await records().create({ data })) as TableRecord;
      try {
        await dropTable(tableName);
        await knex().schema.createTable(tableName, (t) => {
          t.increments('_id').primary();
          fields.forEach((f, i) => SQL_TYPE[f.type](t, column(i)));
        });
        const issues: RowIssue[] = [];
        // SQLite writes a multi-row insert as a compound SELECT: at most 500 rows a statement.
        const chunk = Math.max(1, Math.min(500, Math.floor(CHUNK_CELLS / (fields.length + 1))));
        for (let start = 0; start < body.length; start += chunk) {
          const batch = body.slice(start, start + chunk).map((cells, j) => {
            if (cells.length > fields.length && issues.length < MAX_ISSUES) issues.push({ row: start + j + 2, code: 'extra_cells' });
            return Object.fromEntries(fields.map((f, i) => [column(i), readCell(cells[i], f.type)]));
          });
          await knex()(tableName).insert(batch);
          await records().update({ where: { id: record.id }, data: { done: Math.min(body.length, start + chunk) } });
          // better-sqlite3 is synchronous: let other requests in between chunks.
          await tick();
        }
        return (await records().update({ where: { id: record.id }, data: { state: 'ready', issues, done: body.length, loadedAt: new Date() } })) as TableRecord;
      } catch (err) {
        await dropTable(tableName).catch(() => undefined);
        return (await records().update({ where: { id: record.id }, data: { state: 'failed', error: (err as Error).message.slice(0, 2000) } })) as TableRecord;
      }
    },

    /** Records that a file could not be read (its encoding, an .xls), so staff see why it has no table. */
    async fail(resourceKey: string, fileHash: string, fileName: string, err: Error & { code?: string }) {
      const existing = await find(resourceKey, fileHash);
      const data = { resourceKey, fileHash, fileName, tableName: null, state: 'failed', fields: null, rowCount: 0, done: 0, issues: null, error: (err.code ? `${err.code}: ` : '') + err.message.slice(0, 2000) };
      if (existing) await records().update({ where: { id: existing.id }, data });
      else await records().create({ data });
    },

    /** A page of a ready table: `q` looks in every text field, `filters` match fields exactly (a list: any of). */
    async search(table: TableRecord, query: SearchQuery): Promise<SearchResult> {
      const fields = table.fields ?? [];
      const where = (qb: QueryBuilder) => {
        for (const [name, wanted] of Object.entries(query.filters ?? {})) {
          const i = fields.findIndex((f) => f.id === name);
          if (i < 0) throw new DatastoreQueryError('unknown_field', name);
          const values = (Array.isArray(wanted) ? wanted : [wanted]).map((v) => valueFor(fields[i], v));
          void qb.whereIn(column(i), values as Array<string | number>);
        }
        const q = query.q?.trim();
        if (q) {
          const text = fields.map((f, i) => ({ f, i })).filter(({ f }) => f.type === 'text' || f.type === 'date');
          const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          void qb.where((inner) => {
            for (const { i } of text) void inner.orWhereRaw(isPostgres() ? `?? ILIKE ? ESCAPE '\\'` : `?? LIKE ? ESCAPE '\\'`, [column(i), like]);
            const n = Number(q.replace(/,/g, ''));
            if (Number.isFinite(n)) fields.forEach((f, i) => f.type !== 'text' && f.type !== 'date' && void inner.orWhere(column(i), n));
            if (!text.length && !Number.isFinite(n)) void inner.whereRaw('1 = 0');
          });
        }
      };
      const name = table.tableName as string;
      const order = orderBy(fields, query.sort);
      const [{ total }] = await knex()(name).modify(where).count<Array<{ total: number | string }>>({ total: '*' });
      const rows = (await knex()(name).modify(where).orderBy(order).limit(query.limit).offset(query.offset)) as Array<Record<string, Cell>>;
      return {
        fields: [{ id: '_id', type: 'int' }, ...fields],
        records: rows.map((r) => toRecord(fields, r)),
        total: Number(total),
      };
    },

    /** Every row in order, a page at a time: downloads stream without holding the table in memory. */
    async *rows(table: TableRecord, pageSize = 2000): AsyncGenerator<Array<Record<string, Cell>>> {
      const fields = table.fields ?? [];
      for (let after = 0; ; ) {
        const rows = (await knex()(table.tableName as string).where('_id', '>', after).orderBy('_id').limit(pageSize)) as Array<Record<string, Cell>>;
        if (!rows.length) return;
        after = Number(rows[rows.length - 1]._id);
        yield rows.map((r) => toRecord(fields, r));
      }
    },

    /** Drops the tables of files no dataset version names any more (`keep`: "resourceKey:fileHash"). */
    async prune(keep: Set<string>): Promise<number> {
      const all = (await records().findMany({ select: ['id', 'resourceKey', 'fileHash', 'tableName', 'state'] })) as TableRecord[];
      let dropped = 0;
      for (const t of all) {
        if (keep.has(`${t.resourceKey}:${t.fileHash}`) || t.state === 'loading') continue;
        await dropTable(t.tableName);
        await records().delete({ where: { id: t.id } });
        dropped++;
      }
      return dropped;
    },
  };
};

/** A stored row as CKAN's DataStore answers it: `_id`, then each field by its name. */
function toRecord(fields: DataField[], row: Record<string, Cell>): Record<string, Cell> {
  const out: Record<string, Cell> = { _id: Number(row._id) };
  fields.forEach((f, i) => {
    const v = row[column(i)];
    out[f.id] = v === null || v === undefined ? null : f.type === 'int' || f.type === 'numeric' ? Number(v) : String(v);
  });
  return out;
}

export type DatastoreService = ReturnType<typeof datastore>;
export default datastore;
