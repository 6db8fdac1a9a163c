import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { HEAD_BYTES, sniffFile, type FileType } from '../../shared/e-form-rules';
import { FILE_MEDIA } from '../../shared/e-form-rules';
import { MAX_PIXELS } from '../complaint/photos';
import type { StoredFileMeta } from './domain/answers-view';

/**
 * The documents citizens attach to e-service forms (ID card copies, house registrations, plans):
 * kept in private storage, `<PRIVATE_FILES_DIR>/e-service-files/<key>`, never in the Media Library,
 * where any clerk could pick one and anyone with its URL could fetch it. Nothing serves this folder;
 * staff download a file through the case engine's file route, which checks that they may read the
 * request. The key is 128 random bits. PDFs are kept as sent; images are re-encoded in their own
 * format, which drops their metadata (a phone photo's GPS position).
 */

const KEY = /^[0-9a-f]{32}$/;

export function fileDir(strapi: Core.Strapi): string {
  const base = path.resolve(strapi.dirs.app.root, strapi.config.get<string>('server.privateFilesDir', 'private'));
  return path.join(base, 'e-service-files');
}

/** Creates the folder (the app's user only); a private folder inside the public one stops the start. */
export function prepareFileDir(strapi: Core.Strapi): string {
  const dir = fileDir(strapi);
  const inside = path.relative(path.resolve(strapi.dirs.static.public), dir);
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) throw new Error(`PRIVATE_FILES_DIR (${path.dirname(dir)}) is inside the public folder: choose a folder outside it`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

const filePath = (dir: string, key: string) => {
  if (!KEY.test(key)) throw new Error('not an e-service file key');
  return path.join(dir, key);
};

/** The first bytes of an uploaded file, to tell what it is. */
export async function readHead(filepath: string): Promise<Uint8Array> {
  const handle = await fs.promises.open(filepath, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return new Uint8Array(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** An uploaded file on its way to storage. */
export interface Upload {
  field: string;
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/** A file ready to store: its bytes and what they are. */
export interface PreparedFile {
  field: string;
  name: string;
  type: FileType;
  bytes: Buffer;
}

const cleanName = (name: string | null | undefined, type: FileType) => {
  const base = String(name ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N} ._()-]/gu, '')
    .trim()
    .slice(0, 100);
  return base || `file.${type === 'jpeg' ? 'jpg' : type}`;
};

/**
 * Reads an upload that `checkFiles` accepted: a PDF as it is, an image re-encoded (EXIF dropped).
 * Null when the image cannot be decoded or claims too many pixels (the caller refuses it as `file_type`).
 */
export async function prepareFile(upload: Upload): Promise<PreparedFile | null> {
  const type = sniffFile(await readHead(upload.filepath));
  if (!type) return null;
  const name = cleanName(upload.originalFilename, type);
  if (type === 'pdf') return { field: upload.field, name, type, bytes: await fs.promises.readFile(upload.filepath) };
  try {
    const meta = await sharp(upload.filepath).metadata();
    if ((meta.width ?? 0) * (meta.height ?? 0) * (meta.pages ?? 1) > MAX_PIXELS) return null;
    // rotate() applies the EXIF orientation before the metadata goes (sharp keeps none by default).
    const image = sharp(upload.filepath, { failOn: 'error', limitInputPixels: MAX_PIXELS }).rotate();
    const bytes = await (type === 'png' ? image.png() : type === 'webp' ? image.webp({ quality: 90 }) : image.jpeg({ quality: 90 })).toBuffer();
    return { field: upload.field, name, type, bytes };
  } catch {
    return null;
  }
}

/** Writes prepared files (each under a temporary name, then renamed); if one fails, none stays. */
export async function storeFiles(strapi: Core.Strapi, files: PreparedFile[]): Promise<StoredFileMeta[]> {
  const dir = fileDir(strapi);
  const stored: StoredFileMeta[] = [];
  try {
    for (const f of files) {
      const key = crypto.randomBytes(16).toString('hex');
      const tmp = path.join(dir, `.tmp-${crypto.randomBytes(6).toString('hex')}`);
      try {
        await fs.promises.writeFile(tmp, f.bytes, { flag: 'wx', mode: 0o600 });
        await fs.promises.rename(tmp, filePath(dir, key));
      } finally {
        await fs.promises.rm(tmp, { force: true });
      }
      stored.push({ key, field: f.field, name: f.name, size: f.bytes.length, mime: FILE_MEDIA[f.type] });
    }
  } catch (err) {
    await removeFiles(strapi, stored.map((s) => s.key));
    throw err;
  }
  return stored;
}

export async function removeFiles(strapi: Core.Strapi, keys: string[]): Promise<void> {
  const dir = fileDir(strapi);
  for (const key of keys) if (KEY.test(key)) await fs.promises.rm(filePath(dir, key), { force: true });
}

/** How many files the folder holds (tests count them before and after a refusal). */
export async function countFiles(strapi: Core.Strapi): Promise<number> {
  const names = await fs.promises.readdir(fileDir(strapi)).catch(() => [] as string[]);
  return names.filter((n) => KEY.test(n)).length;
}

/** A request's file to stream to staff; null unless the request lists it. */
export async function openSubmissionFile(strapi: Core.Strapi, submissionId: number, key: string) {
  if (!KEY.test(key)) return null;
  const row = (await strapi.db.query('api::e-form-submission.e-form-submission').findOne({ where: { id: submissionId }, select: ['id', 'files'] })) as { files?: unknown } | null;
  const meta = (Array.isArray(row?.files) ? (row.files as StoredFileMeta[]) : []).find((f) => f.key === key);
  if (!meta) return null;
  const file = filePath(fileDir(strapi), key);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) return null;
  return { body: fs.createReadStream(file), size: stat.size, contentType: meta.mime, filename: meta.name };
}
