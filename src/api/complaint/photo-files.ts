import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Readable } from 'stream';
import type { Core } from '@strapi/strapi';

/**
 * Where citizens' complaint photos live on disk: `<PRIVATE_FILES_DIR>/complaint-photos/<key>.jpg`
 * and its thumbnail `<key>.thumb.jpg`. Nothing serves this folder; staff get a photo only through
 * the case engine's admin route, which checks that they may read the case. The key is 128 random
 * bits, so a file name says nothing and cannot be guessed.
 */
export type PhotoSize = 'full' | 'thumb';

const KEY = /^[0-9a-f]{32}$/;
const FILE = /^([0-9a-f]{32})(\.thumb)?\.jpg$/;

export const newPhotoKey = (): string => crypto.randomBytes(16).toString('hex');

/** The folder of complaint photos (PRIVATE_FILES_DIR, relative to the app's root, then complaint-photos/). */
export function photoDir(strapi: Core.Strapi): string {
  const base = path.resolve(strapi.dirs.app.root, strapi.config.get<string>('server.privateFilesDir', 'private'));
  return path.join(base, 'complaint-photos');
}

/**
 * Creates the folder (readable by the app's user only) and refuses a private folder inside the public
 * one, whose files anyone could fetch by URL: a misconfiguration must stop the start, not leak photos.
 */
export function preparePhotoDir(strapi: Core.Strapi): string {
  const dir = photoDir(strapi);
  const publicDir = path.resolve(strapi.dirs.static.public);
  const inside = path.relative(publicDir, dir);
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
    throw new Error(`PRIVATE_FILES_DIR (${path.dirname(dir)}) is inside the public folder (${publicDir}), which is served to anyone: choose a folder outside it`);
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** A photo file's path; the key is checked, so a tampered row can never point outside the folder. */
export function photoPath(dir: string, key: string, size: PhotoSize): string {
  if (!KEY.test(key)) throw new Error('not a complaint photo key');
  return path.join(dir, size === 'thumb' ? `${key}.thumb.jpg` : `${key}.jpg`);
}

/**
 * Writes a photo and its thumbnail. Each is written under a temporary name and renamed, so a crash
 * never leaves half a JPEG under a photo's name; if either fails, neither stays.
 */
export async function writePhotoFiles(dir: string, key: string, files: Record<PhotoSize, Buffer>): Promise<void> {
  const done: string[] = [];
  try {
    for (const size of ['full', 'thumb'] as const) {
      const target = photoPath(dir, key, size);
      const tmp = path.join(dir, `.tmp-${crypto.randomBytes(6).toString('hex')}`);
      try {
        await fs.promises.writeFile(tmp, files[size], { flag: 'wx', mode: 0o600 });
        await fs.promises.rename(tmp, target);
      } finally {
        await fs.promises.rm(tmp, { force: true });
      }
      done.push(target);
    }
  } catch (err) {
    for (const file of done) await fs.promises.rm(file, { force: true });
    throw err;
  }
}

/** Removes a photo's files (either may already be gone). */
export async function removePhotoFiles(dir: string, key: string): Promise<void> {
  if (!KEY.test(key)) return;
  for (const size of ['full', 'thumb'] as const) await fs.promises.rm(photoPath(dir, key, size), { force: true });
}

/** A stored photo to stream: the bytes and their length; null when the file is not there. */
export async function openPhotoFile(dir: string, key: string, size: PhotoSize): Promise<{ body: Readable; size: number } | null> {
  for (const candidate of size === 'thumb' ? (['thumb', 'full'] as const) : (['full'] as const)) {
    const file = photoPath(dir, key, candidate);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat?.isFile()) return { body: fs.createReadStream(file), size: stat.size };
  }
  return null;
}

/**
 * What lies in the folder older than `cutoff`: each photo key with files, and leftovers of an
 * interrupted write. The sweep compares the keys with the rows, so files whose row was rolled back
 * (a chat event that failed after its photo was written) do not stay forever.
 */
export async function oldFiles(dir: string, cutoff: Date): Promise<{ keys: string[]; leftovers: string[] }> {
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  const keys = new Set<string>();
  const leftovers: string[] = [];
  for (const name of names) {
    const stat = await fs.promises.stat(path.join(dir, name)).catch(() => null);
    if (!stat?.isFile() || stat.mtime >= cutoff) continue;
    const m = FILE.exec(name);
    if (m) keys.add(m[1]);
    else if (name.startsWith('.tmp-')) leftovers.push(path.join(dir, name));
  }
  return { keys: [...keys], leftovers };
}
