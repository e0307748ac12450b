import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventually, testEnv } from '@medappt/testkit';
import { createEnvelope, createKafka, createLogger, ensureTopics, startRevocationListener, Topics, type SessionEndedV1 } from '../src/index.ts';

const quiet = createLogger('revocation-listener-test', 'silent');
const now = (): number => Math.floor(Date.now() / 1000);

async function publishSessionEnded(sessionId: string, endedAt: Date, messageTimestamp: Date): Promise<void> {
  const kafka = createKafka('revocation-listener-test', testEnv().kafkaBrokers, quiet);
  await ensureTopics(kafka, [Topics.users]);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const userId = randomUUID();
    const payload: SessionEndedV1 = { userId, sessionId, endedAt: endedAt.toISOString(), reason: 'logout' };
    const envelope = createEnvelope({ type: 'session.ended', key: userId, payload });
    await producer.send({
      topic: Topics.users.name,
      messages: [{ key: userId, value: JSON.stringify(envelope), timestamp: String(messageTimestamp.getTime()) }],
    });
  } finally {
    await producer.disconnect();
  }
}

describe('revocation listener', () => {
  it('on start reads the revocations of the lookback (and no older ones), then new ones as they come', async () => {
    const recent = randomUUID();
    const beforeLookback = randomUUID();
    // The seek by timestamp is only a start: on a shared topic newer events can sit before this
    // one, so it may be read; the ended-at time past the retention is what keeps it out.
    const old = new Date(Date.now() - 3_600_000);
    await publishSessionEnded(beforeLookback, old, old);
    await publishSessionEnded(recent, new Date(), new Date());

    const listener = startRevocationListener({
      kafka: createKafka('revocation-listener-test', testEnv().kafkaBrokers, quiet),
      service: 'test',
      lookbackMs: 60_000,
      logger: quiet,
    });
    try {
      expect(await listener.whenLive(15_000)).toBe(true);
      await expect(listener.readiness()).resolves.toBe(true);
      // Recent tokens, so only the session decides (a token as old as the event would be too old anyway).
      const token = (sessionId: string) => ({ userId: randomUUID(), sessionId, issuedAt: now() - 5 });
      expect(listener.denylist.refusal(token(recent), Date.now())).toBe('session-ended');
      expect(listener.denylist.refusal(token(beforeLookback), Date.now())).toBeNull();

      const later = randomUUID();
      const publishedAt = Date.now();
      await publishSessionEnded(later, new Date(), new Date());
      await eventually(async () => (listener.denylist.refusal(token(later), Date.now()) ? true : undefined), { timeoutMs: 5_000, intervalMs: 20 });
      expect(Date.now() - publishedAt).toBeLessThan(5_000);
    } finally {
      await listener.stop();
    }
  });

  it('without a broker: is not live, says so in readiness, and stops at once', async () => {
    const listener = startRevocationListener({
      kafka: createKafka('revocation-listener-test', ['127.0.0.1:1'], quiet),
      service: 'test',
      lookbackMs: 60_000,
      logger: quiet,
    });
    expect(await listener.whenLive(500)).toBe(false);
    await expect(listener.readiness()).rejects.toThrow(/revocation listener/);
    // Fail-open while deaf: a valid token is not refused for want of the list.
    expect(listener.denylist.refusal({ userId: randomUUID(), sessionId: randomUUID(), issuedAt: now() }, Date.now())).toBeNull();
    const started = Date.now();
    await listener.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
