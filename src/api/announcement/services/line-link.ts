import type { Core } from '@strapi/strapi';
import { publicUrl } from '../../../public-url';
import { messagesOf } from '../../../shared/messages';
import { LINK_CODE_MINUTES, hashLinkCode, linkCodeIn, newLinkCode } from '../domain/link-code';
import { counterOf } from '../../../state/counters';
import { NOTICE_MESSAGES } from './notices';

const CODE = 'api::announcement.line-link-code';
const USER = 'plugin::users-permissions.user';
/** Code-shaped messages one LINE user may send in LINK_CODE_MINUTES before the chat stops checking them. */
export const LINK_CODE_TRIES = 5;

/** The LINE Official Account's add-friend link from its id (`@nokok`), as LINE documents it. */
export const addFriendUrl = (lineOaId: string | null | undefined): string | null => {
  const id = lineOaId?.trim();
  return id ? `https://line.me/R/ti/p/${encodeURIComponent(id)}` : null;
};

/**
 * Linking a person's LINE to their account: the account asks for a one-time code, the person sends
 * it to the town's LINE Official Account, and the chat links whoever sent it. One LINE user belongs
 * to one account at most: linking it to another moves it.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  // The app's first key signs the codes' hashes: a copy of the table alone gives no live code.
  const secret = () => String(strapi.config.get<string[]>('server.app.keys')?.[0] ?? 'nokok');
  const hash = (code: string) => hashLinkCode(code, secret());
  const tries = () => counterOf(strapi, 'line-link-tries', LINK_CODE_MINUTES * 60_000);

  /** An account that was told by LINE now hears by e-mail. */
  const unlinkUsers = (where: Record<string, unknown>) =>
    strapi.db.transaction(async () => {
      const users = (await strapi.db.query(USER).findMany({ where, select: ['id', 'notifyBy'] })) as Array<{ id: number; notifyBy?: string | null }>;
      for (const u of users) {
        await strapi.db.query(USER).update({ where: { id: u.id }, data: { lineUserId: null, lineLinkedAt: null, ...(u.notifyBy === 'line' ? { notifyBy: 'email' } : {}) } });
      }
    });

  return {
    /** A new code for this account (its earlier codes stop working). */
    async issue(userId: number) {
      const expiresAt = new Date(Date.now() + LINK_CODE_MINUTES * 60_000);
      let code = newLinkCode();
      await strapi.db.transaction(async () => {
        await strapi.db.query(CODE).deleteMany({ where: { $or: [{ user: { id: userId } }, { expiresAt: { $lt: new Date() } }] } });
        // Two live codes alike would be ambiguous: draw again (a million codes, few live at once).
        for (let i = 0; i < 5 && (await strapi.db.query(CODE).count({ where: { codeHash: hash(code) } })) > 0; i++) code = newLinkCode();
        await strapi.db.query(CODE).create({ data: { user: userId, codeHash: hash(code), expiresAt } });
      });
      const town = (await strapi.db.query('api::municipality.municipality').findOne({ select: ['lineOaId'] })) as { lineOaId?: string | null } | null;
      return { code, expiresAt: expiresAt.toISOString(), addFriendUrl: addFriendUrl(town?.lineOaId) };
    },

    async unlink(userId: number) {
      await strapi.db.query(CODE).deleteMany({ where: { user: { id: userId } } });
      await unlinkUsers({ id: userId });
    },

    /**
     * A chat message from a LINE user: when it is exactly a live code, links that user to the code's
     * account, says so in Thai and answers true (the message is no complaint). Anything else: false,
     * and the chat goes on as usual. Runs inside the inbox event's transaction.
     */
    async claim(lineUserId: string, text: string, say: (message: string) => Promise<void>): Promise<boolean> {
      const code = linkCodeIn(text);
      if (!code) return false;
      // A million codes and a few live at once: without a limit a LINE user could send guesses
      // until one links them to someone's account. Counted before looking, per LINE user.
      const { count } = await tries().hit(lineUserId);
      if (count > LINK_CODE_TRIES) {
        await say(messagesOf(NOTICE_MESSAGES, 'th')('link.tooMany', { minutes: LINK_CODE_MINUTES }));
        return true;
      }
      const found = (await strapi.db.query(CODE).findOne({ where: { codeHash: hash(code), expiresAt: { $gt: new Date() } }, populate: { user: { select: ['id'] } } })) as {
        id: number;
        user?: { id: number } | null;
      } | null;
      if (!found?.user) return false;
      await tries().forget(lineUserId);
      const userId = found.user.id;
      await unlinkUsers({ lineUserId, id: { $ne: userId } });
      await strapi.db.query(USER).update({ where: { id: userId }, data: { lineUserId, lineLinkedAt: new Date() } });
      await strapi.db.query(CODE).deleteMany({ where: { user: { id: userId } } });
      const town = (await strapi.db.query('api::municipality.municipality').findOne({ select: ['nameTh'] })) as { nameTh?: string | null } | null;
      const t = messagesOf(NOTICE_MESSAGES, 'th');
      await say(t('link.linked', { town: town?.nameTh || t('town.fallback'), link: `${publicUrl(strapi)}/account/profile` }));
      return true;
    },

    /** What the town holds of a person's LINE link (the account export). */
    async exportFor(userId: number) {
      const u = (await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['lineUserId', 'lineLinkedAt'] })) as { lineUserId?: string | null; lineLinkedAt?: string | null } | null;
      return u?.lineUserId ? [{ lineUserId: u.lineUserId, linkedAt: u.lineLinkedAt ? new Date(u.lineLinkedAt).toISOString() : null }] : [];
    },

    async eraseFor(userId: number) {
      await this.unlink(userId);
    },
  };
};

export type LineLinkService = ReturnType<typeof service>;
export default service;
