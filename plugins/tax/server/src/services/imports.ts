import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { IMPORT_FIELDS, autoMapping, parseBillRow } from '../../../../../src/api/tax-bill/domain/import-rows';
import type { ImportReport } from '../../../../../src/api/tax-bill/services/tax-bill';

/**
 * An import in the admin: the file is read once and kept in memory while staff map its columns,
 * check the rows and run it; the run reports its progress for the progress bar. Kept an hour.
 */
interface Job {
  id: string;
  owner: number;
  fileName: string;
  headers: string[];
  rows: string[][];
  state: 'ready' | 'running' | 'done' | 'failed';
  done: number;
  report?: ImportReport;
  error?: string;
  expires: number;
}

const TTL = 3600_000;
const MAX_REPORTED = 500;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = new Map<string, Job>();
  const sweep = () => {
    const now = Date.now();
    for (const [id, j] of jobs) if (j.expires < now && j.state !== 'running') jobs.delete(id);
  };

  const fields = IMPORT_FIELDS.map(({ key, th, en, required }) => ({ key, th, en, required: Boolean(required) }));

  const validMapping = (headers: string[], mapping: unknown): Record<string, number> => {
    const out: Record<string, number> = {};
    if (!mapping || typeof mapping !== 'object') return out;
    for (const [key, col] of Object.entries(mapping as Record<string, unknown>)) {
      if (IMPORT_FIELDS.some((f) => f.key === key) && Number.isInteger(col) && (col as number) >= 0 && (col as number) < headers.length) out[key] = col as number;
    }
    return out;
  };

  return {
    fields,

    create(owner: number, fileName: string, rows: string[][]) {
      sweep();
      const [headers = [], ...body] = rows;
      const job: Job = { id: crypto.randomUUID(), owner, fileName, headers, rows: body, state: 'ready', done: 0, expires: Date.now() + TTL };
      jobs.set(job.id, job);
      return { id: job.id, fileName, headers, rowCount: body.length, mapping: autoMapping(headers), fields, sample: body.slice(0, 5) };
    },

    get(id: string, owner: number) {
      const job = jobs.get(id);
      return job && job.owner === owner ? job : null;
    },

    /** Every row checked with this mapping, nothing stored: the per-row report staff read first. */
    check(job: Job, mapping: unknown) {
      const m = validMapping(job.headers, mapping);
      const missing = IMPORT_FIELDS.filter((f) => f.required && m[f.key] === undefined).map((f) => f.key);
      const failed: Array<{ row: number; issues: Array<{ field: string; th: string; en: string }> }> = [];
      let valid = 0;
      const preview: Array<Record<string, unknown>> = [];
      job.rows.forEach((cells, i) => {
        const { row, issues } = parseBillRow(cells, m);
        if (row) {
          valid += 1;
          if (preview.length < 5) {
            const { sourceHash: _h, billKey: _k, ...shown } = row;
            preview.push(shown);
          }
        } else if (failed.length < MAX_REPORTED) failed.push({ row: i + 2, issues });
      });
      return { total: job.rows.length, valid, invalid: job.rows.length - valid, missing, failed, preview };
    },

    /** Starts the import in the background; the page polls `status` for the progress bar. */
    run(job: Job, mapping: unknown) {
      if (job.state === 'running') return;
      const m = validMapping(job.headers, mapping);
      job.state = 'running';
      job.done = 0;
      job.expires = Date.now() + TTL;
      strapi
        .service('api::tax-bill.tax-bill')
        .importRows(job.rows, m, (done: number) => {
          job.done = done;
        })
        .then((report: ImportReport) => {
          job.report = { ...report, failed: report.failed.slice(0, MAX_REPORTED) };
          job.state = 'done';
        })
        .catch((err: Error) => {
          job.error = err.message;
          job.state = 'failed';
          strapi.log.error(`[tax] import ${job.fileName}: ${err.message}`);
        });
    },

    status(job: Job) {
      return { id: job.id, fileName: job.fileName, state: job.state, done: job.done, total: job.rows.length, report: job.report ?? null, error: job.error ?? null };
    },

    /** Resolves when no import is running (tests and shutdown). */
    async idle() {
      while ([...jobs.values()].some((j) => j.state === 'running')) await new Promise((r) => setTimeout(r, 20));
    },
  };
};
