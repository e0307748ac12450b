import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { eventually, testEnv } from '@medappt/testkit';
import {
  connectToDatabase,
  createEnvelope,
  createKafka,
  createLogger,
  ensureDatabase,
  ensureTopics,
  startEventConsumer,
  type EventEnvelope,
} from '../src/index.ts';
import { countEvent } from './fixtures/crashing-consumer.ts';

const WARMUP = 10; // a first batch, consumed and committed, so the committed offset is a real one
const N = 40; // the batch the consumer crashes in, sent in one producer.send
const K = 15; // the consumer dies while applying the K-th message of that batch
const CRASH_AT_SEQ = WARMUP + K - 1;
const TOTAL = WARMUP + N;

const script = fileURLToPath(new URL('./fixtures/crashing-consumer.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const quiet = createLogger('consumer-crash-test', 'silent');

type LogLine = { msg?: string; applied?: boolean; eventId?: string };

/**
 * The consumer runs in a child process (fixtures/crashing-consumer.ts), applies a warm-up batch,
 * then dies inside the transaction of the K-th message of a batch of N; the same group restarts in
 * this process and replays. Returns what Postgres and the group's offsets held at each step.
 */
async function crashAndReplay(messagesPerTransaction: number) {
  const { postgresUrl, dbPrefix, kafkaBrokers } = testEnv();
  const dbName = `${dbPrefix}_consumer_crash_${messagesPerTransaction}`;
  // Unique per run: the broker may be an external one (KAFKA_BROKERS) that keeps old topics.
  const topic = `crash.test.v1.${dbPrefix}.${messagesPerTransaction}`;
  const groupId = `consumer-crash-${randomUUID()}`;
  await ensureDatabase(postgresUrl, dbName);
  const sql = connectToDatabase(postgresUrl, dbName);
  const kafka = createKafka('consumer-crash-test', kafkaBrokers, quiet);
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  let child: ReturnType<typeof spawn> | undefined;
  let consumer: Awaited<ReturnType<typeof startEventConsumer>> | undefined;
  try {
    await sql`drop table if exists processed_events, counts`;
    await sql`create table processed_events (consumer text not null, event_id uuid not null,
      processed_at timestamptz not null default now(), primary key (consumer, event_id))`;
    await sql`create table counts (event_id uuid primary key, seq integer not null unique, n integer not null)`;
    await ensureTopics(kafka, [{ name: topic, partitions: 1 }]);
    await Promise.all([admin.connect(), producer.connect()]);

    const publish = async (from: number, count: number): Promise<void> => {
      const envelopes = Array.from({ length: count }, (_, i) => createEnvelope({ type: 'crash.test', key: 'one-key', payload: { seq: from + i } }));
      await producer.send({ topic, messages: envelopes.map((e) => ({ key: e.key, value: JSON.stringify(e) })) });
    };
    const committedOffset = async (): Promise<number> => {
      const [result] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return Number(result?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
    };
    const countRows = async () => {
      const [row] = await sql<{ events: number; effects: number; processed: number }[]>`select
        (select count(*)::int from counts) as events, (select coalesce(sum(n), 0)::int from counts) as effects,
        (select count(*)::int from processed_events where consumer = ${groupId}) as processed`;
      return row!;
    };

    // 1. The consumer runs in a child process, which will really die.
    await publish(0, WARMUP);
    const output: string[] = [];
    child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: repoRoot,
      env: {
        ...process.env,
        POSTGRES_URL: postgresUrl,
        DB_NAME: dbName,
        KAFKA_BROKERS: kafkaBrokers.join(','),
        GROUP_ID: groupId,
        TOPIC: topic,
        CRASH_AT_SEQ: String(CRASH_AT_SEQ),
        MESSAGES_PER_TRANSACTION: String(messagesPerTransaction),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    // kafkajs commits the offsets of a batch when the batch is done: the warm-up batch is committed.
    await eventually(async () => ((await committedOffset()) === WARMUP ? true : undefined), { timeoutMs: 45_000, intervalMs: 200 });
    const afterWarmup = await countRows();

    // 2. One batch of N; the child dies inside the transaction of its K-th message.
    await publish(WARMUP, N);
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 45_000))]);
    expect(code, output.join('')).toBe(1);
    expect(output.join('')).toContain(`crashing at seq ${CRASH_AT_SEQ}`);
    const atCrash = await countRows();
    const [last] = await sql<{ max: number | null }[]>`select max(seq)::int as max from counts`;
    const committedAtCrash = await committedOffset();

    // 3. The same group restarts (here, in the test process); it has to wait for the dead
    // member's session (10 s) to time out before it gets the partition.
    const logLines: LogLine[] = [];
    const capturing = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(JSON.parse(line) as LogLine) });
    consumer = await startEventConsumer({
      kafka: createKafka('consumer-crash-replay', kafkaBrokers, quiet),
      groupId,
      topics: [topic],
      db: drizzle(sql),
      logger: capturing,
      retryDelayMs: 50,
      messagesPerTransaction,
      handle: (event, tx) => countEvent(event as EventEnvelope<{ seq: number }>, tx),
    });
    await eventually(async () => ((await committedOffset()) === TOTAL ? true : undefined), { timeoutMs: 60_000, intervalMs: 200 });
    const counts = await sql<{ seq: number; n: number }[]>`select seq, n from counts order by seq`;
    return { afterWarmup, atCrash, lastSeqAtCrash: last?.max ?? null, committedAtCrash, final: await countRows(), counts, logLines };
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await consumer?.stop();
    await producer.disconnect();
    await admin.disconnect();
    await sql.end();
  }
}

/** What either crash must come to: the warm-up applied, then every event's effect exactly once, without a retry or a dead letter. */
function expectEachEventAppliedOnce(run: Awaited<ReturnType<typeof crashAndReplay>>): void {
  expect(run.afterWarmup).toEqual({ events: WARMUP, effects: WARMUP, processed: WARMUP });
  // Every event has its effect exactly once, and one processed_events row.
  expect(run.final).toEqual({ events: TOTAL, effects: TOTAL, processed: TOTAL });
  expect(run.counts).toEqual(Array.from({ length: TOTAL }, (_, seq) => ({ seq, n: 1 })));
  expect(run.logLines.filter((l) => /moved to|retrying|one at a time/.test(l.msg ?? ''))).toEqual([]);
}

describe('event consumer', () => {
  it('crashes mid-batch (effects committed, offsets not): the replay applies no effect twice', async () => {
    const run = await crashAndReplay(1);
    expectEachEventAppliedOnce(run);
    // K-1 messages of the batch are applied and committed in Postgres; the K-th rolled back with the crash.
    expect(run.atCrash).toEqual({ events: CRASH_AT_SEQ, effects: CRASH_AT_SEQ, processed: CRASH_AT_SEQ });
    expect(run.lastSeqAtCrash).toBe(CRASH_AT_SEQ - 1);
    // ...but the group's committed offset is still the end of the warm-up batch: the next consumer
    // will be handed again the K-1 messages whose effects are already in the database.
    expect(run.committedAtCrash).toBe(WARMUP);
    expect(run.committedAtCrash).toBeLessThan(CRASH_AT_SEQ);

    // The replay really happened: the K-1 already applied messages were delivered again and skipped.
    const skipped = run.logLines.filter((l) => l.msg === 'event already applied');
    const applied = run.logLines.filter((l) => l.msg === 'event applied');
    expect(skipped).toHaveLength(CRASH_AT_SEQ - WARMUP);
    expect(applied).toHaveLength(TOTAL - CRASH_AT_SEQ);
  }, 120_000);

  it('applying a batch in one transaction, crashes inside it: none of the batch stays, the replay applies each event once', async () => {
    const run = await crashAndReplay(100);
    expectEachEventAppliedOnce(run);
    // The K-1 messages before the crash were in the transaction it killed: nothing of the batch is in Postgres.
    expect(run.atCrash).toEqual({ events: WARMUP, effects: WARMUP, processed: WARMUP });
    expect(run.lastSeqAtCrash).toBe(WARMUP - 1);
    expect(run.committedAtCrash).toBe(WARMUP);
    expect(run.logLines.filter((l) => l.msg === 'event already applied')).toHaveLength(0);
    expect(run.logLines.filter((l) => l.msg === 'event applied')).toHaveLength(N);
  }, 120_000);
});
