import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** false when no SMTP server is configured: callers then show the link on screen instead */
  readonly enabled: boolean;
  /** true when the server accepted the message */
  send(message: MailMessage): Promise<boolean>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string, log: FastifyBaseLogger): Mailer {
  if (!smtpUrl) {
    return { enabled: false, send: async () => false, close: () => undefined };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    async send(message) {
      try {
        await transport.sendMail({ from, ...message });
        return true;
      } catch (err) {
        log.warn({ err, subject: message.subject }, 'mail not sent');
        return false;
      }
    },
    close: () => transport.close(),
  };
}
