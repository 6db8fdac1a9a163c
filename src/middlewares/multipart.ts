import fs from 'fs/promises';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contracts, fieldRefusal } from '../http/contract';
import { fieldMessage, languageOf } from '../http/messages';

/**
 * Multipart bodies are written to disk as they are read (formidable), so they are refused before
 * anything is read where no route takes them, refused unread when they declare more bytes than any
 * route accepts, and every file a request wrote is deleted once it is answered, whatever the answer
 * (Strapi's body middleware removes only the `files` field, and not when a later step throws).
 * Runs just before `strapi::body`, inside `strapi::errors`.
 */
export interface MultipartConfig {
  /** Koa-style paths outside the contracts that take uploads (Strapi's upload plugin, the admin). */
  paths?: string[];
  /** The most bytes a multipart body may declare: the files' limit and the fields' limit, with room for part headers. */
  maxBytes?: number;
}

// The methods koa-body reads a body on.
const PARSED = new Set(['POST', 'PUT', 'PATCH']);

/** `/complaints/track/:trackingCode` → a regular expression matching the whole path. */
export const pathPattern = (path: string): RegExp => {
  const parts = path.split(/:\w+(?:\([^)]*\))?/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}/?$`);
};

interface UploadedFile {
  filepath?: string;
}

const filePaths = (files: unknown): string[] => {
  if (!files || typeof files !== 'object') return [];
  return Object.values(files as Record<string, UploadedFile | UploadedFile[] | undefined>)
    .flatMap((f) => (Array.isArray(f) ? f : [f]))
    .map((f) => f?.filepath)
    .filter((p): p is string => typeof p === 'string');
};

const refuse = (ctx: Context, status: number, name: string, code: string) => {
  // The body is not wanted: close the connection rather than read the rest of it.
  ctx.set('Connection', 'close');
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message: fieldMessage(code, languageOf(ctx)), details: { code } } };
};

export default (config: MultipartConfig = {}): Core.MiddlewareHandler => {
  let patterns: RegExp[] | undefined;
  // Contracts register as routes load, so the list is built on the first request, not at boot.
  const takesFiles = (path: string) => {
    patterns ??= [...contracts().filter((c) => c.request?.files).map((c) => `/api${c.path}`), ...(config.paths ?? [])].map(pathPattern);
    return patterns.some((p) => p.test(path));
  };

  return async (ctx, next) => {
    if (!PARSED.has(ctx.method) || !ctx.is('multipart')) {
      await next();
      return;
    }
    if (!takesFiles(ctx.path)) return refuse(ctx, 415, 'UnsupportedMediaTypeError', 'unsupported_media_type');
    const declared = Number(ctx.get('content-length'));
    if (config.maxBytes && declared > config.maxBytes) return refuse(ctx, 413, 'PayloadTooLargeError', 'body_too_large');

    // Every path the body parser reports, kept here because Strapi's body middleware later deletes `ctx.request.files`.
    const written = new Set<string>();
    const request = ctx.request as { files?: unknown };
    let files: unknown;
    Object.defineProperty(request, 'files', {
      configurable: true,
      enumerable: true,
      get: () => files,
      set: (value: unknown) => {
        files = value;
        for (const p of filePaths(value)) written.add(p);
      },
    });
    try {
      await next();
    } finally {
      for (const p of filePaths(files)) written.add(p);
      await Promise.allSettled([...written].map((p) => fs.rm(p, { force: true })));
    }
  };
};

/** Formidable's error codes (formidable 2, FormidableError.js) that name a body too large. */
const TOO_MANY_FIELDS = 1007;
const FIELDS_TOO_LARGE = 1006;
const FILE_TOO_LARGE = 1009;

/**
 * A body the parser could not read, as the caller's mistake: 413 when it is too large, 400 when it
 * is malformed (no boundary, a boundary that never comes, a truncated part). Anything else (a full
 * disk) stays a server error.
 */
export function bodyError(error: Error & { status?: number; httpCode?: unknown; code?: unknown }, ctx: Context): never {
  const lang = languageOf(ctx);
  if (typeof error.httpCode === 'number') ctx.set('Connection', 'close'); // the rest of a refused upload is not read
  const tooLarge = (code: string) => new errors.PayloadTooLargeError(fieldMessage(code, lang), { code });
  if (typeof error.httpCode === 'number' && typeof error.code === 'number') {
    if (error.code === TOO_MANY_FIELDS) throw tooLarge('too_many_fields');
    if (error.code === FIELDS_TOO_LARGE) throw tooLarge('body_too_large');
    if (error.code === FILE_TOO_LARGE) throw tooLarge('file_too_large');
    if (error.httpCode >= 400 && error.httpCode < 500) throw fieldRefusal(['body'], 'malformed_multipart', lang);
    throw error;
  }
  // JSON, form and text bodies (co-body): malformed is 400; too large or an unknown charset keep their status.
  if (error.status === 400) throw fieldRefusal(['body'], 'malformed_body', lang);
  throw error;
}
