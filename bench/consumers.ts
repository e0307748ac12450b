/**
 * What a booking sets off after it commits, without the running system: the four consumers of
 * appointments.events.v1 (notifications, patients, feedback, billing) as their own processes, each
 * started from a source tree, on their own Postgres (embedded, with pg_stat_statements) and their
 * own Kafka broker per tree. Streams of `appointment.requested` envelopes (as a booking publishes
 * them, over seeded patients, doctors, clinics and services) go to appointments.events.v1; a round
 * ends when every group has committed the last offset, notifications' outbox is published and its
 * deliveries are sent. Per event: CPU of each service and of its database's backends (and the
 * broker), idle subtracted (measured just before, for as long as the round), statements and
 * transactions per database; and the idle CPU of each service a second.
 *
 * BASE_TREE=/path/to/another/checkout (installed) runs that tree's services beside this one's,
 * each on its own broker and databases, in alternating rounds (A/B in one run). EVENTS (1,000 a
 * round), RATE (events a second, 200), ROUNDS (3), PROFILE=1 or PROFILE=<service> (in the last
 * round of each tree, CPU profiles of notifications, or that service, over the events and of
 * patients while idle; the idle CPU is then the profiled one's, so read it from the other rounds).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connectToDatabase,
  createEnvelope,
  createKafka,
  createLogger,
  ensureTopics,
  findFreePort,
  startEmbeddedPostgres,
  Topics,
  type AppointmentPayloadV1,
  type CatalogueEventType,
  type PayloadOf,
  type Sql,
} from '@medappt/platform';
import { startKafkaBroker } from '../scripts/kafka/broker.mjs';
import { repoRoot } from '../scripts/subgraphs.ts';
import { inspect } from './profile.ts';
import { cpuSecondsOf, loadAverage } from './proc.ts';
import { sleep } from './seeded.ts';

export const SERVICES = ['notifications', 'patients', 'feedback', 'billing'] as const;
export type Service = (typeof SERVICES)[number];
/** The consumer groups of appointments.events.v1, by service. */
export const GROUPS: Record<Service, string> = {
  notifications: 'notifications.appointments',
  patients: 'patients.care-relation',
  feedback: 'feedback.visits',
  billing: 'billing.appointments',
};
const PATIENTS = 20;
const DOCTORS = 47;
const CLINICS = 5;
const logger = createLogger('bench-consumers', 'warn');
type Kafka = ReturnType<typeof createKafka>;
type Producer = ReturnType<Kafka['producer']>;

interface Tree {
  label: string;
  root: string;
  prefix: string;
  kafka: Kafka;
  producer: Producer;
  /** One connection for the bench's own questions (offsets), held for the whole run. */
  admin: ReturnType<Kafka['admin']>;
  brokerPid: number;
  children: Map<Service, { child: ChildProcess; port: number; inspectPort: number }>;
  notificationsDb: Sql;
}

interface Directory {
  patients: string[];
  doctors: { id: string; clinicId: string; timeZone: string }[];
  serviceIds: string[];
}

/** CPU seconds by group: each service, the backends of each of its databases, the broker. */
function snapshot(tree: Tree): Map<string, number> {
  const totals = new Map<string, number>();
  const add = (group: string, seconds: number) => totals.set(group, (totals.get(group) ?? 0) + seconds);
  for (const [service, { child }] of tree.children) add(service, cpuSecondsOf(child.pid!));
  add('kafka broker', cpuSecondsOf(tree.brokerPid));
  const backend = new RegExp(`^postgres: \\S+ ${tree.prefix}_(\\w+)`);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const match = backend.exec(readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
      if (match) add(`postgres (${match[1]})`, cpuSecondsOf(Number(entry)));
    } catch {
      /* exited meanwhile */
    }
  }
  return totals;
}

const minus = (after: Map<string, number>, before: Map<string, number>): Map<string, number> =>
  new Map([...after].map(([group, seconds]) => [group, seconds - (before.get(group) ?? 0)]));

function envelope<T extends CatalogueEventType>(type: T, key: string, payload: PayloadOf<T>): { key: string; value: string } {
  return { key, value: JSON.stringify(createEnvelope({ type, key, payload })) };
}

function makeDirectory(): Directory {
  const zones = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'];
  const clinics = Array.from({ length: CLINICS }, (_, i) => ({ id: randomUUID(), timeZone: zones[i % zones.length]! }));
  return {
    patients: Array.from({ length: PATIENTS }, () => randomUUID()),
    doctors: Array.from({ length: DOCTORS }, (_, i) => ({ id: randomUUID(), clinicId: clinics[i % CLINICS]!.id, timeZone: clinics[i % CLINICS]!.timeZone })),
    serviceIds: Array.from({ length: 3 }, () => randomUUID()),
  };
}

/** The directory every consumer's read models need (accounts, clinics, services, doctors), published as the users and doctors subgraphs do. */
async function publishDirectory(tree: Tree, directory: Directory): Promise<void> {
  const now = new Date().toISOString();
  const clinics = [...new Map(directory.doctors.map((d) => [d.clinicId, d.timeZone]))];
  const users = [
    ...directory.patients.map((userId, i) =>
      envelope('user.created', userId, { userId, role: 'PATIENT', name: `Patient ${i + 1}`, email: `patient${i + 1}@example.com`, disabledAt: null }),
    ),
    ...directory.doctors.map(({ id }, i) =>
      envelope('user.created', id, { userId: id, role: 'DOCTOR', name: `Dr. Doctor ${i + 1}`, email: `doctor${i + 1}@doctors.clinic.local`, disabledAt: null }),
    ),
  ];
  const catalogue = [
    ...clinics.map(([clinicId, timeZone], i) =>
      envelope('clinic.saved', clinicId, {
        clinicId,
        name: `Clinic ${i + 1}`,
        timeZone,
        address: `Street ${i + 1}`,
        active: true,
        currency: 'EUR',
        updatedAt: now,
      }),
    ),
    ...directory.serviceIds.map((serviceId, i) =>
      envelope('service.saved', serviceId, {
        serviceId,
        name: `Service ${i + 1}`,
        kind: 'CONSULTATION',
        durationMinutes: 30,
        priceCents: 5_000,
        currency: 'EUR',
        active: true,
        updatedAt: now,
      }),
    ),
    ...directory.doctors.map(({ id, clinicId }, i) =>
      envelope('doctor.saved', id, {
        doctorId: id,
        name: `Dr. Doctor ${i + 1}`,
        specialties: ['general'],
        clinicId,
        active: true,
        serviceIds: directory.serviceIds,
        updatedAt: now,
      }),
    ),
  ];
  await tree.producer.send({ topic: Topics.users.name, messages: users });
  await tree.producer.send({ topic: Topics.doctors.name, messages: catalogue });
}

/** `appointment.requested` as bookAppointment publishes it: a patient's request for a free slot, one to three weeks ahead. */
function bookingEvent(directory: Directory, n: number): { key: string; value: string } {
  const doctor = directory.doctors[n % DOCTORS]!;
  const startAt = new Date(Math.ceil((Date.now() + (7 + (n % 14)) * 86_400_000) / 1_800_000) * 1_800_000);
  const appointmentId = randomUUID();
  const payload: AppointmentPayloadV1 = {
    appointmentId,
    doctorId: doctor.id,
    patientId: directory.patients[n % PATIENTS]!,
    serviceId: directory.serviceIds[n % directory.serviceIds.length]!,
    startAt: startAt.toISOString(),
    endAt: new Date(startAt.getTime() + 30 * 60_000).toISOString(),
    status: 'REQUESTED',
    previousStatus: null,
    action: 'book',
    actorRole: 'PATIENT',
    timeZone: doctor.timeZone,
    previousStartAt: null,
  };
  return envelope('appointment.requested', appointmentId, payload);
}

async function startTree(label: string, root: string, pg: { url: string; sql: Sql }, workDir: string): Promise<Tree> {
  const broker = await startKafkaBroker({});
  const kafka = createKafka(`bench-consumers-${label}`, broker.brokers, logger);
  await ensureTopics(kafka, Object.values(Topics));
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  const prefix = `bench_${label.replace(/\W/g, '_')}_${randomBytes(2).toString('hex')}`;
  const children = new Map<Service, { child: ChildProcess; port: number; inspectPort: number }>();
  const env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    DATABASE_URL: pg.url,
    DB_NAME_PREFIX: prefix,
    DATA_DIR: join(workDir, prefix),
    KAFKA_BROKERS: broker.brokers.join(','),
    // Nothing asks these services to verify a token: the JWKS is never fetched.
    USERS_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
    GATEWAY_SECRET: randomBytes(32).toString('base64url'),
  };
  for (const service of SERVICES) {
    const port = await findFreePort();
    const inspectPort = await findFreePort();
    const child = spawn(process.execPath, [`--inspect-port=127.0.0.1:${inspectPort}`, '--import', 'tsx', join(root, 'subgraphs', service, 'src', 'index.ts')], {
      cwd: root,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.set(service, { child, port, inspectPort });
  }
  const tree: Tree = {
    label,
    root,
    prefix,
    kafka,
    producer,
    admin,
    brokerPid: broker.pid,
    children,
    notificationsDb: connectToDatabase(pg.url, `${prefix}_notifications`),
  };
  stops.push(async () => {
    for (const { child } of children.values()) child.kill('SIGTERM');
    await Promise.all([...children.values()].map(({ child }) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)));
    await tree.notificationsDb.end();
    await Promise.all([producer.disconnect(), admin.disconnect()]);
    await broker.stop();
  });
  for (const [service, { port, child }] of children) {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${label} ${service} exited (${child.exitCode})`);
      if (Date.now() > deadline) throw new Error(`${label} ${service} not ready in 120 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(250);
    }
  }
  return tree;
}

/** Every group has committed the topic's end, notifications' outbox is published and its deliveries are sent. */
async function settled(tree: Tree): Promise<boolean> {
  const ends = await tree.admin.fetchTopicOffsets(Topics.appointments.name);
  const end = new Map(ends.map((p) => [p.partition, p.high]));
  for (const groupId of Object.values(GROUPS)) {
    const [committed] = await tree.admin.fetchOffsets({ groupId, topics: [Topics.appointments.name] });
    if (!committed || committed.partitions.some((p) => p.offset !== end.get(p.partition))) return false;
  }
  const [row] = await tree.notificationsDb<{ pending: number }[]>`
    select (select count(*) from outbox where published_at is null)
      + (select count(*) from deliveries where status in ('PENDING', 'RETRYING')) as pending /* bench-poll */`;
  return Number(row?.pending) === 0;
}

async function untilSettled(tree: Tree, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await settled(tree))) {
    if (Date.now() > deadline) throw new Error(`${tree.label}: not settled after ${timeoutMs / 1000} s`);
    // Not too often: the broker's CPU is measured too, and these requests are the bench's, not the consumers'.
    await sleep(250);
  }
}

/** Sends `count` bookings' events at `rate` a second, in slices of 20 ms. */
async function stream(tree: Tree, directory: Directory, count: number, rate: number, offset: number): Promise<void> {
  const started = performance.now();
  let sent = 0;
  while (sent < count) {
    const due = Math.min(count, Math.ceil(((performance.now() - started) / 1000) * rate));
    if (due > sent) {
      const messages = Array.from({ length: due - sent }, (_, i) => bookingEvent(directory, offset + sent + i));
      await tree.producer.send({ topic: Topics.appointments.name, messages });
      sent = due;
    }
    await sleep(20);
  }
}

interface Statements {
  byDb: Map<string, { calls: number; xacts: number }>;
  top: { db: string; calls: number; query: string }[];
}

async function statementsSince(pgAdmin: Sql, prefix: string, xactsBefore: Map<string, number>): Promise<Statements> {
  const rows = await pgAdmin<{ db: string; calls: number; query: string }[]>`
    select d.datname as db, s.calls::int as calls, s.query
    from pg_stat_statements s join pg_database d on d.oid = s.dbid
    where starts_with(d.datname, ${`${prefix}_`}) and s.query not like '%bench-poll%'`;
  const xacts = await xactCounts(pgAdmin, prefix);
  const byDb = new Map<string, { calls: number; xacts: number }>();
  for (const [db, n] of xacts) byDb.set(db.slice(prefix.length + 1), { calls: 0, xacts: n - (xactsBefore.get(db) ?? 0) });
  for (const row of rows) {
    const entry = byDb.get(row.db.slice(prefix.length + 1)) ?? { calls: 0, xacts: 0 };
    entry.calls += row.calls;
    byDb.set(row.db.slice(prefix.length + 1), entry);
  }
  return { byDb, top: rows.map((r) => ({ ...r, db: r.db.slice(prefix.length + 1) })).sort((a, b) => b.calls - a.calls) };
}

async function xactCounts(pgAdmin: Sql, prefix: string): Promise<Map<string, number>> {
  const rows = await pgAdmin<{ db: string; n: number }[]>`
    select datname as db, (xact_commit + xact_rollback)::int as n from pg_stat_database where starts_with(datname, ${`${prefix}_`})`;
  return new Map(rows.map((r) => [r.db, r.n]));
}

const stops: (() => Promise<void>)[] = [];

export async function consumersBench(options: {
  events: number;
  rate: number;
  rounds: number;
  /** The service whose CPU profile is taken over the events of the last round (none: no profiles). */
  profile?: Service;
  baseTree?: string;
}): Promise<void> {
  // Ctrl-C stops what the bench started (services, brokers, Postgres), not only the bench.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`bench consumers: ${signal}, stopping what it started`);
      void teardown().finally(() => process.exit(130));
    });
  const workDir = mkdtempSync(join(tmpdir(), 'bench-consumers-'));
  // Run as root, embedded Postgres drops to a `postgres` user that must reach its data dir.
  chmodSync(workDir, 0o755);
  stops.push(async () => rmSync(workDir, { recursive: true, force: true }));
  try {
    const server = await startEmbeddedPostgres({
      dataDir: join(workDir, 'postgres'),
      ephemeral: true,
      settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.max': '2000' },
    });
    stops.push(server.stop);
    const pgAdmin = connectToDatabase(server.url, 'postgres');
    stops.push(() => pgAdmin.end());
    await pgAdmin`create extension if not exists pg_stat_statements`;
    const pg = { url: server.url, sql: pgAdmin };
    const treeSpecs = [
      ...(options.baseTree ? [{ label: 'before', root: options.baseTree }] : []),
      { label: options.baseTree ? 'after' : 'this', root: repoRoot },
    ];
    const trees = await Promise.all(treeSpecs.map((t) => startTree(t.label, t.root, pg, workDir)));
    const directory = makeDirectory();
    let sent = 0;
    for (const tree of trees) {
      await publishDirectory(tree, directory);
      // Warm-up: the directory consumed and the code paths compiled before anything is measured.
      await sleep(3_000);
      await stream(tree, directory, 300, options.rate, sent);
      await untilSettled(tree);
    }
    sent += 300;
    console.log(
      `consumers of appointments.events.v1 (${SERVICES.join(', ')}), ${options.events} appointment.requested a round at ${options.rate}/s, ` +
        `${options.rounds} rounds, trees: ${trees.map((t) => `${t.label} = ${t.root}`).join(', ')}`,
    );
    const idleByTree = new Map<string, Map<string, number>[]>();
    for (let round = 1; round <= options.rounds; round += 1) {
      const order = round % 2 === 1 ? trees : [...trees].reverse();
      for (const tree of order) {
        const profiled = options.profile !== undefined && round === options.rounds;
        // Idle first, for as long as the busy part will take, so that it can be subtracted.
        const seconds = Math.max(5, options.events / options.rate + 3);
        const patients = tree.children.get('patients')!;
        const idleInspected = profiled ? await inspect(patients.child.pid!, patients.inspectPort) : undefined;
        await idleInspected?.startCpu();
        const idleStart = snapshot(tree);
        const idleT0 = performance.now();
        await sleep(seconds * 1000);
        const idle = minus(snapshot(tree), idleStart);
        if (idleInspected) {
          await idleInspected.stopCpu(`consumers-${tree.label}-patients-idle`, { who: `${tree.label} patients, idle` });
          await idleInspected.detach();
        }
        const idleSeconds = (performance.now() - idleT0) / 1000;
        const idlePerSecond = new Map([...idle].map(([g, s]) => [g, (s * 1000) / idleSeconds]));
        idleByTree.set(tree.label, [...(idleByTree.get(tree.label) ?? []), idlePerSecond]);

        const target = tree.children.get(options.profile ?? 'notifications')!;
        const inspected = profiled ? await inspect(target.child.pid!, target.inspectPort) : undefined;
        await inspected?.startCpu();
        await pgAdmin`select pg_stat_statements_reset()`;
        const xactsBefore = await xactCounts(pgAdmin, tree.prefix);
        const load = loadAverage();
        const before = snapshot(tree);
        const t0 = performance.now();
        await stream(tree, directory, options.events, options.rate, sent);
        sent += options.events;
        const streamed = (performance.now() - t0) / 1000;
        await untilSettled(tree);
        const elapsed = (performance.now() - t0) / 1000;
        const busy = minus(snapshot(tree), before);
        const statements = await statementsSince(pgAdmin, tree.prefix, xactsBefore);
        if (inspected) {
          await inspected.stopCpu(`consumers-${tree.label}-${options.profile}`, { who: `${tree.label} ${options.profile}` });
          await inspected.detach();
        }
        const perEvent = [...busy]
          .map(([group, s]) => ({ group, ms: ((s - ((idlePerSecond.get(group) ?? 0) * elapsed) / 1000) * 1000) / options.events }))
          .sort((a, b) => b.ms - a.ms);
        const total = perEvent.reduce((sum, g) => sum + g.ms, 0);
        console.log(
          `\nround ${round} ${tree.label}${profiled ? ' (profiled)' : ''}: load ${load.toFixed(2)}→${loadAverage().toFixed(2)}; streamed in ${streamed.toFixed(1)} s, ` +
            `all settled ${elapsed.toFixed(1)} s after the first event`,
        );
        console.log(`  CPU a event, idle subtracted: total ${total.toFixed(2)} ms = ${perEvent.map((g) => `${g.group} ${g.ms.toFixed(2)}`).join(', ')}`);
        // Without the subtraction: what these processes spent from the first event until all was settled, idle work included.
        const raw = [...busy.values()].reduce((sum, seconds) => sum + seconds, 0);
        console.log(`  CPU a event, idle included: ${((raw * 1000) / options.events).toFixed(2)} ms (${(raw / elapsed).toFixed(2)} cores while it ran)`);
        console.log(
          `  statements (transactions) a event: ${[...statements.byDb]
            .filter(([, v]) => v.calls > 0)
            .map(([db, v]) => `${db} ${(v.calls / options.events).toFixed(1)} (${(v.xacts / options.events).toFixed(2)})`)
            .join(', ')}`,
        );
        if (round === options.rounds) {
          console.log(`  ${tree.label}: notifications' statements a event:`);
          for (const s of statements.top.filter((s) => s.db === 'notifications' && s.calls >= options.events / 20).slice(0, 25))
            console.log(`    ${(s.calls / options.events).toFixed(2).padStart(6)}  ${s.query.replace(/\s+/g, ' ').slice(0, 150)}`);
        }
      }
    }
    console.log('\nidle CPU, ms a second (mean of the rounds):');
    for (const [label, samples] of idleByTree) {
      const groups = new Set(samples.flatMap((s) => [...s.keys()]));
      const mean = [...groups].map((g) => ({ g, ms: samples.reduce((sum, s) => sum + (s.get(g) ?? 0), 0) / samples.length })).sort((a, b) => b.ms - a.ms);
      console.log(`  ${label}: ${mean.map(({ g, ms }) => `${g} ${ms.toFixed(1)}`).join(', ')}`);
    }
  } finally {
    await teardown();
  }
}

async function teardown(): Promise<void> {
  const pending = stops.splice(0).reverse();
  for (const stop of pending) await stop().catch((error: unknown) => console.error('bench consumers teardown:', error));
}
