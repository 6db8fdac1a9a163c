import type { Core } from '@strapi/strapi';
import { outboxOf, type Notice } from '../../../../plugins/complaint-workflow/server/src/public';
import { publicUrl } from '../../../public-url';
import { formatDate, languageOf, messagesOf, type Language } from '../../../shared/messages';
import { addressOf, reaches, type Recipient } from '../domain/audience';
import { inForce, toPublicNotice, type StoredAnnouncement } from '../domain/public-view';
import th from '../messages/th.json';
import en from '../messages/en.json';

export const ANNOUNCEMENT = 'api::announcement.announcement';
export const DELIVERY = 'api::announcement.notice-delivery';
const USER = 'plugin::users-permissions.user';
export const NOTICE_MESSAGES = { th, en };

/** What a delivery's message is filed under in the outbox (it is about a notice, not a case). */
export const OUTBOX_NOTICE = 'notice';

/** The account fields a delivery reads. */
export const RECIPIENT_FIELDS = ['id', 'email', 'village', 'groups', 'notifyBy', 'lineUserId', 'language'];
const ANNOUNCEMENT_FIELDS = ['id', 'documentId', 'titleTh', 'titleEn', 'bodyTh', 'bodyEn', 'audience', 'village', 'public', 'sendByChannel', 'expiresAt', 'publishedAt'];
const PAGE = 200;

interface StoredDelivery {
  id: number;
  announcementDocumentId: string;
  channel: 'email' | 'line' | 'none';
  state: string;
  readAt?: string | null;
  createdAt?: string | null;
}

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/**
 * Targeted announcements: on publish, one delivery per account the audience reaches (shown on their
 * page), and a message by their channel through the case engine's outbox when staff asked for one,
 * so a mail server being down loses nothing. Publishing again reaches only accounts not reached yet.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  let running: Promise<unknown> = Promise.resolve();

  const published = (where: Record<string, unknown>) =>
    strapi.db.query(ANNOUNCEMENT).findMany({ where: { ...where, publishedAt: { $notNull: true } }, select: ANNOUNCEMENT_FIELDS }) as Promise<Array<StoredAnnouncement & { id: number; sendByChannel?: boolean }>>;

  async function townName(lang: Language): Promise<string> {
    const town = (await strapi.db.query('api::municipality.municipality').findOne({ select: ['nameTh', 'nameEn'] })) as { nameTh?: string | null; nameEn?: string | null } | null;
    const name = lang === 'en' ? town?.nameEn || town?.nameTh : town?.nameTh;
    return name || messagesOf(NOTICE_MESSAGES, lang)('town.fallback');
  }

  /** The message of a notice to one person, in their language, by their channel. */
  async function messageFor(a: StoredAnnouncement, r: Recipient, address: { channel: string; to: string }): Promise<Notice> {
    const lang = languageOf(r.language);
    const t = messagesOf(NOTICE_MESSAGES, lang);
    const view = toPublicNotice(a, lang);
    const page = `${publicUrl(strapi)}${lang === 'en' ? '/en' : ''}/account`;
    const lines = [view.body, '', ...(view.expiresAt ? [t('notice.expires', { date: formatDate(view.expiresAt, lang) })] : []), t('notice.page', { link: page }), ''];
    const subject = t('notice.subject', { town: await townName(lang), title: view.title });
    return address.channel === 'email'
      ? { channel: 'email', to: address.to, subject, text: lines.join('\n') }
      : { channel: address.channel, to: address.to, subject: 'notice', text: [view.title, '', ...lines].join('\n').trim() };
  }

  /** Deliveries of one published announcement to every account it reaches that has none yet. */
  async function deliver(documentId: string): Promise<number> {
    const [a] = await published({ documentId });
    if (!a) return 0;
    const done = new Set(
      ((await strapi.db.query(DELIVERY).findMany({ where: { announcementDocumentId: documentId }, select: ['id'], populate: { user: { select: ['id'] } } })) as Array<{ user?: { id: number } | null }>).map(
        (d) => d.user?.id
      )
    );
    let made = 0;
    for (let offset = 0; ; offset += PAGE) {
      const users = (await strapi.db.query(USER).findMany({
        where: { confirmed: true, blocked: { $not: true } },
        select: RECIPIENT_FIELDS,
        orderBy: [{ id: 'asc' }],
        offset,
        limit: PAGE,
      })) as Recipient[];
      for (const r of users) {
        if (done.has(r.id) || !reaches(a, r)) continue;
        const address = a.sendByChannel ? addressOf(r) : null;
        await strapi.db.transaction(async () => {
          const delivery = (await strapi.db.query(DELIVERY).create({
            data: { announcement: a.id, announcementDocumentId: documentId, user: r.id, channel: address?.channel ?? 'none', state: address ? 'queued' : 'listed' },
          })) as { id: number };
          if (address) await outboxOf(strapi).enqueue([await messageFor(a, r, address)], { caseType: OUTBOX_NOTICE, caseId: delivery.id });
        });
        made += 1;
      }
      // better-sqlite3 blocks while it works: let requests in between pages.
      await new Promise((resolve) => setImmediate(resolve));
      if (users.length < PAGE) break;
    }
    if (made) outboxOf(strapi).kick();
    return made;
  }

  /** A delivery as its person reads it, with the notice in their language. */
  const myView = (d: StoredDelivery, a: StoredAnnouncement, lang: Language) => ({
    id: d.id,
    read: Boolean(d.readAt),
    readAt: iso(d.readAt),
    deliveredAt: iso(d.createdAt),
    channel: d.channel,
    notice: toPublicNotice(a, lang),
  });

  /** A person's deliveries whose notice is still published and in force, newest first. */
  async function mine(userId: number, lang: Language, only?: number) {
    const deliveries = (await strapi.db.query(DELIVERY).findMany({
      where: { user: { id: userId }, ...(only ? { id: only } : {}) },
      select: ['id', 'announcementDocumentId', 'channel', 'state', 'readAt', 'createdAt'],
      orderBy: [{ id: 'desc' }],
      limit: 100,
    })) as StoredDelivery[];
    if (!deliveries.length) return [];
    const now = new Date();
    const announcements = new Map((await published({ documentId: { $in: [...new Set(deliveries.map((d) => d.announcementDocumentId))] } })).filter((a) => inForce(a, now)).map((a) => [a.documentId, a]));
    return deliveries.flatMap((d) => {
      const a = announcements.get(d.announcementDocumentId);
      return a ? [myView(d, a, lang)] : [];
    });
  }

  return {
    /** After a publish: deliveries made one publish at a time, in the background (the editor does not wait). */
    deliverLater(documentId: string) {
      running = running
        .then(() => deliver(documentId))
        .then((n) => {
          if (n) strapi.log.info(`Notice ${documentId}: delivered to ${n} account(s)`);
        })
        .catch((err: Error) => strapi.log.error(`notice ${documentId} delivery: ${err.message}`));
    },

    deliver,

    /** Resolves when no delivery is being made (tests, shutdown). */
    async idle() {
      let seen: Promise<unknown>;
      do {
        seen = running;
        await seen;
      } while (seen !== running);
    },

    /** Public notices in force, newest first. */
    async publicPage(page: number, pageSize: number, lang: Language) {
      const where = { public: true, publishedAt: { $notNull: true }, $or: [{ expiresAt: { $null: true } }, { expiresAt: { $gt: new Date() } }] };
      const [rows, total] = await Promise.all([
        strapi.db.query(ANNOUNCEMENT).findMany({ where, select: ANNOUNCEMENT_FIELDS, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }) as Promise<StoredAnnouncement[]>,
        strapi.db.query(ANNOUNCEMENT).count({ where }),
      ]);
      return { data: rows.map((a) => toPublicNotice(a, lang)), meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
    },

    async publicOne(documentId: string, lang: Language) {
      const [a] = await published({ documentId, public: true });
      return a && inForce(a, new Date()) ? toPublicNotice(a, lang) : null;
    },

    mine: (userId: number, lang: Language) => mine(userId, lang),

    /** Marks one of the person's notices read; null when it is not theirs (or no longer shown). */
    async markRead(userId: number, deliveryId: number, lang: Language) {
      const [found] = await mine(userId, lang, deliveryId);
      if (!found) return null;
      if (!found.read) await strapi.db.query(DELIVERY).update({ where: { id: deliveryId }, data: { readAt: new Date() } });
      const [after] = await mine(userId, lang, deliveryId);
      return after;
    },

    /** What the town holds of a person's notices (the account export). */
    async exportFor(userId: number) {
      const deliveries = (await strapi.db.query(DELIVERY).findMany({
        where: { user: { id: userId } },
        select: ['id', 'announcementDocumentId', 'channel', 'state', 'readAt', 'createdAt'],
        orderBy: [{ id: 'asc' }],
      })) as StoredDelivery[];
      const titles = new Map(
        (await published({ documentId: { $in: [...new Set(deliveries.map((d) => d.announcementDocumentId))] } })).map((a) => [a.documentId, { th: a.titleTh, en: a.titleEn ?? null }])
      );
      return deliveries.map((d) => ({ id: d.id, notice: d.announcementDocumentId, title: titles.get(d.announcementDocumentId) ?? null, channel: d.channel, deliveredAt: iso(d.createdAt), readAt: iso(d.readAt) }));
    },

    /**
     * Removes a person's deliveries, and forgets every message the outbox keeps to their addresses
     * (notices, and their cases' updates by their channel): the rows stay, as the case engine's own
     * erasure leaves them, without recipient or text; one still waiting is not sent.
     */
    async eraseFor(userId: number) {
      const user = (await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['email', 'lineUserId'] })) as { email?: string | null; lineUserId?: string | null } | null;
      const ids = ((await strapi.db.query(DELIVERY).findMany({ where: { user: { id: userId } }, select: ['id'] })) as Array<{ id: number }>).map((d) => d.id);
      const addresses = [user?.email, user?.email?.toLowerCase(), user?.lineUserId].filter((a): a is string => Boolean(a));
      await outboxOf(strapi).forget({ caseType: OUTBOX_NOTICE, caseIds: ids });
      await outboxOf(strapi).forget({ recipients: addresses });
      if (ids.length) await strapi.db.query(DELIVERY).deleteMany({ where: { id: { $in: ids } } });
    },
  };
};

export type NoticesService = ReturnType<typeof service>;
export default service;
