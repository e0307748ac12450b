import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Logger } from './logger.ts';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

/** One outside channel. `send` resolves when the provider accepted the message and throws when it did not. */
export interface Sender {
  readonly provider: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** The settings of every service that sends email (notifications, users' sign-up links). */
export const mailEnv = {
  /** e.g. smtp://user:pass@mail.example.org:587. Unset: email is written to the log. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().default('Clinic <no-reply@clinic.local>'),
};

/** Email over SMTP (nodemailer) when SMTP_URL is set; otherwise the message is written to the log. */
export function emailSender(options: { smtpUrl: string | undefined; from: string; logger: Logger }): Sender & { close(): void } {
  if (!options.smtpUrl) {
    return {
      provider: 'log',
      send: async (m) =>
        void options.logger.info({ channel: 'EMAIL', to: m.to, subject: m.subject, text: m.text }, 'email (SMTP_URL not set: logged, not sent)'),
      close: () => undefined,
    };
  }
  // Pooled: connections are reused and a batch goes out over several at once (a server's greeting
  // alone can take 100 ms or more). Timeouts well under nodemailer's (up to 10 min): a worker
  // holds its claimed rows while it sends. Query parameters in SMTP_URL (?maxConnections=...) win.
  const url = new URL(options.smtpUrl);
  const defaults = { pool: 'true', maxConnections: '4', connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '30000' };
  for (const [key, value] of Object.entries(defaults)) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  const transport = nodemailer.createTransport(url.toString(), { from: options.from });
  return {
    provider: 'smtp',
    send: async (m) => {
      await transport.sendMail({ to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}
