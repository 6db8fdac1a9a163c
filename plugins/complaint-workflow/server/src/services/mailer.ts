import type { Core } from '@strapi/strapi';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Notice } from './outbox';

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
}

/** The outbox's e-mail channel. Without SMTP_HOST, messages are marked skipped, not retried forever. */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  let transport: Transporter | null | undefined;

  const get = (): Transporter | null => {
    if (transport !== undefined) return transport;
    const smtp = strapi.plugin('complaint-workflow').config<SmtpConfig>('smtp');
    transport = smtp?.host
      ? nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        })
      : null;
    return transport;
  };

  return {
    async send(notice: Notice): Promise<'sent' | 'skipped'> {
      const t = get();
      if (!t) return 'skipped';
      await t.sendMail({ from: strapi.plugin('complaint-workflow').config<string>('emailFrom'), to: notice.to, subject: notice.subject, text: notice.text });
      return 'sent';
    },

    close() {
      transport?.close();
      transport = undefined;
    },
  };
};

export type MailerService = ReturnType<typeof service>;
export default service;
