import type { Kafka, KafkaMessage, Producer } from 'kafkajs';
import { withRequestId, type Logger } from '../logger.ts';
import { deadLetterTopic } from './catalog.ts';
import { parseEnvelope, PoisonMessageError, type EventEnvelope } from './envelope.ts';
import { processedEvents } from './processed-events.ts';
import type { AnyPgDatabase, TxOf } from '../db.ts';

/** How often a consumer that applies runs (`messagesPerTransaction` > 1) commits its offsets. */
const COMMIT_INTERVAL_MS = 1_000;

export interface EventConsumer {
  stop(): Promise<void>;
}

/**
 * The events applied in one transaction (one, or a run of them: `messagesPerTransaction`). A handler
 * may leave work to the end of it, e.g. to write the rows of all its events in one statement.
 */
export interface RunScope {
  /**
   * The object the run's events share under `key`: created by the first event that asks, and its
   * `flush` called once after the last event, before the transaction commits (in the order created).
   */
  shared<T extends { flush(): Promise<void> }>(key: string, create: () => T): T;
}

function runScope(): RunScope & { flush(): Promise<void> } {
  const byKey = new Map<string, { flush(): Promise<void> }>();
  return {
    shared<T extends { flush(): Promise<void> }>(key: string, create: () => T): T {
      let value = byKey.get(key) as T | undefined;
      if (!value) {
        value = create();
        byKey.set(key, value);
      }
      return value;
    },
    async flush() {
      for (const value of byKey.values()) await value.flush();
    },
  };
}

export interface ConsumerOptions<TDb extends AnyPgDatabase> {
  kafka: Kafka;
  /** The consumer group; also the name under which processed event ids are kept. */
  groupId: string;
  topics: readonly string[];
  db: TDb;
  logger: Logger;
  /** Applies one event inside the transaction that also records its id. Throw to retry. */
  handle(event: EventEnvelope, tx: TxOf<TDb>, run: RunScope): Promise<void>;
  /** Attempts before the message goes to the dead-letter topic. */
  maxAttempts?: number;
  retryDelayMs?: number;
  /**
   * Up to this many messages of one partition, as they arrived together, are applied in one
   * transaction: in offset order, each recorded in processed_events. A run that fails is rolled
   * back and applied again one message at a time, so retries and the dead-letter topic behave as
   * with 1; a crash inside a run leaves none of it behind. Default 1: a transaction per message.
   */
  messagesPerTransaction?: number;
  /**
   * The event types the handler applies. Any other type is passed over without a transaction (it
   * has no effect whose id would need keeping); its envelope is still read, so an unreadable message
   * still goes to the dead-letter topic. Default: every type is handed to `handle`.
   */
  eventTypes?: readonly string[];
}

/**
 * An idempotent Kafka consumer: each message is applied once in effect (its event id is stored
 * in the same transaction as the effect), retried with backoff when it fails, and moved to
 * `<topic>.dlq` with the error when it keeps failing, so one bad message never stops the rest.
 * Offsets are committed after the transaction that applied them.
 */
export async function startEventConsumer<TDb extends AnyPgDatabase>(options: ConsumerOptions<TDb>): Promise<EventConsumer> {
  const { kafka, groupId, logger } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const perTransaction = Math.max(1, options.messagesPerTransaction ?? 1);
  const log = logger.child({ consumer: groupId });
  const wanted = options.eventTypes ? new Set(options.eventTypes) : null;
  const handles = (event: EventEnvelope): boolean => !wanted || wanted.has(event.type);
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000, allowAutoTopicCreation: false });
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  for (const topic of options.topics) await consumer.subscribe({ topic, fromBeginning: true });

  /**
   * Events (at least one the handler takes) in one transaction, in order: each applied unless its id
   * is in processed_events already, or came earlier in the same call. Whether each was applied.
   */
  const applyInOneTransaction = async (events: readonly EventEnvelope[]): Promise<boolean[]> =>
    options.db.transaction(async (tx: TxOf<TDb>) => {
      const inserted = await tx
        .insert(processedEvents)
        .values([...new Set(events.filter(handles).map((e) => e.id))].map((eventId) => ({ consumer: groupId, eventId })))
        .onConflictDoNothing()
        .returning({ eventId: processedEvents.eventId });
      const fresh = new Set(inserted.map((r) => r.eventId));
      const run = runScope();
      const applied: boolean[] = [];
      for (const event of events) {
        const isFresh = handles(event) && fresh.delete(event.id);
        if (isFresh) await withRequestId(event.requestId ?? event.id, () => options.handle(event, tx, run));
        applied.push(isFresh);
      }
      await run.flush();
      return applied;
    });

  /** One message in its own transaction: retried with backoff, then dead-lettered. */
  const applyMessage = async (topic: string, partition: number, message: KafkaMessage): Promise<void> => {
    const position = { topic, partition, offset: message.offset };
    let event: EventEnvelope | undefined;
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      try {
        event ??= parseEnvelope(message.value);
        const current = event;
        if (!handles(current)) {
          log.debug({ ...position, eventId: current.id, type: current.type }, 'event ignored');
          return;
        }
        // The whole transaction in the event's scope: what its run writes at the end names it too.
        const [applied] = await withRequestId(current.requestId ?? current.id, () => applyInOneTransaction([current]));
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
  };

  /**
   * A run of messages of one partition in one transaction, each event applied once (a redelivered
   * one, or the same event twice in the run, is skipped). Any failure, an unreadable message
   * included, sends the whole run down the one-at-a-time path instead.
   */
  const applyRun = async (topic: string, partition: number, messages: KafkaMessage[]): Promise<void> => {
    let events: EventEnvelope[];
    let applied: boolean[];
    try {
      events = messages.map((m) => parseEnvelope(m.value));
      if (!events.some(handles)) {
        messages.forEach((message, i) =>
          log.debug({ topic, partition, offset: message.offset, eventId: events[i]!.id, type: events[i]!.type }, 'event ignored'),
        );
        return;
      }
      applied = await applyInOneTransaction(events);
    } catch (error) {
      log.info(
        { topic, partition, from: messages[0]!.offset, to: messages.at(-1)!.offset, err: error },
        'a run of events failed together; applying them one at a time',
      );
      for (const message of messages) await applyMessage(topic, partition, message);
      return;
    }
    messages.forEach((message, i) => {
      const event = events[i]!;
      log.debug(
        { topic, partition, offset: message.offset, eventId: event.id, type: event.type, applied: applied[i] },
        applied[i] ? 'event applied' : handles(event) ? 'event already applied' : 'event ignored',
      );
    });
  };

  // Offsets applied (their transaction committed) but not yet committed to the group, by partition.
  const applied = new Map<string, { topic: string; partition: number; offset: string }>();
  const commitApplied = async (): Promise<void> => {
    if (applied.size === 0) return;
    const offsets = [...applied.values()];
    applied.clear();
    // A partition taken away meanwhile refuses the commit: its new owner replays those events, and
    // finds their ids in processed_events.
    await consumer.commitOffsets(offsets).catch((error: unknown) => log.warn({ err: error, offsets }, 'could not commit offsets; they will be replayed'));
  };
  let committer: NodeJS.Timeout | undefined;
  if (perTransaction === 1) {
    await consumer.run({ autoCommit: true, eachMessage: ({ topic, partition, message }) => applyMessage(topic, partition, message) });
  } else {
    await consumer.run({
      // Committed once a second, not after every fetch: at a few events a fetch, a commit request per
      // fetch was most of what the broker did for a consumer. A crash replays up to a second, idempotently.
      autoCommit: false,
      // Offsets are resolved run by run: a batch cut short (stop, rebalance) leaves the rest to be fetched again.
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        for (let from = 0; from < batch.messages.length; from += perTransaction) {
          if (!isRunning() || isStale()) return;
          const run = batch.messages.slice(from, from + perTransaction);
          if (run.length === 1) await applyMessage(batch.topic, batch.partition, run[0]!);
          else await applyRun(batch.topic, batch.partition, run);
          const last = run.at(-1)!.offset;
          resolveOffset(last);
          applied.set(`${batch.topic}/${batch.partition}`, { topic: batch.topic, partition: batch.partition, offset: String(BigInt(last) + 1n) });
          await heartbeat();
        }
      },
    });
    committer = setInterval(() => void commitApplied(), COMMIT_INTERVAL_MS);
  }
  log.info({ topics: options.topics, messagesPerTransaction: perTransaction }, 'consumer started');
  return {
    stop: async () => {
      clearInterval(committer);
      await commitApplied();
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
