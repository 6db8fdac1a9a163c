import { factories, type Core } from '@strapi/strapi';
import { caseEngine } from '../../../../plugins/complaint-workflow/server/src/public';
import type { ComplaintRecord } from '../domain/public-view';
import type { ComplaintInput } from '../../../shared/complaint-input';
import { fieldRefusal } from '../../../http/contract';
import { PHOTO, isOwnPhoto, sweepUnattachedPhotos } from '../photos';
import { eraseExpiredComplaints } from '../retention';
import { DEFAULT_RETENTION_DAYS } from '../domain/retention';
import { notFixedRefusal, type NotFixedRefusal } from '../domain/not-fixed';

const UID = 'api::complaint.complaint';
const PUBLIC_POPULATE = {
  category: { fields: ['code', 'nameTh', 'nameEn', 'confidential'] },
  events: { fields: ['kind', 'toState', 'message', 'isPublic', 'at', 'actorType'] },
  photos: { select: ['id', 'kind'], orderBy: [{ id: 'asc' }] },
} as const;

interface CategoryRow {
  id: number;
  confidential?: boolean | null;
  defaultAssignee?: { id: number } | null;
}

/** What a channel knows of a complaint besides the citizen's input. */
export interface CitizenExtra {
  platformUserId?: string;
  pole?: number;
  /** The language the citizen filed in (the website's or the caller's); Thai by default. */
  language?: 'th' | 'en';
  /** The citizen account it was filed from (a valid Bearer on the filing), so it shows on their page. */
  owner?: number;
}

/** A complaint with what its public view needs (category and events). */
export type StoredComplaint = ComplaintRecord & { id?: number; confidential?: boolean | null; category?: (ComplaintRecord['category'] & { confidential?: boolean | null }) | null };

const methods = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Files a citizen's complaint and its first history event in one transaction. `extra.language` is
   * the language they filed in (their messages come in it); Thai when not given.
   */
  async createFromCitizen(input: ComplaintInput, channel: 'web' | 'open311' | 'line' | 'facebook' | 'pole' = 'web', extra: CitizenExtra = {}) {
    const lang = extra.language ?? 'th';
    const category = (await strapi.db
      .query('api::complaint-category.complaint-category')
      .findOne({ where: { code: input.category, active: true }, populate: { defaultAssignee: { select: ['id'] } } })) as CategoryRow | null;
    if (!category) throw fieldRefusal(['data', 'category'], 'unknown_category', lang);

    const photoIds = input.photos?.map((p) => p.id) ?? [];
    if (input.photos?.length) {
      // Only this client's uploads: the token came with the id in its own upload's answer.
      if (input.photos.some((p) => !isOwnPhoto(strapi, p.id, p.token))) throw fieldRefusal(['data', 'photos'], 'photo_not_yours', lang);
      // Only photos sent through POST /api/complaints/photos (rows of the private store), and not yet
      // another complaint's: a photo belongs to one case.
      const free = await strapi.db.query(PHOTO).count({ where: { id: { $in: photoIds }, complaint: { id: { $null: true } } } });
      if (free !== photoIds.length) throw fieldRefusal(['data', 'photos'], 'unknown_photo', lang);
    }

    // The engine sets the tracking code, state, receipt and due date, and writes the first event.
    const created = await caseEngine(strapi).create(
      'complaint',
      {
        category: category.id,
        title: input.title,
        description: input.description,
        lat: input.location?.lat,
        lng: input.location?.lng,
        address: input.address,
        village: input.village,
        photos: photoIds,
        channel,
        priority: 'normal',
        assignee: category.defaultAssignee?.id,
        confidential: Boolean(category.confidential),
        contactName: input.contact?.name,
        contactPhone: input.contact?.phone,
        contactEmail: input.contact?.email,
        consent: input.consent ?? false,
        platformUserId: extra.platformUserId,
        pole: extra.pole,
        language: extra.language === 'en' ? 'en' : 'th',
        owner: extra.owner ?? null,
      },
      { type: 'citizen' }
    );
    return { trackingCode: created.trackingCode, record: await this.findByTrackingCode(created.trackingCode) };
  },

  /** Deletes photos uploaded for a complaint never filed (older than `maxAgeMs`); how many went. */
  sweepUnattachedPhotos(maxAgeMs: number) {
    return sweepUnattachedPhotos(strapi, maxAgeMs);
  },

  /**
   * Erases the photos and personal data of complaints finished more than `days` ago
   * (COMPLAINT_RETENTION_DAYS by default); how many cases were erased.
   */
  eraseExpiredPersonalData(days: number = strapi.config.get<number>('server.complaintRetentionDays', DEFAULT_RETENTION_DAYS), now: Date = new Date()) {
    return eraseExpiredComplaints(strapi, days, now);
  },

  /**
   * The citizen's "not fixed": reopens the complaint through the case engine, as the citizen, with
   * their reason, when the rules allow (domain/not-fixed.ts), checked and changed in one transaction.
   * Null when there is no public complaint with this code.
   */
  async notFixed(trackingCode: string, reason: string, now: Date = new Date()): Promise<{ refusal: NotFixedRefusal } | { record: StoredComplaint } | null> {
    const found = await this.findByTrackingCode(trackingCode);
    if (!found?.id) return null;
    const id = found.id;
    const current = () => strapi.db.query(UID).findOne({ where: { id }, select: ['id', 'state', 'resolvedAt', 'notFixedAt'] }) as Promise<{ state: string; resolvedAt: string | null; notFixedAt: string | null }>;
    try {
      const refusal = await strapi.db.transaction(async () => {
        const refused = notFixedRefusal(await current(), now);
        if (refused) return refused;
        // The engine checks the state again: a case changed meanwhile is a conflict, not a second reopening.
        const c = await current();
        await caseEngine(strapi).transition('complaint', id, 'reopen', { type: 'citizen' }, { reason, expectedState: c.state });
        return null;
      });
      if (refusal) return { refusal };
    } catch (e) {
      if ((e as Error).name !== 'ConflictError') throw e;
      return { refusal: notFixedRefusal(await current(), now) ?? 'not_resolved' };
    }
    return { record: (await this.findByTrackingCode(trackingCode))! };
  },

  /** The record behind a public view; null when unknown or confidential (never shown publicly). */
  async findByTrackingCode(trackingCode: string): Promise<StoredComplaint | null> {
    const c = (await strapi.db.query(UID).findOne({ where: { trackingCode }, populate: PUBLIC_POPULATE })) as StoredComplaint | null;
    if (!c || c.confidential || c.category?.confidential) return null;
    return c;
  },
});

export type ComplaintService = ReturnType<typeof methods>;
export default factories.createCoreService(UID, methods);
