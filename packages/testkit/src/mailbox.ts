import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

export interface Mailbox {
  /** What services send to: SMTP_URL. */
  smtpUrl: string;
  /** GET it for every email received so far (JSON); tests run in other processes than the server. */
  messagesUrl: string;
  stop(): Promise<void>;
}

/** A real SMTP server on loopback (the smtp-server package) that keeps what arrives, readable over HTTP. */
export async function startMailbox(): Promise<Mailbox> {
  const received: ReceivedEmail[] = [];
  // Long polls (GET /messages?to=a@b&wait=ms): woken when mail for their address arrives.
  const waiting = new Set<{ to: string; wake: () => void }>();
  const refusals = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    // No DNS here: a reverse lookup of 127.0.0.1 would stall every connection.
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const refused = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).find((to) => (refusals.get(to) ?? 0) > 0);
      if (refused) {
        refusals.set(refused, refusals.get(refused)! - 1);
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            receivedAt: new Date().toISOString(),
          });
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          for (const waiter of waiting) if (to.includes(waiter.to)) waiter.wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http: Server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mailbox');
    // POST /refuse?to=a@b&n=2: the next n messages to that address get a temporary SMTP error (451), to exercise retries.
    if (req.method === 'POST' && url.pathname === '/refuse') {
      refusals.set((url.searchParams.get('to') ?? '').toLowerCase(), Number(url.searchParams.get('n') ?? '1'));
      res.writeHead(204).end();
      return;
    }
    const to = url.searchParams.get('to')?.toLowerCase();
    const mine = () => (to ? received.filter((m) => m.to.some((a) => a.toLowerCase() === to)) : received);
    const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(mine()));
    // wait=ms with at least=n: answers once n messages for `to` are here, or when the wait runs out.
    const wait = Math.min(Number(url.searchParams.get('wait') ?? 0), 30_000);
    const atLeast = Number(url.searchParams.get('atLeast') ?? 1);
    if (!to || !(wait > 0) || mine().length >= atLeast) return void answer();
    const waiter = {
      to,
      wake: () => {
        if (mine().length < atLeast) return;
        clearTimeout(timer);
        waiting.delete(waiter);
        answer();
      },
    };
    const timer = setTimeout(() => {
      waiting.delete(waiter);
      answer();
    }, wait);
    waiting.add(waiter);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const httpPort = (http.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    messagesUrl: `http://127.0.0.1:${httpPort}/messages`,
    stop: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
