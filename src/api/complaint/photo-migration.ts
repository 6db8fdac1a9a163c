import fs from 'fs';
import path from 'path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { encodeImage, savePhotos, THUMB_SIDE, type EncodedPhoto } from './photos';

/**
 * Complaint photos used to be Media Library files (named `complaint-photo-….jpg`, linked to the
 * complaint's old media field `photos`). At every start, before anything reads photos, each such
 * file still linked to a complaint is copied into the private store as that complaint's photo and
 * removed from the Media Library; one linked to no complaint is removed. Nothing to move: nothing
 * is done. A file used elsewhere only (a clerk made it a news cover) is left where it is, with a
 * warning, so no published page loses its picture without a person deciding.
 */
export const OLD_PREFIX = 'complaint-photo-';
const FILE = 'plugin::upload.file';
const COMPLAINT = 'api::complaint.complaint';
/** The old media field's name: the morph table's `field` column names it. */
const OLD_FIELD = 'photos';

interface UploadedFile {
  id: number;
  name: string;
  url: string;
  provider?: string | null;
  createdAt?: string | Date;
  [key: string]: unknown;
}

/** The part of Strapi's upload service used here (typed `any` by Strapi). */
interface UploadService {
  remove(file: UploadedFile): Promise<unknown>;
}

/** The database's transaction handle (knex's), as Strapi's query builder takes it. */
type Transaction = Parameters<ReturnType<Core.Strapi['db']['getConnection']>['transacting']>[0];

interface MorphTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
}

export interface MigrationSummary {
  moved: number;
  removed: number;
  kept: number;
}

/** The bytes of a Media Library file: from the public folder for the local provider, else from its URL. */
async function readUploaded(strapi: Core.Strapi, file: UploadedFile): Promise<Buffer> {
  if (/^https?:\/\//i.test(file.url)) {
    const res = await fetch(file.url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }
  const publicDir = path.resolve(strapi.dirs.static.public);
  const local = path.resolve(publicDir, `.${file.url.split('?')[0]}`);
  if (path.relative(publicDir, local).startsWith('..')) throw new Error('the file is outside the public folder');
  return fs.promises.readFile(local);
}

/**
 * The old photo as the private store keeps photos. It was already re-encoded when uploaded (JPEG, no
 * EXIF, at most 2048 px): such bytes are kept as they are, anything else is encoded again.
 */
async function asStoredPhoto(bytes: Buffer): Promise<EncodedPhoto> {
  const meta = await sharp(bytes).metadata();
  if (meta.format === 'jpeg' && !meta.exif && meta.width && meta.height && Math.max(meta.width, meta.height) <= 2048 && (meta.orientation ?? 1) === 1) {
    const thumb = await sharp(bytes).resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 70, mozjpeg: true }).toBuffer();
    return { full: bytes, thumb, width: meta.width, height: meta.height };
  }
  return encodeImage(bytes);
}

export async function moveUploadedComplaintPhotos(strapi: Core.Strapi, batch = 50): Promise<MigrationSummary> {
  const summary: MigrationSummary = { moved: 0, removed: 0, kept: 0 };
  const related = strapi.db.metadata.get(FILE).attributes.related as { joinTable?: MorphTable };
  const uploads = strapi.plugin('upload').service<UploadService>('upload');
  const morph = related.joinTable;
  if (!morph) {
    // Without the link table every old photo would look unlinked and be deleted: do nothing instead.
    strapi.log.warn('complaint photo migration: the Media Library has no link table; old complaint photos were not looked at');
    return summary;
  }
  let after = 0;
  for (;;) {
    const old = (await strapi.db.query(FILE).findMany({
      where: { name: { $startsWith: OLD_PREFIX }, id: { $gt: after } },
      orderBy: [{ id: 'asc' }],
      limit: batch,
    })) as UploadedFile[];
    if (!old.length) break;
    after = old[old.length - 1].id;
    const links = (await strapi.db
      .getConnection(morph.name)
      .whereIn(morph.joinColumn.name, old.map((f) => f.id))
      .orderBy('order', 'asc')) as Array<Record<string, unknown>>;
    const complaintIds = links.filter((l) => l[morph.morphColumn.typeColumn.name] === COMPLAINT && l.field === OLD_FIELD).map((l) => Number(l[morph.morphColumn.idColumn.name]));
    const existing = new Set(
      complaintIds.length
        ? ((await strapi.db.query(COMPLAINT).findMany({ where: { id: { $in: [...new Set(complaintIds)] } }, select: ['id'] })) as Array<{ id: number }>).map((c) => c.id)
        : []
    );

    for (const file of old) {
      const mine = links.filter((l) => Number(l[morph.joinColumn.name]) === file.id);
      const isComplaintLink = (l: Record<string, unknown>) => l[morph.morphColumn.typeColumn.name] === COMPLAINT && l.field === OLD_FIELD;
      const complaint = mine.filter(isComplaintLink).map((l) => Number(l[morph.morphColumn.idColumn.name])).find((id) => existing.has(id));
      const elsewhere = mine.filter((l) => !isComplaintLink(l));
      if (complaint) {
        let photo: EncodedPhoto;
        try {
          photo = await asStoredPhoto(await readUploaded(strapi, file));
        } catch (e) {
          // Kept for the next start: a store that did not answer now may answer then.
          strapi.log.warn(`complaint photo migration: file ${file.id} (${file.name}) of complaint ${complaint} could not be read (${(e as Error).message}); left in the Media Library`);
          summary.kept++;
          continue;
        }
        // The private copy and the end of the old link together: a crash after this leaves an
        // unlinked old file, which the next start removes.
        await strapi.db.transaction(async ({ trx }: { trx: Transaction }) => {
          await savePhotos(strapi, [photo], complaint);
          // getConnection() is outside the transaction: the link goes through the transaction's own.
          await strapi.db.getConnection(morph.name).transacting(trx).where(morph.joinColumn.name, file.id).andWhere(morph.morphColumn.typeColumn.name, COMPLAINT).del();
        });
        if (elsewhere.length) strapi.log.warn(`complaint photo migration: file ${file.id} (${file.name}) was also used outside its complaint; it is now private to the complaint and removed from the Media Library`);
        summary.moved++;
      } else if (elsewhere.length) {
        strapi.log.warn(`complaint photo migration: file ${file.id} (${file.name}) belongs to no complaint but is used elsewhere (a news cover?): left in the Media Library; replace it and delete it there`);
        summary.kept++;
        continue;
      } else {
        summary.removed++;
      }
      await uploads.remove(file);
    }
    if (old.length < batch) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (summary.moved || summary.removed) {
    strapi.log.info(`Complaint photos moved out of the Media Library: ${summary.moved} into private storage, ${summary.removed} unattached removed`);
  }
  return summary;
}
