import type { Core } from '@strapi/strapi';
import { caseEngine, type CaseRecord, type Happening, type Notice } from '../../../plugins/complaint-workflow/server/src/public';
import { messagesOf } from '../../shared/messages';
import { addressOf, alreadyTold, type Recipient } from './domain/audience';
import { NOTICE_MESSAGES, RECIPIENT_FIELDS } from './services/notices';

/** The case types whose records an account owns (the `owner` relation set when filed signed in). */
const OWNED_TYPES = ['complaint', 'e-service'];

/**
 * A case filed signed in also reaches its owner by the channel they chose (e-mail to the account's
 * address, LINE push to their linked LINE, or nothing more), for each status change and public reply,
 * besides what the case engine already sends to the case's own contact. The words are the case
 * type's own, as if the owner's address were the case's; an address the case already tells is left out.
 */
export function followOwnedCases(strapi: Core.Strapi) {
  const engine = caseEngine(strapi);
  for (const key of OWNED_TYPES) {
    const type = engine.type(key);
    engine.onNotices(key, async (record: CaseRecord, what: Happening, queued: Notice[]) => {
      if (what.kind !== 'transition' && what.kind !== 'public_reply') return [];
      if (!type.notices || !(strapi.contentType(type.uid)?.attributes as Record<string, unknown> | undefined)?.owner) return [];
      const row = (await strapi.db.query(type.uid).findOne({
        where: { id: record.id },
        select: ['id'],
        populate: { owner: { select: [...RECIPIENT_FIELDS, 'blocked'] } },
      })) as { owner?: (Recipient & { blocked?: boolean | null }) | null } | null;
      const owner = row?.owner;
      if (!owner || owner.blocked) return [];
      const address = addressOf(owner);
      if (!address || alreadyTold(queued, address)) return [];
      const links = engine.links(key, record.id);
      const as = (contact: Record<string, unknown>) => type.notices!({ ...record, ...contact, language: owner.language ?? record.language }, what, links);
      if (address.channel === 'line') {
        // The type's own chat words where it has them (complaints), else its e-mail as a LINE text.
        const chat = as({ contactEmail: null, channel: 'line', platformUserId: address.to }).filter((n) => n.channel === 'line' && n.to === address.to);
        if (chat.length) return chat;
        const t = messagesOf(NOTICE_MESSAGES, owner.language === 'en' ? 'en' : 'th');
        return as({ contactEmail: address.to, channel: 'web', platformUserId: null })
          .filter((n) => n.channel === 'email' && n.to === address.to)
          .map((n) => ({ channel: 'line', to: address.to, subject: n.subject, text: t('owner.line', { subject: n.subject, text: n.text }).trim() }));
      }
      return as({ contactEmail: address.to, channel: 'web', platformUserId: null }).filter((n) => n.channel === 'email' && n.to === address.to);
    });
  }
}
