import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { cleanMapping, looksLikeHeader, matchColumns, missingFields, positionalMapping } from '../columns';
import type { ColumnMapping, ImportTarget, RowFailure, RunReport, Text } from '../types';

/**
 * An import in the admin: the file is read once and kept in memory while staff map its columns,
 * check the rows and run it; the run reports its progress for the progress bar. Kept an hour, for
 * the user who uploaded it.
 */
export interface Job {
  id: string;
  targetId: string;
  owner: number;
  fileName: string;
  hasHeader: boolean;
  headers: string[];
  rows: string[][];
  state: 'ready' | 'running' | 'done' | 'failed';
  done: number;
  report?: RunReport;
  error?: string;
  expires: number;
}

const TTL = 3600_000;
const MAX_REPORTED = 500;
const SAMPLE = 5;

const jobsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = new Map<string, Job>();
  const sweep = () => {
    const now = Date.now();
    for (const [id, j] of jobs) if (j.expires < now && j.state !== 'running') jobs.delete(id);
  };
  const width = (job: Job) => job.headers.length;
  const firstRow = (job: Job) => (job.hasHeader ? 2 : 1);
  /** The preview's rows as the target reads them (a date in Thai), so staff see the year taken before running. */
  const readSample = (target: ImportTarget, rows: string[][], m: ColumnMapping, first: number): Array<Record<string, Text>> =>
    rows.slice(0, SAMPLE).map((cells, i) => target.checkRow(cells, m, { row: i + first, confirmFarDates: false }).read ?? {});

  return {
    /** Keeps the file's rows; answers the columns, the suggested mapping and the first rows (null: no data rows). */
    create(target: ImportTarget, owner: number, fileName: string, rows: string[][]) {
      sweep();
      const hasHeader = target.headerRow !== 'optional' || looksLikeHeader(target.fields, rows[0] ?? []);
      const body = hasHeader ? rows.slice(1) : rows;
      if (!body.length) return null;
      const columns = Math.max(0, ...(hasHeader ? [rows[0]] : body.slice(0, 50)).map((r) => r.length));
      const headers = hasHeader ? rows[0] : Array.from({ length: columns }, () => '');
      const job: Job = { id: crypto.randomUUID(), targetId: target.id, owner, fileName, hasHeader, headers, rows: body, state: 'ready', done: 0, expires: Date.now() + TTL };
      jobs.set(job.id, job);
      const mapping = hasHeader ? matchColumns(target.fields, headers) : positionalMapping(target.fields, columns);
      const read = readSample(target, body, mapping, firstRow(job));
      return { id: job.id, target: target.id, fileName, hasHeader, headers, rowCount: body.length, mapping, sample: body.slice(0, SAMPLE), read };
    },

    /** The job, if it exists, belongs to this target and was uploaded by this user. */
    get(targetId: string, id: string, owner: number) {
      const job = jobs.get(id);
      return job && job.targetId === targetId && job.owner === owner ? job : null;
    },

    /**
     * Every row checked with this mapping, nothing stored: the per-row report staff read first. Rows
     * whose only issues are `confirmable` (far dates) are counted and listed apart, in `toConfirm` and
     * `confirm`: the run takes them only with `confirmFarDates: true`.
     */
    check(target: ImportTarget, job: Job, mapping: unknown) {
      const m = cleanMapping(target.fields, width(job), mapping);
      const missing = missingFields(target.fields, m);
      const failed: RowFailure[] = [];
      const confirm: RowFailure[] = [];
      let valid = 0;
      let toConfirm = 0;
      if (!missing.length) {
        job.rows.forEach((cells, i) => {
          const row = i + firstRow(job);
          const { issues } = target.checkRow(cells, m, { row, confirmFarDates: false });
          if (!issues.length) valid += 1;
          else if (issues.every((x) => x.confirmable)) {
            toConfirm += 1;
            if (confirm.length < MAX_REPORTED) confirm.push({ row, issues });
          } else if (failed.length < MAX_REPORTED) failed.push({ row, issues });
        });
      }
      const invalid = missing.length ? 0 : job.rows.length - valid - toConfirm;
      return { total: job.rows.length, valid, invalid, toConfirm, missing, failed, confirm, read: readSample(target, job.rows, m, firstRow(job)) };
    },

    /** Starts the run in the background; the page polls `status` for the progress bar. */
    run(target: ImportTarget, job: Job, mapping: unknown, userId: number, confirmFarDates = false) {
      if (job.state === 'running') return;
      const m = cleanMapping(target.fields, width(job), mapping);
      job.state = 'running';
      job.done = 0;
      job.report = undefined;
      job.error = undefined;
      job.expires = Date.now() + TTL;
      const onProgress = (done: number) => {
        job.done = Math.min(done, job.rows.length);
      };
      // Deferred, so a target whose run starts synchronously still answers the request first.
      setImmediate(() => {
        Promise.resolve()
          .then(() => target.run(job.rows, m, { firstRow: firstRow(job), onProgress, userId, confirmFarDates }))
          .then((report) => {
            job.report = { ...report, failed: report.failed.slice(0, MAX_REPORTED) };
            job.done = job.rows.length;
            job.state = 'done';
          })
          .catch((err: Error) => {
            job.error = err.message;
            job.state = 'failed';
            strapi.log.error(`[spreadsheet-import] ${target.id} ${job.fileName}: ${err.message}`);
          });
      });
    },

    status(job: Job) {
      return { id: job.id, target: job.targetId, fileName: job.fileName, state: job.state, done: job.done, total: job.rows.length, report: job.report ?? null, error: job.error ?? null };
    },

    /** Resolves when no run is going (tests and shutdown). */
    async idle() {
      while ([...jobs.values()].some((j) => j.state === 'running')) await new Promise((r) => setTimeout(r, 20));
    },
  };
};

export type JobsService = ReturnType<typeof jobsService>;
export default jobsService;
