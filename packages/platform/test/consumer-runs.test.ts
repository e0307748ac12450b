import { randomUUID } from 'node:crypto';
import { sql as drizzleSql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { eventually, testEnv, waitForMessage } from '@medappt/testkit';
import {
  connectToDatabase,
  createEnvelope,
  createKafka,
  createLogger,
  deadLetterTopic,
  ensureDatabase,
  ensureTopics,
  startEventConsumer,
  type EventEnvelope,
} from '../src/index.ts';

const quiet = createLogger('consumer-runs-test', 'silent');
type Payload = { seq: number; kind: 'ok' | 'flaky' | 'failing' };

describe('event consumer, a run of messages in one transaction', () => {
  it('a failing event sends its run one at a time: the others are applied once and in order, a transient failure is retried, a lasting one and an unreadable message go to the DLQ, a type it does not apply is passed over', async () => {
    const { postgresUrl, dbPrefix, kafkaBrokers } = testEnv();
    const dbName = `${dbPrefix}_consumer_runs`;
    const topic = `runs.test.v1.${dbPrefix}`;
    const groupId = `consumer-runs-${randomUUID()}`;
    await ensureDatabase(postgresUrl, dbName);
    const sql = connectToDatabase(postgresUrl, dbName);
    const kafka = createKafka('consumer-runs-test', kafkaBrokers, quiet);
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    let consumer: Awaited<ReturnType<typeof startEventConsumer>> | undefined;
    let admin: ReturnType<typeof kafka.admin> | undefined;
    try {
      await sql`drop table if exists processed_events, applied`;
      await sql`create table processed_events (consumer text not null, event_id uuid not null,
        processed_at timestamptz not null default now(), primary key (consumer, event_id))`;
      // Not idempotent by itself: a second application of an event makes n = 2; `at` keeps the order of application.
      await sql`create table applied (seq integer primary key, n integer not null, at bigserial)`;
      await ensureTopics(kafka, [{ name: topic, partitions: 1 }]);
      await producer.connect();

      const kinds: Record<number, Payload['kind']> = { 10: 'flaky', 20: 'failing' };
      const envelopes = Array.from({ length: 30 }, (_, seq) =>
        createEnvelope<Payload>({ type: 'runs.test', key: 'one-key', payload: { seq, kind: kinds[seq] ?? 'ok' } }),
      );
      const unreadable = `not json ${randomUUID()}`;
      const ignored = createEnvelope({ type: 'runs.other', key: 'one-key', payload: { seq: -1 } });
      const messages = envelopes.flatMap((e, seq) => [
        { key: e.key, value: JSON.stringify(e) },
        // The same event twice in a row (a producer's retry), a message no consumer can read, and a type this one does not apply.
        ...(seq === 5 ? [{ key: e.key, value: JSON.stringify(e) }] : []),
        ...(seq === 25 ? [{ key: e.key, value: unreadable }] : []),
        ...(seq === 15 ? [{ key: e.key, value: JSON.stringify(ignored) }] : []),
      ]);
      // One send: the consumer fetches the whole lot as one batch, so they share a run.
      await producer.send({ topic, messages });

      const failedOnce = new Set<string>();
      const logLines: { msg?: string }[] = [];
      consumer = await startEventConsumer({
        kafka,
        groupId,
        topics: [topic],
        db: drizzle(sql),
        logger: pino({ level: 'debug' }, { write: (line: string) => void logLines.push(JSON.parse(line) as { msg?: string }) }),
        maxAttempts: 3,
        retryDelayMs: 20,
        messagesPerTransaction: 100,
        eventTypes: ['runs.test'],
        handle: async (event, tx, run) => {
          if (event.type !== 'runs.test') throw new Error(`${event.type} was handed to the handler`);
          const { seq, kind } = (event as EventEnvelope<Payload>).payload;
          if (kind === 'failing') throw new Error(`event ${seq} cannot be applied`);
          if (kind === 'flaky' && !failedOnce.has(event.id)) {
            failedOnce.add(event.id);
            throw new Error(`event ${seq} fails the first time`);
          }
          // Written as the run ends: one insert for all of its events.
          const rows = run.shared('applied', () => {
            const seqs: number[] = [];
            return {
              add: (s: number) => seqs.push(s),
              flush: async () => {
                if (seqs.length === 0) return;
                const values = drizzleSql.join(
                  seqs.splice(0).map((s) => drizzleSql`(${s}, 1)`),
                  drizzleSql`, `,
                );
                await tx.execute(drizzleSql`insert into applied (seq, n) values ${values} on conflict (seq) do update set n = applied.n + 1`);
              },
            };
          });
          rows.add(seq);
        },
      });

      admin = kafka.admin();
      await admin.connect();
      const committed = (offset: number) =>
        eventually(
          async () => {
            const [offsets] = await admin!.fetchOffsets({ groupId, topics: [topic] });
            return offsets?.partitions[0]?.offset === String(offset) ? true : undefined;
          },
          { timeoutMs: 45_000, intervalMs: 200 },
        );
      await committed(messages.length);

      const rows = await sql<{ seq: number; n: number }[]>`select seq, n from applied order by at`;
      const expected = envelopes.map((_, seq) => seq).filter((seq) => seq !== 20);
      expect(rows).toEqual(expected.map((seq) => ({ seq, n: 1 })));
      // One processed id per applied event; none for the type passed over (it has no effect to keep).
      const processed = await sql<{ eventId: string }[]>`select event_id as "eventId" from processed_events where consumer = ${groupId}`;
      expect(processed).toHaveLength(expected.length);
      expect(processed.map((p) => p.eventId)).not.toContain(ignored.id);

      const dlq = deadLetterTopic(topic);
      const failing = await waitForMessage(dlq, (m) => m.value === JSON.stringify(envelopes[20]));
      expect(failing.headers['x-error']).toBe('event 20 cannot be applied');
      expect(failing.headers['x-consumer']).toBe(groupId);
      const poison = await waitForMessage(dlq, (m) => m.value === unreadable);
      expect(poison.headers['x-error']).toMatch(/not JSON/);

      // A run without failures is applied in one transaction, the type it does not apply passed over there too.
      const linesBefore = logLines.length;
      const more = Array.from({ length: 5 }, (_, i) => createEnvelope<Payload>({ type: 'runs.test', key: 'one-key', payload: { seq: 100 + i, kind: 'ok' } }));
      const ignoredToo = createEnvelope({ type: 'runs.other', key: 'one-key', payload: { seq: -2 } });
      await producer.send({ topic, messages: [...more.slice(0, 2), ignoredToo, ...more.slice(2)].map((e) => ({ key: e.key, value: JSON.stringify(e) })) });
      await committed(messages.length + 6);
      const after = await sql<{ seq: number; n: number }[]>`select seq, n from applied where seq >= 100 order by at`;
      expect(after).toEqual(more.map((e) => ({ seq: e.payload.seq, n: 1 })));
      const [ignoredRow] = await sql`select 1 from processed_events where event_id = ${ignoredToo.id}`;
      expect(ignoredRow).toBeUndefined();
      expect(logLines.slice(linesBefore).filter((l) => /one at a time|retrying|moved to/.test(l.msg ?? ''))).toEqual([]);
      expect(logLines.slice(linesBefore).filter((l) => l.msg === 'event ignored')).toHaveLength(1);
    } finally {
      await admin?.disconnect();
      await consumer?.stop();
      await producer.disconnect();
      await sql.end();
    }
  }, 120_000);
});
