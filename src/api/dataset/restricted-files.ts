import path from 'path';
import type { Core } from '@strapi/strapi';

const DATASET = 'api::dataset.dataset';
/** How long the list of restricted files is believed; any dataset write forgets it at once. */
const CACHE_MS = 60_000;

interface FileRow {
  url: string;
  formats?: Record<string, { url?: string }> | null;
}
interface DatasetRow {
  accessLevel: string | null;
  dataCategory: string | null;
  resources?: Array<{ restricted: boolean | null; file?: FileRow | null }>;
}

/** The addresses of a file and of its image formats (thumbnails…). */
const urlsOf = (file: FileRow) => [file.url, ...Object.values(file.formats ?? {}).map((f) => f?.url)].filter((u): u is string => typeof u === 'string');

/**
 * Every file of restricted data (a resource of a restricted or non-public dataset, or a restricted
 * resource), in any version of its dataset, draft or published: a file once restricted stays
 * behind the API until no version names it so.
 */
export function restrictedFileUrls(datasets: readonly DatasetRow[]): Set<string> {
  const urls = new Set<string>();
  for (const d of datasets) {
    const whole = !(d.accessLevel === 'public' && d.dataCategory === 'public');
    for (const r of d.resources ?? []) if (r.file && (whole || r.restricted)) for (const u of urlsOf(r.file)) urls.add(u);
  }
  return urls;
}

/**
 * Restricted datasets' files are uploads like any other, and Strapi serves every upload at its
 * `/uploads/…` address to whoever asks. These addresses answer 404 instead: the file leaves only
 * through the open-data API, to the partner agencies it is shared with, and each read is logged.
 * Added in the app's register(), so it runs before Strapi's own middlewares and routes.
 */
export function guardRestrictedFiles(strapi: Core.Strapi): void {
  let known: { urls: Set<string>; until: number } | null = null;
  let loading: Promise<Set<string>> | null = null;

  const urls = async (): Promise<Set<string>> => {
    if (known && known.until > Date.now()) return known.urls;
    loading ??= (async () => {
      const rows = (await strapi.db.query(DATASET).findMany({
        select: ['accessLevel', 'dataCategory'],
        populate: { resources: { populate: { file: { select: ['url', 'formats'] } } } },
      })) as DatasetRow[];
      const found = restrictedFileUrls(rows);
      known = { urls: found, until: Date.now() + CACHE_MS };
      return found;
    })().finally(() => {
      loading = null;
    });
    return loading;
  };

  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if (ctx.uid === DATASET) known = null;
    return result;
  });

  strapi.server.use(async (ctx, next) => {
    const asked = servedPath(ctx.path);
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && asked.startsWith('/uploads/') && (await urls()).has(asked)) {
      ctx.status = 404;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } };
      return;
    }
    await next();
  });
}

/** The file a request path names once decoded and normalised, as the static server reads it (`/uploads/%2e/a.csv` is `/uploads/a.csv`). */
export function servedPath(requested: string): string {
  let decoded = requested;
  try {
    decoded = decodeURIComponent(requested);
  } catch {
    // Not percent-encoding: read as written.
  }
  return path.posix.normalize(decoded);
}
