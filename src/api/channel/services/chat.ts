import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { publicUrl } from '../../../public-url';
import { z } from 'zod';
import { THAILAND, complaintInput } from '../../../shared/complaint-input';
import { trackingLink } from '../../complaint/domain/notices';
import { OPEN_STATES, STATE_LABELS, type ComplaintState as State } from '../../complaint/workflow';
import { PHOTO, storeComplaintPhotos } from '../../complaint/photos';
import { CHANNEL_MESSAGES, isStatusQuery, type RenderText } from '../domain/bot-texts';
import { formatDate, languageOf, messagesOf } from '../../../shared/messages';
import type { ComplaintService } from '../../complaint/services/complaint';
import { caseEngine, channelsOf } from '../../../../plugins/complaint-workflow/server/src/public';
import type { InboxService } from './inbox';
import type { Platform } from '../domain/platform';

const COMPLAINT = 'api::complaint.complaint';
const MAX_PHOTOS_PER_CASE = 10;

export type { Platform };

/** One user in one chat app, and how to answer them there right now. */
export interface Conversation {
  platform: Platform;
  userId: string;
  say: (text: string) => Promise<void>;
}

/** The fields of a complaint this service reads. */
interface ChatCase {
  id: number;
  trackingCode: string;
  state: string;
  dueAt?: string | Date | null;
  /** The language the case was filed in: the bot answers in it (chat cases are Thai). */
  language?: string | null;
  address?: string | null;
  photos?: Array<{ id: number }> | null;
}

/**
 * Chat apps as a complaint channel, whatever the app: a user's first message opens a case, later
 * ones (text, photo, location) add to it while it is open, "สถานะ" asks for its status. The LINE and
 * Facebook services only translate their webhooks into these calls, which the inbox runs inside the
 * event's transaction (so `say` only queues the answer; it is sent once that commits).
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get<{ defaultCategory: string }>('channels');
  const engine = () => caseEngine(strapi);
  const say: RenderText = (key, vars, lang) => channelsOf(strapi).render(key, vars, lang);
  /** What the chat writes into a case is for staff, in their working language. */
  const forStaff = messagesOf(CHANNEL_MESSAGES, 'th');

  const trackLink = (code: string, lang: 'th' | 'en') => trackingLink(publicUrl(strapi), code, lang);

  const findCase = (c: Conversation, openOnly: boolean) =>
    strapi.db.query(COMPLAINT).findOne({
      where: { platformUserId: c.userId, channel: c.platform, ...(openOnly ? { state: { $in: OPEN_STATES } } : {}) },
      orderBy: [{ id: 'desc' }],
      populate: { photos: { select: ['id'] } },
    }) as Promise<ChatCase | null>;

  /** The user's open case, or a new one opened with this description (and the user is told its code). */
  async function caseFor(c: Conversation, description: string) {
    const open = await findCase(c, true);
    if (open) return { record: open, created: false };
    // Chat apps pass on what people paste (a soft line break is a control character): spaces instead,
    // so a message is never lost to a rule meant for forms.
    // eslint-disable-next-line no-control-regex -- replacing control characters is the point
    const text = description.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ').slice(0, 5000);
    const parsed = z.safeParse(complaintInput, { category: settings().defaultCategory, description: text });
    // Retrying cannot change the message: the event fails at once.
    if (!parsed.success) throw Object.assign(new Error(`a ${c.platform} message could not open a complaint: ${z.prettifyError(parsed.error)}`), { permanent: true });
    const value = parsed.data;
    const { trackingCode } = await (strapi.service(COMPLAINT) as ComplaintService).createFromCitizen(value, c.platform, { platformUserId: c.userId });
    const record = (await strapi.db.query(COMPLAINT).findOne({ where: { trackingCode }, populate: { photos: { select: ['id'] } } })) as ChatCase | null;
    if (!record) throw new Error(`the ${c.platform} complaint ${trackingCode} was filed but cannot be read back`);
    const lang = languageOf(record.language);
    await c.say(say('opened', { code: trackingCode, due: formatDate(record.dueAt, lang), link: trackLink(trackingCode, lang) }, lang));
    return { record, created: true };
  }

  return {
    async welcome(c: Conversation) {
      const town = (await strapi.db.query('api::municipality.municipality').findOne({ select: ['nameTh'] })) as { nameTh?: string | null } | null;
      await c.say(say('welcome', { town: town?.nameTh || forStaff('bot.townFallback') }));
    },

    async text(c: Conversation, body: string) {
      if (isStatusQuery(body)) {
        const latest = await findCase(c, false);
        if (!latest) {
          await c.say(say('noCase'));
          return;
        }
        const lang = languageOf(latest.language);
        await c.say(say('status', { code: latest.trackingCode, state: STATE_LABELS[latest.state as State]?.[lang] ?? latest.state, link: trackLink(latest.trackingCode, lang) }, lang));
        return;
      }
      const { record, created } = await caseFor(c, body);
      if (created) return;
      await engine().citizenMessage('complaint', record.id, body.slice(0, 5000));
      await c.say(say('added', { code: record.trackingCode }, languageOf(record.language)));
    },

    /** A photo from the chat, stored like a website photo (checked, re-encoded, EXIF gone, private). */
    async image(c: Conversation, bytes: Buffer, name: string) {
      const tmp = path.join(os.tmpdir(), `${c.platform}-${crypto.randomBytes(6).toString('hex')}`);
      fs.writeFileSync(tmp, bytes);
      let stored: Array<{ id: number }>;
      try {
        stored = await storeComplaintPhotos(strapi, [{ filepath: tmp, originalFilename: name, size: bytes.length }], 'th');
      } catch {
        await c.say(say('photoRefused'));
        return;
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      const { record, created } = await caseFor(c, forStaff('case.photoOnly', { platform: c.platform === 'line' ? 'LINE' : 'Facebook' }));
      // Up to MAX_PHOTOS_PER_CASE a case; a photo past that stays unattached and the sweep removes it.
      const room = Math.max(0, MAX_PHOTOS_PER_CASE - (record.photos?.length ?? 0));
      for (const p of stored.slice(0, room)) await strapi.db.query(PHOTO).update({ where: { id: p.id }, data: { complaint: record.id } });
      await engine().citizenMessage('complaint', record.id, forStaff('case.photoAdded'));
      if (!created) await c.say(say('added', { code: record.trackingCode }, languageOf(record.language)));
    },

    /** A shared location: the case's point, when it is in Thailand. */
    async location(c: Conversation, lat: number, lng: number, place = '') {
      if (!(lat >= THAILAND.minLat && lat <= THAILAND.maxLat && lng >= THAILAND.minLng && lng <= THAILAND.maxLng)) {
        await c.say(say('outsideThailand'));
        return;
      }
      const where = place.slice(0, 300);
      const { record, created } = await caseFor(c, where ? forStaff('case.placeShared', { place: where }) : forStaff('case.locationShared'));
      await strapi.db.query(COMPLAINT).update({
        where: { id: record.id },
        data: { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6, ...(record.address || !where ? {} : { address: where }) },
      });
      const point = { lat: lat.toFixed(6), lng: lng.toFixed(6) };
      await engine().citizenMessage('complaint', record.id, where ? forStaff('case.locationAddedAt', { ...point, place: where }) : forStaff('case.locationAdded', point));
      if (!created) await c.say(say('added', { code: record.trackingCode }, languageOf(record.language)));
    },

    /** Resolves when the inbox is handling no event (tests, shutdown). */
    idle: () => (strapi.service('api::channel.inbox') as InboxService).idle(),
  };
};

export type ChatService = ReturnType<typeof service>;
export default service;
