import type { Kafka, Producer } from 'kafkajs';
import { withRequestId, type Logger } from '../logger.ts';
import { deadLetterTopic } from './catalog.ts';
import { parseEnvelope, PoisonMessageError, type EventEnvelope } from './envelope.ts';
import { processedEvents } from './processed-events.ts';
import type { AnyPgDatabase, TxOf } from '../db.ts';

export interface EventConsumer {
  stop(): Promise<void>;
}

export interface ConsumerOptions<TDb extends AnyPgDatabase> {
  kafka: Kafka;
  /** The consumer group; also the name under which processed event ids are kept. */
  groupId: string;
  topics: readonly string[];
  db: TDb;
  logger: Logger;
  /** Applies one event inside the transaction that also records its id. Throw to retry. */
  handle(event: EventEnvelope, tx: TxOf<TDb>): Promise<void>;
  /** Attempts before the message goes to the dead-letter topic. */
  maxAttempts?: number;
  retryDelayMs?: number;
}

/**
 * An idempotent Kafka consumer: each message is applied once in effect (its event id is stored
 * in the same transaction as the effect), retried with backoff when it fails, and moved to
 * `<topic>.dlq` with the error when it keeps failing, so one bad message never stops the rest.
 */
export async function startEventConsumer<TDb extends AnyPgDatabase>(options: ConsumerOptions<TDb>): Promise<EventConsumer> {
  const { kafka, groupId, logger } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const log = logger.child({ consumer: groupId });
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000, allowAutoTopicCreation: false });
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  for (const topic of options.topics) await consumer.subscribe({ topic, fromBeginning: true });

  const applyOnce = async (event: EventEnvelope): Promise<boolean> =>
    options.db.transaction(async (tx: TxOf<TDb>) => {
      const inserted = await tx
        .insert(processedEvents)
        .values({ consumer: groupId, eventId: event.id })
        .onConflictDoNothing()
        .returning({ eventId: processedEvents.eventId });
      if (inserted.length === 0) return false;
      await options.handle(event, tx);
      return true;
    });

  await consumer.run({
    autoCommit: true,
    eachMessage: async ({ topic, partition, message }) => {
      const position = { topic, partition, offset: message.offset };
      let event: EventEnvelope | undefined;
      let lastError: unknown;
      for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
        try {
          event ??= parseEnvelope(message.value);
          const current = event;
          const applied = await withRequestId(current.requestId ?? current.id, () => applyOnce(current));
          log.debug({ ...position, eventId: current.id, type: current.type, applied }, applied ? 'event applied' : 'event already applied');
          return;
        } catch (error) {
          lastError = error;
          if (error instanceof PoisonMessageError) break;
          log.warn({ ...position, attempt, err: error }, 'event failed; retrying');
          await new Promise((r) => setTimeout(r, retryDelayMs * 2 ** (attempt - 1)));
        }
      }
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      await producer.send({
        topic: deadLetterTopic(topic),
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: { 'x-error': reason, 'x-consumer': groupId, 'x-source': `${topic}/${partition}/${message.offset}` },
          },
        ],
      });
      log.error({ ...position, eventId: event?.id, err: lastError }, `event moved to ${deadLetterTopic(topic)}: ${reason}`);
    },
  });
  log.info({ topics: options.topics }, 'consumer started');
  return {
    stop: async () => {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
