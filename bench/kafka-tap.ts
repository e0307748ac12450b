/**
 * A listener on appointments.events.v1 beside the router's, for the latency bench's breakdown: the
 * record's timestamp (set by the appointments relay's producer when it sends) and when a consumer
 * like the router's has it. Its own consumer group (deleted afterwards), from the latest offset.
 * Kafka: KAFKA_BROKERS, else 127.0.0.1:9092 (`pnpm start`).
 */
import { randomBytes } from 'node:crypto';
import { createKafka, createLogger, parseEnvelope, Topics } from '@medappt/platform';

export interface Tapped {
  /** The record's timestamp: the relay's producer sent it (wall-clock ms). */
  sentAt: number;
  /** This consumer had it (wall-clock ms). */
  receivedAt: number;
}

export interface KafkaTap {
  /** `${appointmentId}:${event type}` → when it was sent and received, once received. */
  seen(appointmentId: string, type: string, timeoutMs?: number): Promise<Tapped | undefined>;
  stop(): Promise<void>;
}

export async function tapAppointmentEvents(): Promise<KafkaTap> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const kafka = createKafka('bench-tap', brokers, createLogger('bench', 'error'));
  const groupId = `bench.tap.${randomBytes(4).toString('hex')}`;
  const topic = Topics.appointments.name;
  const admin = kafka.admin();
  await admin.connect();
  const starts = await admin.fetchTopicOffsets(topic);
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 200 });
  const seen = new Map<string, Tapped>();
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const receivedAt = performance.timeOrigin + performance.now();
      try {
        const event = parseEnvelope(message.value);
        const id = (event.payload as { appointmentId?: string }).appointmentId;
        if (id) seen.set(`${id}:${event.type}`, { sentAt: Number(message.timestamp), receivedAt });
      } catch {
        /* not ours to judge */
      }
    },
  });
  for (const { partition, offset } of starts) consumer.seek({ topic, partition, offset });
  await joined;
  return {
    seen: async (appointmentId, type, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = seen.get(`${appointmentId}:${type}`);
        if (found || Date.now() > deadline) return found;
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    stop: async () => {
      await consumer.disconnect().catch(() => undefined);
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    },
  };
}
