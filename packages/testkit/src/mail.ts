import type { ReceivedEmail } from './mailbox.ts';
import { eventually } from './events.ts';
import { testEnv } from './provided.ts';

export type { ReceivedEmail };

/** Every email the loopback SMTP server received for `address` so far. */
export async function emailsTo(address: string): Promise<ReceivedEmail[]> {
  const all = (await (await fetch(testEnv().mailboxUrl)).json()) as ReceivedEmail[];
  return all.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}

/** Waits (a long poll at the mailbox) until `address` has received at least `count` emails; returns them all. */
export async function nextEmailsTo(address: string, count: number, timeoutMs = 15_000): Promise<ReceivedEmail[]> {
  const url = `${testEnv().mailboxUrl}?to=${encodeURIComponent(address)}&atLeast=${count}&wait=${timeoutMs}`;
  const all = (await (await fetch(url)).json()) as ReceivedEmail[];
  if (all.length < count) throw new Error(`${address} received ${all.length} emails within ${timeoutMs} ms, not ${count}`);
  return all;
}

/** Waits until an email to `address` matching `match` has arrived. */
export async function waitForEmail(address: string, match: (email: ReceivedEmail) => boolean = () => true, timeoutMs = 15_000): Promise<ReceivedEmail> {
  return eventually(async () => (await emailsTo(address)).find(match), { timeoutMs, intervalMs: 100 });
}

/** Makes the SMTP server refuse the next `n` messages to `address` with a temporary error (451). */
export async function refuseNextEmails(address: string, n: number): Promise<void> {
  const url = testEnv().mailboxUrl.replace(/\/messages$/, `/refuse?to=${encodeURIComponent(address)}&n=${n}`);
  await fetch(url, { method: 'POST' });
}
