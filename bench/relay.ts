/**
 * Outbox relay throughput (packages/platform/src/events/relay.ts, default settings) against the
 * running system's Postgres and Kafka, on a scratch database (`bench_relay`, recreated each run,
 * outbox table from the appointments migrations) and a scratch topic (`bench.relay.v1`, 6
 * partitions), with events keyed by 1,000 appointment-like ids:
 *  (a) backlog drain: 20,000 events bulk-inserted while no relay runs; relay start → drained.
 *  (b) steady state: 4 writers commit one event per transaction through `writeEvent` at full
 *      speed for 10 s, the relay running; write and publish rates, and the lag
 *      published_at − created_at of each row. Both are transaction-start times (`now()`): the
 *      writer's transaction is a few ms long, the relay's spans its Kafka send, so this is
 *      commit → relay batch start, and the Kafka ack comes one batch duration later.
 * Postgres: DATABASE_URL, PGPORT, else the launcher's embedded server (its port from postmaster.pid).
 * Kafka: KAFKA_BROKERS, else 127.0.0.1:9092.
 */
import { randomUUID } from 'node:crypto';
import {
  createEnvelope,
  createKafka,
  createLogger,
  ensureTopics,
  outbox,
  startOutboxRelay,
  writeEvent,
  type AppointmentPayloadV1,
  type Sql,
} from '@medappt/platform';
import { freshAppointmentsDatabase, postgresServerUrl } from './scratch-database.ts';

const DB_NAME = 'bench_relay';
const TOPIC = { name: 'bench.relay.v1', partitions: 6 };

export interface RelayBenchOptions {
  backlog: number;
  writers: number;
  seconds: number;
  keys: number;
}

function appointmentEvent(key: string): { type: 'appointment.confirmed'; key: string; payload: AppointmentPayloadV1 } {
  const startAt = new Date(Date.now() + 7 * 86_400_000);
  return {
    type: 'appointment.confirmed',
    key,
    payload: {
      appointmentId: key,
      doctorId: randomUUID(),
      patientId: randomUUID(),
      serviceId: randomUUID(),
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 30 * 60_000).toISOString(),
      status: 'CONFIRMED',
      previousStatus: 'REQUESTED',
      action: 'confirm',
      actorRole: 'DOCTOR',
      timeZone: 'Europe/Berlin',
    },
  };
}

async function topicMessages(kafka: ReturnType<typeof createKafka>): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(TOPIC.name);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Rows with id > afterId: how many, in how many relay batches (rows of one batch share published_at), and their lag. */
async function published(sql: Sql, afterId: number) {
  const [row] = await sql<{ rows: number; batches: number; p50: number | null; p99: number | null; max: number | null }[]>`
    select count(*)::int as rows, count(distinct published_at)::int as batches,
      percentile_cont(0.5) within group (order by lag) as p50,
      percentile_cont(0.99) within group (order by lag) as p99,
      max(lag) as max
    from (select published_at, (extract(epoch from published_at - created_at) * 1000)::float8 as lag from outbox where id > ${afterId}) t`;
  return row!;
}

const pad = (cells: string[], widths: number[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
const ms = (v: number | null): string => (v === null ? '-' : `${v.toFixed(v < 10 ? 1 : 0)} ms`);

export async function relayThroughput(options: RelayBenchOptions = { backlog: 20_000, writers: 4, seconds: 10, keys: 1_000 }): Promise<void> {
  const serverUrl = postgresServerUrl();
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const logger = createLogger('bench-relay', 'warn');

  // The outbox exactly as a producing service has it (table + partial index), shared pool of 10 as in a service.
  const database = await freshAppointmentsDatabase(serverUrl, DB_NAME, { outbox }, logger);
  const kafka = createKafka('bench-relay', brokers, logger);
  let relay: Awaited<ReturnType<typeof startOutboxRelay>> | undefined;
  try {
    await ensureTopics(kafka, [TOPIC]);
    const messagesBefore = await topicMessages(kafka);
    const keys = Array.from({ length: options.keys }, () => randomUUID());
    const randomKey = (): string => keys[Math.floor(Math.random() * keys.length)]!;

    // (a) backlog: bulk insert while no relay runs, then time relay start → drained.
    for (let done = 0; done < options.backlog; done += 1_000) {
      const rows = Array.from({ length: Math.min(1_000, options.backlog - done) }, () => {
        const envelope = createEnvelope(appointmentEvent(randomKey()));
        return { eventId: envelope.id, topic: TOPIC.name, key: envelope.key, envelope };
      });
      await database.db.insert(outbox).values(rows);
    }
    const backlogStarted = performance.now();
    relay = await startOutboxRelay({ sql: database.sql, kafka, logger });
    await relay.drain(300_000);
    const backlogSeconds = (performance.now() - backlogStarted) / 1000;
    const backlog = await published(database.sql, 0);
    const [last] = await database.sql<{ id: number }[]>`select coalesce(max(id), 0)::int as id from outbox`;
    const afterBacklog = last!.id;

    // (b) steady state: writers at full speed, one event per transaction, relay running.
    const deadline = performance.now() + options.seconds * 1000;
    const [t0] = await database.sql<{ at: Date }[]>`select clock_timestamp() as at`;
    const writeStarted = performance.now();
    let commits = 0;
    let errors = 0;
    await Promise.all(
      Array.from({ length: options.writers }, async () => {
        while (performance.now() < deadline) {
          try {
            await database.db.transaction((tx) => writeEvent(tx, TOPIC.name, appointmentEvent(randomKey())));
            commits += 1;
          } catch {
            errors += 1;
          }
        }
      }),
    );
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    const [t1] = await database.sql<{ at: Date; pending: number }[]>`
      select clock_timestamp() as at, (select count(*)::int from outbox where published_at is null) as pending`;
    const tailStarted = performance.now();
    await relay.drain(300_000);
    const tailSeconds = (performance.now() - tailStarted) / 1000;
    const [inWindow] = await database.sql<{ n: number }[]>`
      select count(*)::int as n from outbox where id > ${afterBacklog} and published_at between ${t0!.at} and ${t1!.at}`;
    const steady = await published(database.sql, afterBacklog);
    const messagesAdded = (await topicMessages(kafka)) - messagesBefore;

    const widths = [34, 8, 8, 16, 17, 9, 9, 9];
    console.log(
      `outbox relay throughput (relay defaults: batch 500, poll 1 s; topic ${TOPIC.name}, ${TOPIC.partitions} partitions, acks=all; ${options.keys} keys)`,
    );
    console.log(pad(['phase', 'events', 'time', 'events/s', 'batches (avg)', 'lag p50', 'lag p99', 'lag max'], widths));
    console.log(
      pad(
        [
          `(a) backlog drain`,
          String(backlog.rows),
          `${backlogSeconds.toFixed(2)} s`,
          `${Math.round(backlog.rows / backlogSeconds)} published`,
          `${backlog.batches} (${(backlog.rows / backlog.batches).toFixed(0)})`,
          '-',
          '-',
          '-',
        ],
        widths,
      ),
    );
    console.log(
      pad(
        [
          `(b) ${options.writers} writers, written`,
          String(commits),
          `${writeSeconds.toFixed(2)} s`,
          `${Math.round(commits / writeSeconds)} committed`,
          '',
          '',
          '',
          '',
        ],
        widths,
      ),
    );
    console.log(
      pad(
        [
          `    published during the window`,
          String(inWindow!.n),
          '',
          `${Math.round(inWindow!.n / writeSeconds)} published`,
          `${steady.batches} (${(steady.rows / Math.max(1, steady.batches)).toFixed(1)})`,
          ms(steady.p50),
          ms(steady.p99),
          ms(steady.max),
        ],
        widths,
      ),
    );
    console.log(
      `    unpublished when writers stopped: ${t1!.pending} (drained ${tailSeconds.toFixed(2)} s later); writer errors ${errors}; ` +
        `Kafka topic +${messagesAdded} messages for ${backlog.rows + steady.rows} events${messagesAdded === backlog.rows + steady.rows ? '' : ' (MISMATCH)'}`,
    );
  } finally {
    await relay?.stop();
    await database.close();
  }
}
