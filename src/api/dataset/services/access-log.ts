import type { Core } from '@strapi/strapi';
import { timeWindow, type AccessEntry, type AccessLogQuery } from '../domain/sharing';

const ACCESS = 'api::dataset.dataset-access';
/** An export holds at most this many reads; narrow the dates for more. */
export const EXPORT_MAX_ROWS = 100_000;
const BATCH = 1000;

interface AccessRow extends Omit<AccessEntry, 'at'> {
  at: string | Date;
}

/** The access log of partners' reads, as staff read and export it: newest first. */
const accessLog = ({ strapi }: { strapi: Core.Strapi }) => {
  const whereOf = (q: Pick<AccessLogQuery, 'agency' | 'from' | 'to'>) => {
    const where: Record<string, unknown> = {};
    if (q.agency) where.agency = { id: q.agency };
    const window = timeWindow(q);
    if (Object.keys(window).length) where.at = window;
    return where;
  };
  const page = async (where: Record<string, unknown>, offset: number, limit: number): Promise<AccessEntry[]> => {
    const rows = (await strapi.db.query(ACCESS).findMany({
      where,
      select: ['id', 'at', 'tokenName', 'dataset', 'resource', 'action', 'path', 'clientAddress'],
      populate: { agency: { select: ['id', 'name'] } },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      offset,
      limit,
    })) as AccessRow[];
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString(), agency: r.agency ?? null }));
  };

  return {
    /** One page of the log with the filters applied. */
    async find(q: AccessLogQuery): Promise<{ results: AccessEntry[]; pagination: { page: number; pageSize: number; pageCount: number; total: number } }> {
      const where = whereOf(q);
      const total = Number(await strapi.db.query(ACCESS).count({ where }));
      const results = await page(where, (q.page - 1) * q.pageSize, q.pageSize);
      return { results, pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total } };
    },

    /** Every read the filters match (at most EXPORT_MAX_ROWS), read in batches that let other requests through. */
    async all(q: Pick<AccessLogQuery, 'agency' | 'from' | 'to'>): Promise<AccessEntry[]> {
      const where = whereOf(q);
      const out: AccessEntry[] = [];
      for (let offset = 0; offset < EXPORT_MAX_ROWS; offset += BATCH) {
        const batch = await page(where, offset, Math.min(BATCH, EXPORT_MAX_ROWS - offset));
        out.push(...batch);
        if (batch.length < BATCH) break;
        await new Promise((r) => setImmediate(r));
      }
      return out;
    },
  };
};

export type AccessLogService = ReturnType<typeof accessLog>;
export default accessLog;
