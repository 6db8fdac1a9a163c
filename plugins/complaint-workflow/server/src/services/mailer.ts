import type { Core } from '@strapi/strapi';
import type { Notice } from './outbox';
import { PLUGIN } from '../plugin-id';

/** The part of Strapi's email plugin service used here (its provider decides how mail leaves). */
interface EmailService {
  send(options: { to: string; from?: string; subject: string; text: string; html: string }): Promise<unknown>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The HTML part of a plain-text message. The nodemailer provider copies `text` into `html` when no
 * HTML is given, which would let markup in a citizen's words render in the mail: escape it instead.
 */
export const textToHtml = (text: string): string =>
  `<div style="white-space:pre-wrap">${text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)}</div>`;

/**
 * The outbox's e-mail channel, sending through Strapi's email plugin (the app configures its
 * provider). With `emailEnabled` false (no mail server), messages are marked skipped, not retried.
 * A failed send throws, so the outbox retries it with back-off.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  async send(notice: Notice): Promise<'sent' | 'skipped'> {
    const plugin = strapi.plugin(PLUGIN);
    if (plugin.config<boolean>('emailEnabled') === false) return 'skipped';
    const from = plugin.config<string>('emailFrom') || undefined;
    await strapi
      .plugin('email')
      .service<EmailService>('email')
      .send({ to: notice.to, from, subject: notice.subject, text: notice.text, html: textToHtml(notice.text) });
    return 'sent';
  },
});

export type MailerService = ReturnType<typeof service>;
export default service;
