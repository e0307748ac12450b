import type { Kafka } from 'kafkajs';
import { deadLetterTopic } from './catalog.ts';

/** Creates topics (and their dead-letter topics) if missing; safe to call from every service at start. */
export async function ensureTopics(kafka: Kafka, topics: readonly { name: string; partitions: number }[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = topics.flatMap((t) => [
      { topic: t.name, numPartitions: t.partitions },
      { topic: deadLetterTopic(t.name), numPartitions: 1 },
    ]);
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      // createTopics returns false (no error) when another service created them meanwhile.
      await admin.createTopics({ topics: missing, waitForLeaders: true });
    }
  } finally {
    await admin.disconnect();
  }
}
