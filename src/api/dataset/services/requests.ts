import type { Core } from '@strapi/strapi';
import type { DatasetRequestInput } from '../../../shared/dataset-request';
import { bangkokYearBE, requestCode, requestCodePrefix, requestNumber } from '../domain/request-code';

const UID = 'api::dataset.dataset-request' as const;
const ATTEMPTS = 5;

/**
 * Requests for data the town has not published: stored for staff (the Content Manager lists them),
 * each with its own reference the requester can quote. Nothing of a request is public.
 */
const requests = ({ strapi }: { strapi: Core.Strapi }) => {
  // One reference at a time in this process, so two requests in the same instant never take the same number.
  let queue: Promise<unknown> = Promise.resolve();

  const nextCode = async (now: Date): Promise<string> => {
    const prefix = requestCodePrefix(bangkokYearBE(now));
    const last = (await strapi.db.query(UID).findOne({ where: { referenceCode: { $startsWith: prefix } }, orderBy: { id: 'desc' }, select: ['referenceCode'] })) as { referenceCode: string } | null;
    return requestCode(bangkokYearBE(now), requestNumber(last?.referenceCode ?? '', prefix) + 1);
  };

  const isTaken = async (referenceCode: string) => (await strapi.db.query(UID).count({ where: { referenceCode } })) > 0;

  async function store(input: DatasetRequestInput): Promise<{ referenceCode: string }> {
    const now = new Date();
    for (let attempt = 1; ; attempt++) {
      const referenceCode = await nextCode(now);
      try {
        await strapi.documents(UID).create({
          data: {
            referenceCode,
            title: input.title,
            description: input.description,
            purpose: input.purpose ?? undefined,
            requesterName: input.name ?? undefined,
            requesterEmail: input.email ?? undefined,
            organisation: input.organisation ?? undefined,
            state: 'received',
            receivedAt: now.toISOString(),
          },
        });
        return { referenceCode };
      } catch (err) {
        // Another process took the number between our read and our write: take the next one.
        if (attempt < ATTEMPTS && (await isTaken(referenceCode))) continue;
        throw err;
      }
    }
  }

  return {
    /** Stores a request in state `received` and answers its reference (DR-2569-0001). */
    create(input: DatasetRequestInput): Promise<{ referenceCode: string }> {
      const done = queue.then(() => store(input));
      queue = done.catch(() => undefined);
      return done;
    },
  };
};

export type RequestsService = ReturnType<typeof requests>;
export default requests;
