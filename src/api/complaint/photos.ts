import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { invalid } from '../../http/contract';
import { fieldMessage, type Language } from '../../http/messages';
import { MAX_PHOTOS, MAX_PHOTO_BYTES } from '../../shared/complaint-input';

export const PHOTO_PREFIX = 'complaint-photo-';
export { MAX_PHOTOS, MAX_PHOTO_BYTES };
const MAX_SIDE = 2048;
/** 50 megapixels: any phone camera's photo; a tiny file claiming more (a decompression bomb) is refused unread. */
export const MAX_PIXELS = 50_000_000;

/** The part of Strapi's upload service used here (typed `any` by Strapi). */
interface UploadService {
  upload(input: { data: Record<string, unknown>; files: Record<string, unknown> }): Promise<Array<{ id: number; url: string }>>;
  remove(file: { id: number }): Promise<unknown>;
}
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
