import crypto from 'crypto';
import fs from 'fs';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { invalid } from '../../http/contract';
import { fieldMessage, type Language } from '../../http/messages';
import { MAX_PHOTOS, MAX_PHOTO_BYTES } from '../../shared/complaint-input';
import { uploadToken, validUploadToken } from './domain/upload-token';
import { newPhotoKey, oldFiles, openPhotoFile, photoDir, removePhotoFiles, writePhotoFiles, type PhotoSize } from './photo-files';

/**
 * Citizens' complaint photos: checked, re-encoded and kept in private storage (photo-files.ts) as
 * `api::complaint-photo.complaint-photo` rows, never in Strapi's Media Library, where any clerk could
 * pick one as a news cover and anyone with its URL could fetch it.
 */
export const PHOTO = 'api::complaint-photo.complaint-photo';
export { MAX_PHOTOS, MAX_PHOTO_BYTES };
const MAX_SIDE = 2048;
/** The case page's thumbnails: small enough for a list of them on a slow office connection. */
export const THUMB_SIDE = 320;
/** 50 megapixels: any phone camera's photo; a tiny file claiming more (a decompression bomb) is refused unread. */
export const MAX_PIXELS = 50_000_000;
const FORMATS = new Set(['jpeg', 'png', 'webp', 'heif', 'avif', 'gif', 'tiff']);

export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/** A citizen's photo of the problem (`before`) or staff's photo of the fix (`after`). */
export type PhotoKind = 'before' | 'after';

/** A stored photo as its row holds it. */
export interface PhotoRow {
  id: number;
  key: string;
}

/** A photo ready to store: the JPEG, its thumbnail and its size in pixels. */
export interface EncodedPhoto {
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

// Multipart parts may reach us in any order, so an error names the file, not its position.
const photoError = (file: IncomingFile, code: string, lang: Language) => {
  const name = file.originalFilename ? `${String(file.originalFilename).replace(/[^\p{L}\p{N} ._()-]/gu, '').slice(0, 80)}: ` : '';
  return invalid([{ path: ['files'], code, message: `${name}${fieldMessage(code, lang)}` }], lang);
};

const thumbnailOf = (jpeg: Buffer) =>
  sharp(jpeg).resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 70, mozjpeg: true }).toBuffer();

/**
 * Re-encodes an image to JPEG: EXIF (GPS included) gone, the longest side at most 2048 px, and a
 * thumbnail. Throws sharp's error for an unreadable image.
 */
export async function encodeImage(input: string | Buffer): Promise<EncodedPhoto> {
  // rotate() applies the EXIF orientation before the metadata is dropped (sharp keeps none by default).
  const { data, info } = await sharp(input, { failOn: 'error', limitInputPixels: MAX_PIXELS })
    .rotate()
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { full: data, thumb: await thumbnailOf(data), width: info.width, height: info.height };
}

/**
 * A citizen's photo checked by content (not by the name or type the phone claims): an image format,
 * at most MAX_PHOTO_BYTES and 50 megapixels (judged from the header before decoding), then encoded.
 */
async function checkAndEncode(file: IncomingFile, lang: Language): Promise<EncodedPhoto> {
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
  return encodeImage(file.filepath).catch(() => {
    throw photoError(file, 'unreadable_image', lang);
  });
}

/**
 * Stores encoded photos: files first, then their rows (linked to `complaint` when given). All or
 * nothing: if one fails, the rows and files of the others are removed too.
 */
export async function savePhotos(strapi: Core.Strapi, photos: EncodedPhoto[], complaint?: number, kind: PhotoKind = 'before'): Promise<PhotoRow[]> {
  const dir = photoDir(strapi);
  const written: string[] = [];
  const rows: PhotoRow[] = [];
  try {
    for (const p of photos) {
      const key = newPhotoKey();
      await writePhotoFiles(dir, key, { full: p.full, thumb: p.thumb });
      written.push(key);
      const row = (await strapi.db.query(PHOTO).create({
        data: { key, mime: 'image/jpeg', size: p.full.length, width: p.width, height: p.height, kind, ...(complaint ? { complaint } : {}) },
        select: ['id', 'key'],
      })) as PhotoRow;
      rows.push(row);
    }
  } catch (err) {
    for (const row of rows) await strapi.db.query(PHOTO).delete({ where: { id: row.id } }).catch(() => undefined);
    for (const key of written) await removePhotoFiles(dir, key);
    throw err;
  }
  return rows;
}

/**
 * A citizen's photos (the website's upload, a chat's picture): every one is checked and encoded
 * before any is stored, so a bad third photo stores nothing. Answers the new rows' ids.
 */
export async function storeComplaintPhotos(strapi: Core.Strapi, files: IncomingFile[], lang: Language, complaint?: number): Promise<Array<{ id: number }>> {
  // The route's contract already refused no file and too many.
  const encoded: EncodedPhoto[] = [];
  for (const file of files) encoded.push(await checkAndEncode(file, lang));
  return (await savePhotos(strapi, encoded, complaint)).map(({ id }) => ({ id }));
}

/**
 * Staff's "after" photos of a complaint (the proof of the fix), from the case page: checked and
 * encoded like a citizen's, all or nothing, linked to the complaint at once. Answers how many.
 */
export async function storeAfterPhotos(strapi: Core.Strapi, complaint: number, files: IncomingFile[], lang: Language): Promise<number> {
  if (files.length > MAX_PHOTOS) throw invalid([{ path: ['files'], code: 'too_many', message: fieldMessage('too_many', lang) }], lang);
  const encoded: EncodedPhoto[] = [];
  for (const file of files) encoded.push(await checkAndEncode(file, lang));
  return (await savePhotos(strapi, encoded, complaint, 'after')).length;
}

/** Deletes photo rows, then their files (a file without a row is swept later; a row without a file is not). */
export async function removePhotos(strapi: Core.Strapi, rows: PhotoRow[]): Promise<void> {
  // One by one: delete() also removes the row's link to its complaint, deleteMany() would leave it.
  for (const row of rows) await strapi.db.query(PHOTO).delete({ where: { id: row.id } });
  await removePhotoFileSets(strapi, rows.map((r) => r.key));
}

/** Removes the files of photos whose rows are already gone. */
export async function removePhotoFileSets(strapi: Core.Strapi, keys: string[]): Promise<void> {
  const dir = photoDir(strapi);
  for (const key of keys) await removePhotoFiles(dir, key);
}

/** A complaint's photo (or its thumbnail) to stream to staff; null unless the photo belongs to that complaint. */
export async function openComplaintPhoto(strapi: Core.Strapi, complaintId: number, photoId: number, size: PhotoSize) {
  const row = (await strapi.db.query(PHOTO).findOne({ where: { id: photoId, complaint: { id: complaintId } }, select: ['key', 'mime'] })) as { key: string; mime: string } | null;
  if (!row) return null;
  const file = await openPhotoFile(photoDir(strapi), row.key, size);
  return file && { ...file, contentType: 'image/jpeg' };
}

/**
 * The key upload tokens are signed with: derived from the app's first key (APP_KEYS, a required
 * secret), so there is no new secret to manage and a token means nothing elsewhere. The label names
 * the private storage: ids restarted with it, so a token given for a Media Library file id before
 * the move fits no photo now.
 */
const tokenKey = (strapi: Core.Strapi) =>
  crypto.createHmac('sha256', String(strapi.config.get<string[] | undefined>('server.app.keys')?.[0] ?? '')).update('complaint-photo-upload-token:private-storage').digest('base64url');

/** The token the upload answer gives with a photo id, to be sent back with it in POST /api/complaints. */
export const photoUploadToken = (strapi: Core.Strapi, id: number) => uploadToken(tokenKey(strapi), id);

/** True when this token was given with this photo id and has not expired. */
export const isOwnPhoto = (strapi: Core.Strapi, id: number, token: string) => validUploadToken(tokenKey(strapi), id, token);

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Photos uploaded for a complaint that was never filed: rows no complaint names, older than
 * `maxAgeMs`, are deleted with their files, a batch at a time; then files older than that with no
 * row at all (left by a rolled-back chat event or a crash). Returns how many photos went.
 */
export async function sweepUnattachedPhotos(strapi: Core.Strapi, maxAgeMs: number, batch = 200): Promise<number> {
  const cutoff = new Date(Date.now() - maxAgeMs);
  let removed = 0;
  let after = 0;
  for (;;) {
    const old = (await strapi.db.query(PHOTO).findMany({
      where: { complaint: { id: { $null: true } }, createdAt: { $lt: cutoff }, id: { $gt: after } },
      select: ['id', 'key'],
      orderBy: [{ id: 'asc' }],
      limit: batch,
    })) as PhotoRow[];
    if (!old.length) break;
    after = old[old.length - 1].id;
    await removePhotos(strapi, old);
    removed += old.length;
    if (old.length < batch) break;
    await yieldToRequests();
  }

  const dir = photoDir(strapi);
  const { keys, leftovers } = await oldFiles(dir, cutoff);
  for (const file of leftovers) await fs.promises.rm(file, { force: true });
  for (let i = 0; i < keys.length; i += 500) {
    const some = keys.slice(i, i + 500);
    const known = new Set(((await strapi.db.query(PHOTO).findMany({ where: { key: { $in: some } }, select: ['key'] })) as Array<{ key: string }>).map((r) => r.key));
    for (const key of some.filter((k) => !known.has(k))) {
      await removePhotoFiles(dir, key);
      removed++;
    }
  }
  return removed;
}
