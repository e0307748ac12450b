import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql as drizzleSql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { describe, expect, it } from 'vitest';
import { testEnv } from '@medappt/testkit';
import {
  connectToDatabase,
  createKafka,
  createLogger,
  ensureDatabase,
  ensureTopics,
  startEventConsumer,
  startOutboxRelay,
  writeAnyEvent,
  type EventEnvelope,
} from '../src/index.ts';
import { findFreePort, startKafkaBroker } from '../../../scripts/kafka/broker.mjs';

const TOPIC = { name: 'relay.test.v1', partitions: 3 };
const logger = createLogger('relay-test', 'silent');

// This test stops and restarts a broker, so it runs its own instead of the shared one.
describe('outbox relay', () => {
  it('survives a broker outage: every event written meanwhile is published after the restart, in order per key, and applied once', async () => {
    const [port, controllerPort] = [await findFreePort(), await findFreePort()];
    const dataDir = mkdtempSync(join(tmpdir(), 'relay-broker-'));
    let broker = await startKafkaBroker({ port, controllerPort, dataDir });
    const { postgresUrl, dbPrefix } = testEnv();
    const dbName = `${dbPrefix}_relay_test`;
    await ensureDatabase(postgresUrl, dbName);
    const sql = connectToDatabase(postgresUrl, dbName);
    const kafka = createKafka('relay-test', broker.brokers, logger);
    let relay: Awaited<ReturnType<typeof startOutboxRelay>> | undefined;
    try {
      await sql`create table outbox (id bigserial primary key, event_id uuid not null unique, topic text not null, key text not null,
        envelope jsonb not null, created_at timestamptz not null default now(), published_at timestamptz,
        attempts integer not null default 0, last_error text)`;
      await ensureTopics(kafka, [TOPIC]);
      const db = drizzle(sql);
      let seq = 0;
      const write = async (n: number) => {
        for (let i = 0; i < n; i += 1) {
          const key = `k${seq % 5}`;
          const payload = { seq: seq++ };
          await db.transaction((tx) => writeAnyEvent(tx, TOPIC.name, { type: 'test.event', key, payload }));
        }
      };

      relay = await startOutboxRelay({ sql, kafka, logger, pollIntervalMs: 200 });
      await write(10);
      await relay.drain(20_000);

      await broker.stop();
      await write(20);
      await new Promise((r) => setTimeout(r, 2_000));
      const [waiting] = await sql<{ n: number }[]>`select count(*)::int as n from outbox where published_at is null`;
      expect(waiting?.n).toBe(20);

      broker = await startKafkaBroker({ port, controllerPort, dataDir });
      await relay.drain(60_000);

      const seen: EventEnvelope<{ seq: number }>[] = [];
      const consumer = kafka.consumer({ groupId: `relay-test-${Date.now()}` });
      await consumer.connect();
      await consumer.subscribe({ topic: TOPIC.name, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(JSON.parse(message.value!.toString()) as EventEnvelope<{ seq: number }>) });
      const deadline = Date.now() + 30_000;
      while (new Set(seen.map((e) => e.id)).size < 30 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await consumer.disconnect();

      const unique = new Map(seen.map((e) => [e.id, e]));
      expect([...unique.values()].map((e) => e.payload.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
      for (let k = 0; k < 5; k += 1) {
        const order = seen.filter((e) => e.key === `k${k}`).map((e) => e.payload.seq);
        const firstSeen = order.filter((s, i) => order.indexOf(s) === i);
        expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
      }

      // Delivered at least once by the relay; applied exactly once by an idempotent consumer.
      await sql`create table processed_events (consumer text not null, event_id uuid not null, processed_at timestamptz not null default now(), primary key (consumer, event_id))`;
      await sql`create table effects (seq int primary key, n int not null)`;
      const applier = await startEventConsumer({
        kafka,
        groupId: `relay-test-effects-${Date.now()}`,
        topics: [TOPIC.name],
        db,
        logger,
        handle: async (event, tx) => {
          const { seq: n } = event.payload as { seq: number };
          await tx.execute(drizzleSql`insert into effects values (${n}, 1) on conflict (seq) do update set n = effects.n + 1`);
        },
      });
      try {
        const applied = async () => (await sql<{ n: number }[]>`select count(*)::int as n from effects`)[0]?.n ?? 0;
        const until = Date.now() + 30_000;
        while ((await applied()) < 30 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
        const effects = await sql<{ seq: number; n: number }[]>`select seq, n from effects order by seq`;
        expect(effects.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i));
        expect(effects.every((e) => e.n === 1)).toBe(true);
      } finally {
        await applier.stop();
      }
    } finally {
      await relay?.stop();
      await broker.stop();
      await sql.end();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
