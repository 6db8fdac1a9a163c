import type { Core } from '@strapi/strapi';
import { caseEngine } from '../../../plugins/complaint-workflow/server/src/public';
import { ERASED, hasPersonalFields, holdsPersonalData, isPastRetention, pastRetention, retentionCutoff } from './domain/retention';
import { PHOTO, removePhotoFileSets, type PhotoRow } from './photos';

const COMPLAINT = 'api::complaint.complaint';
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The daily retention sweep: every complaint past retention (domain/retention.ts) loses its photos
 * (rows, then files once that is committed) and its personal fields, and its history gets one
 * event by the system saying so; the case stays for the statistics. A batch at a time, one case per
 * transaction, with turns of the event loop between them. Idempotent: an erased case holds nothing
 * more to erase, so it is not picked again. Returns how many cases were erased.
 */
export async function eraseExpiredComplaints(strapi: Core.Strapi, days: number, now: Date = new Date(), batch = 50): Promise<number> {
  const cutoff = retentionCutoff(now, days);
  let erased = 0;
  let after = 0;
  for (;;) {
    const due = (await strapi.db.query(COMPLAINT).findMany({
      where: { $and: [{ id: { $gt: after } }, pastRetention(cutoff), holdsPersonalData()] },
      select: ['id'],
      orderBy: [{ id: 'asc' }],
      limit: batch,
    })) as Array<{ id: number }>;
    if (!due.length) break;
    // The photo condition joins: a case with several photos may come more than once.
    const ids = [...new Set(due.map((c) => c.id))];
    after = Math.max(...ids);
    for (const id of ids) {
      let keys: string[] = [];
      const done = await caseEngine(strapi).erasePersonalData('complaint', id, async (record) => {
        // Checked again inside the transaction: staff may have reopened the case since the query.
        if (!isPastRetention(record, now, days)) return false;
        const photos = (await strapi.db.query(PHOTO).findMany({ where: { complaint: { id } }, select: ['id', 'key'] })) as PhotoRow[];
        if (!photos.length && !hasPersonalFields(record)) return false;
        for (const p of photos) await strapi.db.query(PHOTO).delete({ where: { id: p.id } });
        await strapi.db.query(COMPLAINT).update({ where: { id }, data: ERASED });
        keys = photos.map((p) => p.key);
        return true;
      });
      if (done) {
        await removePhotoFileSets(strapi, keys);
        erased++;
      }
      await yieldToRequests();
    }
    if (due.length < batch) break;
  }
  return erased;
}
