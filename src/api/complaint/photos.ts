import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { invalid } from '../../http/contract';
import { fieldMessage, type Language } from '../../http/messages';
import { MAX_PHOTOS, MAX_PHOTO_BYTES } from '../../shared/complaint-input';
import { uploadToken, validUploadToken } from './domain/upload-token';

export const PHOTO_PREFIX = 'complaint-photo-';
export { MAX_PHOTOS, MAX_PHOTO_BYTES };
const MAX_SIDE = 2048;
/** 50 megapixels: any phone camera's photo; a tiny file claiming more (a decompression bomb) is refused unread. */
export const MAX_PIXELS = 50_000_000;

/** The part of Strapi's upload service used here (typed `any` by Strapi). */
interface UploadService {
  upload(input: { data: Record<string, unknown>; files: Record<string, unknown> }): Promise<Array<{ id: number; url: string }>>;
  remove(file: StoredFile): Promise<unknown>;
}
type StoredFile = { id: number } & Record<string, unknown>;
const uploads = (strapi: Core.Strapi) => strapi.plugin('upload').service<UploadService>('upload');
const FORMATS = new Set(['jpeg', 'png', 'webp', 'heif', 'avif', 'gif', 'tiff']);

export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

// Multipart parts may reach us in any order, so an error names the file, not its position.
const photoError = (file: IncomingFile, code: string, lang: Language) => {
  const name = file.originalFilename ? `${String(file.originalFilename).replace(/[^\p{L}\p{N} ._()-]/gu, '').slice(0, 80)}: ` : '';
  return invalid([{ path: ['files'], code, message: `${name}${fieldMessage(code, lang)}` }], lang);
};

/**
 * A citizen's photos: checked by content (not by the name or type the phone claims), re-encoded
 * to JPEG so EXIF (GPS included) is gone and the longest side is at most 2048 px, then stored.
 * All are checked before any is stored, so a bad third photo stores nothing.
 */
export async function storeComplaintPhotos(strapi: Core.Strapi, files: IncomingFile[], lang: Language) {
  // The route's contract already refused no file and too many.

  const encoded: string[] = [];
  try {
    for (const file of files) {
      if (file.size > MAX_PHOTO_BYTES) throw photoError(file, 'file_too_large', lang);
      let meta: { format?: string; width?: number; height?: number; pages?: number } = {};
      try {
        // The header only: nothing is decoded yet.
        meta = await sharp(file.filepath).metadata();
      } catch {
        meta = {};
      }
      if (!meta.format || !FORMATS.has(meta.format)) throw photoError(file, 'not_an_image', lang);
      if ((meta.width ?? 0) * (meta.height ?? 0) * (meta.pages ?? 1) > MAX_PIXELS) throw photoError(file, 'image_too_large', lang);
      const out = path.join(os.tmpdir(), `${PHOTO_PREFIX}${crypto.randomBytes(8).toString('hex')}.jpg`);
      // rotate() applies the EXIF orientation before the metadata is dropped (sharp keeps none by default).
      await sharp(file.filepath, { failOn: 'error', limitInputPixels: MAX_PIXELS })
        .rotate()
        .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 80, mozjpeg: true })
        .toFile(out)
        .catch(() => {
          throw photoError(file, 'unreadable_image', lang);
        });
      encoded.push(out);
    }

    const stored: Array<{ id: number; url: string }> = [];
    try {
      for (const out of encoded) {
        const name = path.basename(out);
        const [file] = await uploads(strapi).upload({
            data: { fileInfo: { name, alternativeText: 'ภาพประกอบเรื่องร้องเรียน' } },
            files: { filepath: out, originalFilename: name, mimetype: 'image/jpeg', size: fs.statSync(out).size },
          });
        stored.push({ id: file.id, url: file.url });
      }
    } catch (err) {
      for (const s of stored) await uploads(strapi).remove({ id: s.id }).catch(() => undefined);
      throw err;
    }
    return stored;
  } finally {
    for (const out of encoded) fs.rmSync(out, { force: true });
  }
}

/**
 * The key upload tokens are signed with: derived from the app's first key (APP_KEYS, a required
 * secret), so there is no new secret to manage and a token means nothing elsewhere.
 */
const tokenKey = (strapi: Core.Strapi) =>
  crypto.createHmac('sha256', String(strapi.config.get<string[] | undefined>('server.app.keys')?.[0] ?? '')).update('complaint-photo-upload-token').digest('base64url');

/** The token the upload answer gives with a photo id, to be sent back with it in POST /api/complaints. */
export const photoUploadToken = (strapi: Core.Strapi, id: number) => uploadToken(tokenKey(strapi), id);

/** True when this token was given with this photo id and has not expired. */
export const isOwnPhoto = (strapi: Core.Strapi, id: number, token: string) => validUploadToken(tokenKey(strapi), id, token);

/**
 * Photos uploaded for a complaint that was never filed: files of this upload flow older than
 * `maxAgeMs` that nothing references (no complaint, nor anything staff attached them to) are
 * deleted, a batch at a time. Returns how many were removed.
 */
export async function sweepUnattachedPhotos(strapi: Core.Strapi, maxAgeMs: number, batch = 200): Promise<number> {
  const cutoff = new Date(Date.now() - maxAgeMs);
  // A media field's links live in the upload plugin's morph join table (any content type, any field).
  const related = strapi.db.metadata.get('plugin::upload.file').attributes.related as { joinTable?: { name: string; joinColumn: { name: string } } };
  if (!related.joinTable) return 0;
  const { name: table, joinColumn } = related.joinTable;
  let removed = 0;
  let after = 0;
  // Through every old photo by id, a batch at a time: attached ones stay old forever and must not block the rest.
  for (;;) {
    const old = (await strapi.db.query('plugin::upload.file').findMany({
      where: { name: { $startsWith: PHOTO_PREFIX }, createdAt: { $lt: cutoff }, id: { $gt: after } },
      orderBy: [{ id: 'asc' }],
      limit: batch,
    })) as StoredFile[];
    if (!old.length) break;
    after = old[old.length - 1].id;
    const rows: Array<Record<string, unknown>> = await strapi.db.getConnection(table).whereIn(joinColumn.name, old.map((f) => f.id)).distinct(joinColumn.name);
    const linked = new Set(rows.map((r) => Number(r[joinColumn.name])));
    for (const file of old) {
      if (linked.has(file.id)) continue;
      await uploads(strapi).remove(file);
      removed++;
    }
    if (old.length < batch) break;
  }
  return removed;
}
