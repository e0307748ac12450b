import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import { ensureTopics, liveSignal, parseEnvelope, type EventEnvelope, type Logger } from '@medappt/platform';

export interface EventFeed {
  /** True once the consumer has joined its group and reads new events. */
  readonly live: boolean;
  whenLive(timeoutMs: number): Promise<boolean>;
  readiness(): Promise<true>;
  stop(): Promise<void>;
}

/**
 * The router's own view of the events the subgraphs publish. Its consumer group is unique to this
 * router instance (every instance must see every event for its own sockets) and starts at the
 * latest offset: a subscription is about what happens from now on.
 */
export function startEventFeed(options: {
  kafka: Kafka;
  logger: Logger;
  topics: readonly { name: string; partitions: number }[];
  onEvent: (topic: string, envelope: EventEnvelope) => void;
}): EventFeed {
  const groupId = `router.subscriptions.${randomBytes(6).toString('hex')}`;
  const log = options.logger.child({ component: 'event-feed', groupId });
  const topics = options.topics.map((t) => t.name);
  let consumer: Consumer | undefined;
  const signal = liveSignal('the subscription event feed has not joined its consumer group');
  let stopped = false;

  const run = async (): Promise<void> => {
    await ensureTopics(options.kafka, options.topics);
    // "From now on" is fixed here, as offsets: kafkajs would resolve "latest" only at its first
    // fetch, and an event published in between would be lost to every subscriber.
    const admin = options.kafka.admin();
    await admin.connect();
    const starts = await Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) }))).finally(() => admin.disconnect());
    if (stopped) return;
    consumer = options.kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 200, allowAutoTopicCreation: false });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts itself after retriable errors; otherwise readiness must stop saying ok.
      if (!payload.restart && !stopped) {
        signal.drop();
        log.error({ err: payload.error }, 'event feed crashed: subscriptions get no events until the router restarts');
      }
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      if (signal.raise()) log.info('event feed live');
    });
    await consumer.connect();
    if (stopped) return void (await consumer.disconnect());
    await consumer.subscribe({ topics, fromBeginning: false });
    await consumer.run({
      autoCommit: true,
      eachMessage: async ({ topic, message }) => {
        try {
          options.onEvent(topic, parseEnvelope(message.value));
        } catch (error) {
          // One bad message must not stop live updates; the subgraphs' own consumers dead-letter it.
          log.warn({ err: error, topic, offset: message.offset }, 'event skipped');
        }
      },
    });
    for (const { topic, offsets } of starts) for (const { partition, offset } of offsets) consumer.seek({ topic, partition, offset });
  };
  run().catch((error: unknown) => {
    if (!stopped) log.error({ err: error }, 'event feed failed to start: subscriptions get no events');
  });

  return {
    get live() {
      return signal.live;
    },
    whenLive: signal.whenLive,
    readiness: signal.readiness,
    stop: async () => {
      stopped = true;
      await consumer?.disconnect().catch(() => undefined);
      // A group per instance: nobody comes back to it. With the broker gone, the broker drops it in time.
      const admin = options.kafka.admin();
      try {
        await admin.connect();
        await admin.deleteGroups([groupId]);
      } catch {
        /* best effort */
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
  };
}
