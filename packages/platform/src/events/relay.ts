import type { Kafka, Producer } from 'kafkajs';
import type { Sql } from '../db.ts';
import type { Logger } from '../logger.ts';
import type { EventEnvelope } from './envelope.ts';
import { OUTBOX_CHANNEL } from './outbox.ts';

export interface OutboxRelay {
  /** Resolves when everything written so far has been published (tests, shutdown). */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

interface Row {
  id: string;
  topic: string;
  key: string;
  envelope: EventEnvelope;
}

/**
 * Publishes the outbox to Kafka in commit order: woken by LISTEN/NOTIFY, with a poll as the
 * fallback. One relay per database publishes at a time (advisory lock), so events of one key
 * keep their order; rows are marked sent only after Kafka acknowledged them. While the broker is
 * down it backs off (up to 10 s) and catches up when it returns.
 */
export async function startOutboxRelay(options: { sql: Sql; kafka: Kafka; logger: Logger; pollIntervalMs?: number; batchSize?: number }): Promise<OutboxRelay> {
  const { sql, logger } = options;
  const log = logger.child({ component: 'outbox-relay' });
  const batchSize = options.batchSize ?? 500;
  const producer: Producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  let connected = false;
  let stopped = false;
  let failures = 0;
  // A NOTIFY can arrive while a batch is being published: remember it so the loop does not sleep.
  let notified = false;
  let resolveIdle: (() => void) | undefined;
  const wake = (): void => {
    notified = true;
    resolveIdle?.();
  };

  const publishBatch = async (): Promise<number> =>
    sql.begin(async (tx) => {
      // Only one relay per database at a time: the others get no rows and skip this round. The
      // lock is a materialised CTE (a volatile function), taken once, in the statement that reads.
      const rows = await tx<Row[]>`
        with lock as (select pg_try_advisory_xact_lock(hashtext('outbox-relay')) as locked)
        select id, topic, key, envelope from outbox, lock
        where lock.locked and published_at is null order by id limit ${batchSize}`;
      if (rows.length === 0) return 0;
      if (!connected) {
        await producer.connect();
        connected = true;
      }
      const byTopic = new Map<string, { key: string; value: string }[]>();
      for (const row of rows) {
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({ key: row.key, value: JSON.stringify(row.envelope) });
        byTopic.set(row.topic, messages);
      }
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      await tx`update outbox set published_at = now(), attempts = attempts + 1 where id in ${tx(rows.map((r) => r.id))}`;
      return rows.length;
    });

  const recordFailure = async (error: unknown): Promise<void> => {
    const message = error instanceof Error ? error.message : String(error);
    await sql`
      update outbox set attempts = attempts + 1, last_error = ${message}
      where id = (select min(id) from outbox where published_at is null)`.catch(() => {});
  };

  const loop = async (): Promise<void> => {
    while (!stopped) {
      notified = false;
      let published = 0;
      try {
        published = await publishBatch();
        if (failures > 0) log.info({ afterFailures: failures }, 'outbox relay publishing again');
        failures = 0;
      } catch (error) {
        failures += 1;
        const delay = Math.min(10_000, 200 * 2 ** Math.min(failures, 6));
        log.warn({ err: error, failures, retryInMs: delay }, 'outbox relay could not publish; will retry');
        await recordFailure(error);
        await new Promise((r) => setTimeout(r, delay));
        continue;
      }
      // A full batch may have left rows behind; anything committed after it was read has notified.
      if (published >= batchSize || notified) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollIntervalMs ?? 1_000);
        resolveIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      resolveIdle = undefined;
    }
  };

  const listener = await sql.listen(OUTBOX_CHANNEL, () => wake());
  const running = loop();
  log.info('outbox relay started');

  return {
    async drain(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await sql<{ pending: number }[]>`select count(*)::int as pending from outbox where published_at is null`;
        if (!row?.pending) return;
        if (Date.now() > deadline) throw new Error(`outbox still has ${row.pending} unpublished events after ${timeoutMs} ms`);
        wake();
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      stopped = true;
      wake();
      await running;
      await listener.unlisten();
      if (connected) await producer.disconnect();
    },
  };
}
