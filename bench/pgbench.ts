/**
 * The database's ceiling for bookings (issue #15, budget 3): pgbench runs the SQL one successful
 * booking sends (bench/pgbench/booking.sql: the terms read, then insert, history, outbox, NOTIFY,
 * waitlist, commit) at 32 clients for 10 s on the system's Postgres server, in a scratch database
 * (`bench_pgbench`: the appointments migrations, one service, a doctor per client with working
 * hours and 100 earlier bookings each; dropped again afterwards). Each client books its own
 * doctor's next slot, so none collide: this is the throughput of the booking's SQL alone, with no
 * API, driver or ORM in front of it, to read the API's bookings/s against. The CPU the server's
 * backends spent per booking is read from /proc as for the API.
 * Postgres: DATABASE_URL, PGPORT, else the launcher's embedded server (postmaster.pid); the
 * pgbench binary: PGBENCH, else `pgbench` on the PATH; PGBENCH_SCRIPT runs another script on the
 * same seed and constants (an earlier booking.sql, say, to compare), PGBENCH_MODE=extended without
 * prepared statements.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connectToDatabase, createEnvelope, createLogger, Topics } from '@medappt/platform';
import { repoRoot } from '../scripts/subgraphs.ts';
import { cpuSecondsOf, loadAverage } from './proc.ts';
import { dropDatabase, freshAppointmentsDatabase, postgresServerUrl } from './scratch-database.ts';

const DB_NAME = 'bench_pgbench';
const SCRIPT = resolve(repoRoot, process.env['PGBENCH_SCRIPT'] ?? join('bench', 'pgbench', 'booking.sql'));

export interface PgbenchOptions {
  clients: number;
  seconds: number;
  /** Bookings/s the API reached in the same run (BENCH=booking,pgbench), for the ratio. */
  apiBookingsPerSecond?: number;
}

export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  backendCpuMsPerBooking: number;
}

/** CPU seconds so far of every backend connected to `database` (a backend's name in ps: "postgres: user db host(port) state"). */
function backendCpu(database: string, seen: Map<number, number>): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith(`postgres: postgres ${database} `)) seen.set(Number(entry), cpuSecondsOf(Number(entry)));
    } catch {
      /* exited meanwhile */
    }
  }
}

async function seed(serverUrl: string, clients: number): Promise<{ serviceId: string }> {
  const database = await freshAppointmentsDatabase(serverUrl, DB_NAME, {}, createLogger('bench-pgbench', 'warn'));
  const sql = database.sql;
  const serviceId = randomUUID();
  const clinicId = randomUUID();
  // Weekdays 9-12 and 13-17, as the seeded doctors work.
  const rules = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00', validFrom: null, validUntil: null },
    { weekday, start: '13:00', end: '17:00', validFrom: null, validUntil: null },
  ]);
  try {
    await sql`insert into catalogue_services (id, name, duration_minutes, active, updated_at) values (${serviceId}, 'Bench check-up', 15, true, now())`;
    await sql`insert into catalogue_clinics (id, name, time_zone, updated_at) values (${clinicId}, 'Bench clinic', 'Europe/Berlin', now())`;
    await sql`
      insert into catalogue_doctors (id, name, specialties, clinic_id, active, service_ids, updated_at)
      select gen_random_uuid(), 'Doctor ' || n, '{General}', ${clinicId}, true, array[${serviceId}::uuid], now() from generate_series(1, ${clients}) n`;
    await sql`
      insert into availabilities (doctor_id, time_zone, rules) select id, 'Europe/Berlin', ${JSON.stringify(rules)}::jsonb from catalogue_doctors`;
    // Earlier bookings, so the indexes and the exclusion constraint have something to search.
    const booked = await sql<{ id: string; doctor_id: string; patient_id: string; start_at: Date }[]>`
      insert into appointments (doctor_id, patient_id, service_id, start_at, end_at, blocked_from, blocked_until, time_zone, status, created_by)
      select d.id, p, ${serviceId}, s, s + interval '15 minutes', s, s + interval '15 minutes', 'Europe/Berlin', 'CONFIRMED', p
      from catalogue_doctors d, generate_series(0, 99) k,
        lateral (select timestamptz '2029-01-08 08:00:00+00' + k * interval '15 minutes' as s, gen_random_uuid() as p) t
      returning id, doctor_id, patient_id, start_at`;
    await sql`
      insert into appointment_status_history (appointment_id, to_status, action, actor_id, actor_role, start_at)
      select id, 'REQUESTED', 'REQUEST', patient_id, 'PATIENT', start_at from appointments`;
    await sql`
      insert into outbox (event_id, topic, key, envelope, published_at)
      select gen_random_uuid(), ${Topics.appointments.name}, id::text, '{}'::jsonb, now() from appointments`;
    await sql`analyze`;
    if (booked.length !== clients * 100) throw new Error(`seeded ${booked.length} bookings, expected ${clients * 100}`);
  } finally {
    await database.close();
  }
  return { serviceId };
}

/** The constants of booking.sql: what the API passes as parameters that do not change between bookings. */
function constants(serviceId: string): Record<string, string> {
  const appointmentId = randomUUID();
  const start = new Date('2030-01-07T08:00:00Z');
  // A real event's size: the envelope the booking writes (ids differ per booking in the API, not its shape).
  const envelope = createEnvelope({
    type: 'appointment.requested',
    key: appointmentId,
    payload: {
      appointmentId,
      doctorId: randomUUID(),
      patientId: randomUUID(),
      serviceId,
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 15 * 60_000).toISOString(),
      status: 'REQUESTED',
      previousStatus: null,
      action: 'REQUEST',
      actorRole: 'PATIENT',
      timeZone: 'Europe/Berlin',
      previousStartAt: null,
    },
  });
  return {
    n: '0',
    service: serviceId,
    requested: 'REQUESTED',
    zone: 'Europe/Berlin',
    action: 'REQUEST',
    role: 'PATIENT',
    changes: '[]',
    topic: Topics.appointments.name,
    envelope: JSON.stringify(envelope),
    // What the booking sent as parameters before (bf09ea8's booking.sql, the transaction of eight), for PGBENCH_SCRIPT.
    confirmed: 'CONFIRMED',
    waiting: 'WAITING',
    offered: 'OFFERED',
    fulfilled: 'FULFILLED',
    channel: 'outbox',
  };
}

export async function pgbenchBookings(options: PgbenchOptions = { clients: 32, seconds: 10 }): Promise<PgbenchResult | undefined> {
  const pgbench = process.env['PGBENCH'] ?? 'pgbench';
  if (spawnSync(pgbench, ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.log(`pgbench: not found (${pgbench}); install the PostgreSQL client tools (postgresql-client) or set PGBENCH to its path`);
    return undefined;
  }
  // extended: every statement parsed and planned on every call, as drizzle's own client sends them.
  const mode = process.env['PGBENCH_MODE'] ?? 'prepared';
  const serverUrl = postgresServerUrl();
  const server = new URL(serverUrl);
  const { serviceId } = await seed(serverUrl, options.clients);
  try {
    const args = ['-h', server.hostname, '-p', server.port || '5432', '-U', decodeURIComponent(server.username || 'postgres')];
    args.push('-n', '-M', mode, '-r', '-c', String(options.clients), '-j', '2', '-T', String(options.seconds), '-f', SCRIPT);
    for (const [name, value] of Object.entries(constants(serviceId))) args.push('-D', `${name}=${value}`);
    args.push(DB_NAME);
    const cpu = new Map<number, number>();
    const child = spawn(pgbench, args, { env: { ...process.env, PGPASSWORD: decodeURIComponent(server.password) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (out += String(chunk)));
    // The backends exit with pgbench: read their CPU while they run (the last 100 ms are lost, ~1%).
    const poll = setInterval(() => backendCpu(DB_NAME, cpu), 100);
    const code = await new Promise<number | null>((settle) => child.once('exit', settle));
    clearInterval(poll);
    if (code !== 0) throw new Error(`pgbench exited with ${code}:\n${out}`);
    const number = (pattern: RegExp): number => Number(pattern.exec(out)?.[1] ?? NaN);
    const tps = number(/tps = ([\d.]+) \(without initial connection time\)/);
    const latencyMs = number(/latency average = ([\d.]+) ms/);
    const transactions = number(/number of transactions actually processed: (\d+)/);
    const failed = number(/number of failed transactions: (\d+)/);
    const check = connectToDatabase(serverUrl, DB_NAME);
    let rows: { appointments: number; history: number; outbox: number } | undefined;
    try {
      [rows] = await check<{ appointments: number; history: number; outbox: number }[]>`
        select (select count(*)::int from appointments where start_at >= '2030-01-01') as appointments,
          (select count(*)::int from appointment_status_history where start_at >= '2030-01-01') as history,
          (select count(*)::int from outbox where published_at is null) as outbox`;
    } finally {
      await check.end();
    }
    const backendMs = ([...cpu.values()].reduce((sum, s) => sum + s, 0) * 1000) / transactions;
    console.log(
      `pgbench, the booking's own SQL (${SCRIPT.replace(repoRoot, '')}), ${options.clients} clients, ${options.seconds} s, -M ${mode}: ` +
        `${tps.toFixed(0)} bookings/s, latency avg ${latencyMs.toFixed(2)} ms, ${transactions} booked, ${failed || 0} failed; ` +
        `Postgres backends' CPU a booking ${backendMs.toFixed(2)} ms; load ${loadAverage().toFixed(1)}`,
    );
    if (!rows || rows.appointments !== transactions || rows.history !== transactions || rows.outbox !== transactions)
      console.log(`  MISMATCH: ${rows?.appointments} appointments, ${rows?.history} history rows, ${rows?.outbox} outbox rows for ${transactions} bookings`);
    // pgbench -r: the average latency of each statement, in the order of the script.
    const statements = out.slice(out.indexOf('statement latencies'));
    for (const line of statements.split('\n').slice(1)) {
      const match = /^\s+([\d.]+)\s+\d+\s+(.*)$/.exec(line) ?? /^\s+([\d.]+)\s+(.*)$/.exec(line);
      if (match && !match[2]!.startsWith('\\')) console.log(`  ${match[1]!.padStart(8)} ms  ${match[2]!.slice(0, 90)}`);
    }
    if (options.apiBookingsPerSecond)
      console.log(
        `  the API's bookings/s in this run, ${options.apiBookingsPerSecond.toFixed(0)}, are ${(options.apiBookingsPerSecond / tps).toFixed(3)}x this ceiling`,
      );
    return { tps, latencyMs, backendCpuMsPerBooking: backendMs };
  } finally {
    await dropDatabase(serverUrl, DB_NAME);
  }
}
