/**
 * `pnpm bench`: runs the benchmarks against a running, seeded system (`pnpm start`, then
 * `pnpm seed`). ROUTER_URL, USERS_URL, APPOINTMENTS_URL point elsewhere; BENCH=slots,booking,...
 * picks some (BENCH=relay: outbox relay throughput, on the system's Postgres and Kafka; see
 * bench/relay.ts; BENCH=pgbench: the booking's own SQL in pgbench on the system's Postgres, see
 * bench/pgbench.ts). The live benches with 10,000 sockets run only when named:
 * BENCH=subscriptions-rss, BENCH=subscriptions-me (bench/README.md); BENCH=fanout (the router's
 * fan-out alone, bench/fanout.ts), BENCH=request (the fixed cost of a request in a subgraph,
 * bench/request-cost.ts) and BENCH=consumers (what a booking sets off, on services, Postgres and
 * brokers it starts itself, bench/consumers.ts) need no system at all. Results go to stdout; record
 * them in bench/RESULTS.md.
 */
import { booking } from './booking.ts';
import { eventLatency } from './events.ts';
import { relayThroughput } from './relay.ts';
import { routerOverhead } from './router-overhead.ts';
import { slotSearch } from './slots.ts';
import { subscriptionLatency } from './subscriptions.ts';
import { subscriptionMemory } from './subscriptions-rss.ts';
import { meUnderIdleSockets } from './subscriptions-me.ts';
import { fanout } from './fanout.ts';
import { memoryRounds } from './memory.ts';
import { requestCost } from './request-cost.ts';
import { pgbenchBookings } from './pgbench.ts';
import { consumersBench, SERVICES as CONSUMERS, type Service as Consumer } from './consumers.ts';

const routerUrl = process.env['ROUTER_URL'] ?? 'http://127.0.0.1:4000/graphql';
const usersUrl = process.env['USERS_URL'] ?? 'http://127.0.0.1:4001/graphql';
const appointmentsUrl = process.env['APPOINTMENTS_URL'] ?? 'http://127.0.0.1:4004/graphql';
const only = new Set((process.env['BENCH'] ?? 'me,slots,booking,pgbench,events,relay,subscriptions').split(','));
const known = [
  'me',
  'slots',
  'booking',
  'events',
  'relay',
  'pgbench',
  'subscriptions',
  'subscriptions-rss',
  'subscriptions-me',
  'fanout',
  'memory',
  'request',
  'consumers',
];
const unknown = [...only].filter((name) => !known.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown BENCH ${unknown.join(', ')}: pick from ${known.join(', ')}`);
  process.exit(2);
}
/** PROFILE=1 profiles notifications; PROFILE=<one of the consumers> that one. */
function consumerToProfile(value: string): Consumer {
  if (value === '1') return 'notifications';
  if ((CONSUMERS as readonly string[]).includes(value)) return value as Consumer;
  console.error(`PROFILE=${value}: pick 1 or one of ${CONSUMERS.join(', ')}`);
  process.exit(2);
}
const passwords = {
  doctorPassword: process.env['SEED_DOCTOR_PASSWORD'] ?? 'doctor-password',
  patientPassword: process.env['SEED_PATIENT_PASSWORD'] ?? 'patient-password',
};
const sockets = Number(process.env['SOCKETS'] ?? 10_000);

/** `name=url,name=url` (BENCH=me with ROUTER_URLS: several routers side by side). */
function namedUrls(list: string): Record<string, string> {
  return Object.fromEntries(list.split(',').map((pair) => pair.split('=', 2) as [string, string]));
}

console.log(`bench ${new Date().toISOString()} · node ${process.version}`);
// Three need no running system (consumers starts its own services, Postgres and brokers), pgbench
// only its Postgres server; the rest need all of it.
const standalone = new Set(['fanout', 'request', 'consumers', 'pgbench']);
if (only.has('fanout')) await fanout({ sockets: Number(process.env['SOCKETS'] ?? 500), events: 50, rounds: 3 });
if (only.has('request')) await requestCost({ rounds: Number(process.env['ROUNDS'] ?? 40), concurrency: 4, profile: process.env['PROFILE'] === '1' });
if (only.has('consumers'))
  await consumersBench({
    events: Number(process.env['EVENTS'] ?? 1_000),
    rate: Number(process.env['RATE'] ?? 200),
    rounds: Number(process.env['ROUNDS'] ?? 3),
    ...(process.env['PROFILE'] && { profile: consumerToProfile(process.env['PROFILE']) }),
    ...(process.env['BASE_TREE'] && { baseTree: process.env['BASE_TREE'] }),
  });
if ([...only].some((name) => !standalone.has(name))) {
  try {
    await fetch(routerUrl.replace(/\/graphql$/, '/readyz'));
  } catch {
    console.error(`No router answers at ${routerUrl}. Start the system first: pnpm start (and pnpm seed once)`);
    process.exit(1);
  }
}
const requestBenches = {
  me: () =>
    routerOverhead(
      { routerUrl, usersUrl, ...(process.env['ROUTER_URLS'] ? { routers: namedUrls(process.env['ROUTER_URLS']) } : {}) },
      Number(process.env['BENCH_REQUESTS'] ?? 3000),
      Number(process.env['BENCH_CONCURRENCY'] ?? 16),
      passwords.patientPassword,
      Number(process.env['ROUNDS'] ?? 1),
    ),
  slots: () =>
    slotSearch(
      { routerUrl, appointmentsUrl },
      {
        rps: 100,
        seconds: 10,
        profile: process.env['PROFILE'] === 'router' ? 'router' : process.env['PROFILE'] === '1' && 'appointments',
        patientPassword: passwords.patientPassword,
      },
    ),
  booking: () =>
    booking(
      { routerUrl, appointmentsUrl, usersUrl },
      {
        patientPassword: passwords.patientPassword,
        profile: process.env['PROFILE'] === '1',
        pauseConsumers: process.env['BOOKING_CONSUMERS'] === 'paused',
      },
    ),
};
let apiBookings: number | undefined;
if (only.has('memory')) {
  // Three rounds of the request benches, with every service's RSS idle and after each.
  await memoryRounds(async () => {
    for (const run of Object.values(requestBenches)) await run();
  });
} else {
  if (only.has('me')) await requestBenches.me();
  if (only.has('slots')) await requestBenches.slots();
  if (only.has('booking')) apiBookings = (await requestBenches.booking()).bookingsPerSecond;
}
// After the booking bench when both run, so that its bookings/s can be read against the ceiling.
if (only.has('pgbench'))
  await pgbenchBookings({ clients: 32, seconds: Number(process.env['PGBENCH_SECONDS'] ?? 10), ...(apiBookings ? { apiBookingsPerSecond: apiBookings } : {}) });
if (only.has('events')) await eventLatency({ routerUrl });
if (only.has('relay')) await relayThroughput();
if (only.has('subscriptions')) {
  await subscriptionLatency({ routerUrl }, { subscribers: [1, 500], samples: 100, warmup: 3, profile: process.env['PROFILE'] === '1', ...passwords });
}
if (only.has('subscriptions-rss'))
  await subscriptionMemory({ routerUrl }, { sockets, processes: 4, doctors: 10, profile: process.env['PROFILE'] === '1', ...passwords });
if (only.has('subscriptions-me'))
  await meUnderIdleSockets(
    { routerUrl },
    { sockets, processes: 4, doctors: 10, rps: Number(process.env['BENCH_RPS'] ?? 100), seconds: Number(process.env['BENCH_SECONDS'] ?? 20), ...passwords },
  );
