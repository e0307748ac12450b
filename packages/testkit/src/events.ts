import { randomUUID } from 'node:crypto';
import { createEnvelope, createKafka, createLogger, type EventEnvelope } from '@medappt/platform';
import { testEnv } from './provided.ts';

/**
 * Publishes an event to the real broker exactly as a producing service would (same envelope,
 * keyed by `key`), for read models whose producer does not exist yet.
 */
export async function publishEvent<TPayload>(
  topic: string,
  event: { type: string; key: string; payload: TPayload; version?: number },
): Promise<EventEnvelope<TPayload>> {
  const envelope = createEnvelope(event);
  await publishRaw(topic, event.key, JSON.stringify(envelope));
  return envelope;
}

/** Sends any bytes, e.g. a poison message. */
export async function publishRaw(topic: string, key: string, value: string): Promise<void> {
  const kafka = createKafka('testkit', testEnv().kafkaBrokers, createLogger('testkit', 'error'));
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, messages: [{ key, value }] });
  } finally {
    await producer.disconnect();
  }
}

/** Polls `check` until it returns a value other than undefined (eventual consistency of read models). */
export async function eventually<T>(check: () => Promise<T | undefined>, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
  throw new Error(`condition not met within ${options.timeoutMs ?? 15_000} ms${last ? `: ${String(last)}` : ''}`);
}

/** Reads `topic` from the start with a fresh consumer group until a message matches; returns it. */
export async function waitForMessage(
  topic: string,
  match: (message: { key: string; value: string; headers: Record<string, string> }) => boolean,
  timeoutMs = 20_000,
): Promise<{ key: string; value: string; headers: Record<string, string> }> {
  const kafka = createKafka('testkit-reader', testEnv().kafkaBrokers, createLogger('testkit', 'error'));
  const consumer = kafka.consumer({ groupId: `testkit-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let found: { key: string; value: string; headers: Record<string, string> } | undefined;
  await consumer.run({
    eachMessage: async ({ message }) => {
      const candidate = {
        key: message.key?.toString() ?? '',
        value: message.value?.toString() ?? '',
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
      };
      if (!found && match(candidate)) found = candidate;
    },
  });
  try {
    return await eventually(async () => found, { timeoutMs });
  } finally {
    await consumer.disconnect();
  }
}
