import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { Recorder } from './recorder';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  /** The HTML part, when the message has one. */
  html: string;
}

export interface SmtpCapture {
  port: number;
  mails: ReceivedMail[];
  /** Resolves with the first mail (arrived or arriving) that matches; fails after timeoutMs. */
  waitFor: (match: (m: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  close: () => Promise<void>;
}

/**
 * A real SMTP server on loopback (no TLS, no auth) that keeps every message it receives, parsed.
 * `refuse` names recipients it answers with a temporary failure (450), as a busy server would.
 */
export async function startSmtp({ refuse = () => false }: { refuse?: (address: string) => boolean } = {}): Promise<SmtpCapture> {
  const received = new Recorder<ReceivedMail>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, session, callback) {
      callback(refuse(address.address) ? Object.assign(new Error('mailbox busy, try again later'), { responseCode: 450 }) : null);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html || '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;

  return {
    port,
    mails: received.items,
    waitFor: (match, timeoutMs) => received.waitFor(match, timeoutMs, (mails) => mails.map((m) => m.subject).join(' | ')),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
