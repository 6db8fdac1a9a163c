import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Readable } from 'stream';
import { newPhotoKey, oldFiles, openPhotoFile, photoPath, removePhotoFiles, writePhotoFiles } from '../../../../../src/api/complaint/photo-files';

const read = async (stream?: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream ?? []) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
};

describe('complaint photo files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-photo-files-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names each photo by an unguessable key and never builds a path from anything else', () => {
    const a = newPhotoKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newPhotoKey()).not.toBe(a);
    expect(photoPath(dir, a, 'full')).toBe(path.join(dir, `${a}.jpg`));
    expect(photoPath(dir, a, 'thumb')).toBe(path.join(dir, `${a}.thumb.jpg`));
    for (const bad of ['../../etc/passwd', '', 'ABCDEF', `${a}/x`]) expect(() => photoPath(dir, bad, 'full')).toThrow();
  });

  it('writes a photo with its thumbnail, streams either, and removes both', async () => {
    const key = newPhotoKey();
    await writePhotoFiles(dir, key, { full: Buffer.from('full'), thumb: Buffer.from('th') });
    expect(fs.readdirSync(dir).sort()).toEqual([`${key}.jpg`, `${key}.thumb.jpg`]);
    const thumb = await openPhotoFile(dir, key, 'thumb');
    expect(thumb?.size).toBe(2);
    expect(await read(thumb?.body)).toBe('th');
    expect(await read((await openPhotoFile(dir, key, 'full'))?.body)).toBe('full');
    // A photo whose thumbnail is missing still shows, whole.
    fs.rmSync(photoPath(dir, key, 'thumb'));
    const fallback = await openPhotoFile(dir, key, 'thumb');
    expect(fallback?.size).toBe(4);
    expect(await read(fallback?.body)).toBe('full');
    await removePhotoFiles(dir, key);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await openPhotoFile(dir, key, 'full')).toBeNull();
  });

  it('leaves no file behind when a write fails', async () => {
    const key = newPhotoKey();
    // The thumbnail's name is taken by a folder: its rename fails after the photo itself was written.
    fs.mkdirSync(photoPath(dir, key, 'thumb'));
    await expect(writePhotoFiles(dir, key, { full: Buffer.from('full'), thumb: Buffer.from('th') })).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual([`${key}.thumb.jpg`]);
  });

  it('lists the keys and interrupted writes older than a cutoff, for the sweep to compare with the rows', async () => {
    const old = newPhotoKey();
    const fresh = newPhotoKey();
    await writePhotoFiles(dir, old, { full: Buffer.from('a'), thumb: Buffer.from('b') });
    await writePhotoFiles(dir, fresh, { full: Buffer.from('a'), thumb: Buffer.from('b') });
    fs.writeFileSync(path.join(dir, '.tmp-abc'), 'half');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    const past = new Date(Date.now() - 3 * 3600_000);
    for (const name of [`${old}.jpg`, `${old}.thumb.jpg`, '.tmp-abc', 'notes.txt']) fs.utimesSync(path.join(dir, name), past, past);
    const found = await oldFiles(dir, new Date(Date.now() - 3600_000));
    expect(found).toEqual({ keys: [old], leftovers: [path.join(dir, '.tmp-abc')] });
    expect(await oldFiles(path.join(dir, 'missing'), new Date())).toEqual({ keys: [], leftovers: [] });
  });
});
