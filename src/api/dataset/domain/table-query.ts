import { readCell, type Cell, type DataField } from './infer';

/**
 * `datastore_search` over a table computed in memory (a live view: a few hundred rows at most), with
 * the same rules as the stored tables: `q` in any text field, `filters` exact (a list: any of), `sort`
 * as "field [asc|desc], …".
 */
export interface MemoryQuery {
  q?: string;
  filters?: Record<string, unknown>;
  limit: number;
  offset: number;
  sort?: string;
}

export class TableQueryError extends Error {
  constructor(
    readonly code: 'unknown_field' | 'bad_sort' | 'bad_filter',
    readonly field: string
  ) {
    super(`${code}: ${field}`);
  }
}

const compare = (a: Cell, b: Cell) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);

export function queryRows(fields: DataField[], rows: Array<Record<string, Cell>>, query: MemoryQuery) {
  const byId = new Map(fields.map((f) => [f.id, f]));
  let out: Array<Record<string, Cell>> = rows.map((r, i) => ({ _id: i + 1, ...r }));
  for (const [name, wanted] of Object.entries(query.filters ?? {})) {
    const field = byId.get(name);
    if (!field) throw new TableQueryError('unknown_field', name);
    const values = (Array.isArray(wanted) ? wanted : [wanted]).map((v) => {
      if (v === null) return null;
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new TableQueryError('bad_filter', name);
      const cell = readCell(String(v), field.type);
      if (cell === null) throw new TableQueryError('bad_filter', name);
      return cell;
    });
    out = out.filter((r) => values.includes(r[name] ?? null));
  }
  const q = query.q?.trim().toLowerCase();
  if (q) {
    // As in the stored tables: text and dates contain the words, numbers equal them.
    const n = Number(q.replace(/,/g, ''));
    out = out.filter((r) =>
      fields.some((f) => {
        const v = r[f.id];
        if (v === null || v === undefined) return false;
        return f.type === 'text' || f.type === 'date' ? String(v).toLowerCase().includes(q) : Number.isFinite(n) && v === n;
      })
    );
  }
  if (query.sort?.trim()) {
    const keys = query.sort.split(',').map((part) => {
      const m = /^\s*(.+?)(?:\s+(asc|desc))?\s*$/i.exec(part);
      const name = m?.[1]?.replace(/^"(.*)"$/, '$1') ?? '';
      if (name !== '_id' && !byId.has(name)) throw new TableQueryError('bad_sort', name);
      return { name, sign: m?.[2]?.toLowerCase() === 'desc' ? -1 : 1 };
    });
    out.sort((a, b) => {
      for (const k of keys) {
        const c = compare(a[k.name] ?? null, b[k.name] ?? null) * k.sign;
        if (c) return c;
      }
      return 0;
    });
  }
  return { fields: [{ id: '_id', type: 'int' as const }, ...fields], records: out.slice(query.offset, query.offset + query.limit), total: out.length };
}
