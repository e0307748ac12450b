/**
 * availableSlots for the service most seeded doctors offer, one week, at a fixed request rate:
 * through the router and straight at the appointments subgraph, and `me` through the router at
 * the same rate in the same run (budget: p99 < 50 ms at 100 rps through the router; the
 * appointments subgraph's own CPU per search ≤ 2 ms, read from /proc over the direct run).
 * PROFILE=1 also samples the appointments subgraph's CPU (inspector, from outside) over one more
 * direct run and says where its time goes, and what it allocates a search (over a shorter run).
 */
import { busiestService, login, must } from './client.ts';
import { inspect, type CpuCategory } from './profile.ts';
import { cpuSecondsOf, cpuSecondsOfTree, loadAverage, pidListeningOn, routerPidOf } from './proc.ts';
import { fmt, loadAtRate, type LoadResult } from './stats.ts';
import { cpuPerUnit, formatCpu, snapshotCpu } from './system-cpu.ts';

/** In priority order: a sample counts for the first of these that any frame of its stack matches. */
const SLOT_CATEGORIES: CpuCategory[] = [
  ['time-zone work (Intl, zoned-time)', (fn, url) => /zoned-time\.ts/.test(url) || /formatToParts|DateTimeFormat/.test(fn)],
  ['rule expansion (availability, slot grid)', (_fn, url) => /appointments\/src\/domain\/(availability|slot-grid|calendar)\.ts/.test(url)],
  ['SQL (postgres driver, drizzle)', (_fn, url) => /node_modules\/.*\/(postgres|drizzle-orm)\//.test(url)],
  [
    'serialisation (the response JSON, DateTime values)',
    (fn, url) => fn === 'prettyJSONStringify' || /platform\/src\/scalars\.ts/.test(url) || (url === '' && fn === 'stringify'),
  ],
  ['slot search assembly (merge, sort, page)', (_fn, url) => /appointments\/src\/use-cases\/slot-search\.ts/.test(url)],
  ['GraphQL execution (graphql, Apollo Server)', (_fn, url) => /node_modules\/.*\/(graphql|@apollo|@graphql-tools)\//.test(url)],
  ['token and signature checks (jose, crypto)', (_fn, url) => /node_modules\/.*\/jose\//.test(url) || /^node:crypto/.test(url)],
  ['our other code (platform, appointments)', (_fn, url) => /\/(packages|subgraphs)\//.test(url)],
  ['HTTP and the rest of node', (_fn, url) => url.startsWith('node:') || /node_modules/.test(url)],
  ['garbage collection', (fn) => fn === '(garbage collector)'],
];

/** The same for the router answering a search (`PROFILE=router`). */
const ROUTER_CATEGORIES: CpuCategory[] = [
  ['query planning (@apollo/query-planner, federation-internals)', (_fn, url) => /node_modules\/.*\/@apollo\/(query-planner|federation-internals)\//.test(url)],
  ['result shaping (the gateway completing the answer)', (fn, url) => /@apollo\/gateway\/.*resultShaping/.test(url) || fn === 'computeResponse'],
  [
    'serialisation and parsing (the response JSON, the subgraph answer)',
    (fn, url) => fn === 'prettyJSONStringify' || (url === '' && (fn === 'stringify' || fn === 'parse')),
  ],
  ['the subgraph fetch (undici, signature)', (_fn, url) => /node_modules\/.*\/undici\//.test(url) || /router\/src\/subgraph-fetcher\.ts/.test(url)],
  ['the gateway (plan execution, the rest)', (_fn, url) => /node_modules\/.*\/@apollo\/gateway\//.test(url)],
  ['GraphQL (graphql-js, Apollo Server)', (_fn, url) => /node_modules\/.*\/(graphql|@apollo)\//.test(url)],
  ['our other code (router, platform)', (_fn, url) => /\/(packages|router)\//.test(url)],
  ['HTTP and the rest of node', (_fn, url) => url.startsWith('node:') || /node_modules/.test(url)],
  ['garbage collection', (fn) => fn === '(garbage collector)'],
];

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

export async function slotSearch(
  urls: { routerUrl: string; appointmentsUrl: string },
  options: { rps: number; seconds: number; profile: false | 'appointments' | 'router'; patientPassword: string } = {
    rps: 100,
    seconds: 10,
    profile: false,
    patientPassword: 'patient-password',
  },
): Promise<void> {
  const service = await busiestService(urls.routerUrl);
  const from = new Date(Date.now() + 86_400_000);
  const variables = { s: service.id, f: from.toISOString(), t: new Date(from.getTime() + 7 * 86_400_000).toISOString() };
  const query =
    'query($s: ID!, $f: DateTime!, $t: DateTime!) { availableSlots(serviceId: $s, from: $f, to: $t) { start end timeZone localStart doctor { id } } }';
  const probe = await must<{ availableSlots: unknown[] }>(urls.routerUrl, query, variables);
  console.log(
    `availableSlots: "${service.name}", ${service.doctors.length} doctors, one week, first 100 (default) → ${probe.availableSlots.length} slots per response (load ${loadAverage().toFixed(1)})`,
  );
  const token = await login(urls.routerUrl, 'patient01@example.com', options.patientPassword);
  const pid = pidListeningOn(Number(new URL(urls.appointmentsUrl).port));
  // The router's own CPU for an answer: what sets the latency through it once the box is busy.
  const routerPid = routerPidOf(urls.routerUrl);

  const call = (url: string) => async () => Boolean((await must<{ availableSlots: unknown[] }>(url, query, variables)).availableSlots);
  const me = async () => Boolean((await must<{ me: unknown }>(urls.routerUrl, '{ me { id name role email createdAt } }', {}, token)).me);
  const timed = async (label: string, fn: () => Promise<boolean>): Promise<{ result: LoadResult; cpuMs: number }> => {
    await loadAtRate(options.rps, 3, fn);
    const cpu = cpuSecondsOf(pid);
    const routerCpu = cpuSecondsOfTree(routerPid);
    const box = snapshotCpu();
    const result = await loadAtRate(options.rps, options.seconds, fn);
    const cpuMs = ((cpuSecondsOf(pid) - cpu) * 1000) / result.requests;
    const routerMs = ((cpuSecondsOfTree(routerPid) - routerCpu) * 1000) / result.requests;
    const wholeBox = `${formatCpu(cpuPerUnit(box, snapshotCpu(), result.requests), 'request')} (idle included: at 100 rps a tenth of a second's idle work a request)`;
    console.log(
      `  ${label.padEnd(30)} ${fmt(result)}; CPU a request: appointments ${cpuMs.toFixed(2)} ms, router ${routerMs.toFixed(2)} ms; load ${loadAverage().toFixed(1)}`,
    );
    console.log(`    ${wholeBox}`);
    return { result, cpuMs };
  };
  const direct = await timed(`subgraph direct at ${options.rps} rps:`, call(urls.appointmentsUrl));
  const routed = await timed(`through router at ${options.rps} rps:`, call(urls.routerUrl));
  const baseline = await timed(`me through router at ${options.rps} rps:`, me);
  // What any request costs the subgraph (HTTP, signature, Apollo's pipeline): the floor under a search.
  const floor = await timed(
    `{ __typename } direct at ${options.rps} rps:`,
    async () => (await must<{ __typename: string }>(urls.appointmentsUrl, '{ __typename }')).__typename === 'Query',
  );
  console.log(`  appointments CPU a search minus a trivial request: ${(direct.cpuMs - floor.cpuMs).toFixed(2)} ms`);
  console.log(`  router/direct latency: p50 ${ratio(routed.result.p50, direct.result.p50)}, p99 ${ratio(routed.result.p99, direct.result.p99)}`);
  console.log(`  slots/me through the router: p50 ${ratio(routed.result.p50, baseline.result.p50)}, p99 ${ratio(routed.result.p99, baseline.result.p99)}`);

  if (!options.profile) return;
  // PROFILE=1: appointments over one more direct run; PROFILE=router: the router over one more run through it.
  const target =
    options.profile === 'router'
      ? { who: 'router', pid: routerPid, url: urls.routerUrl, run: 'run through the router', categories: ROUTER_CATEGORIES }
      : { who: 'appointments', pid, url: urls.appointmentsUrl, run: 'direct run', categories: SLOT_CATEGORIES };
  const inspected = await inspect(target.pid);
  try {
    await inspected.startCpu();
    const cpu = cpuSecondsOfTree(target.pid);
    const result = await loadAtRate(options.rps, options.seconds, call(target.url));
    const cpuMs = ((cpuSecondsOfTree(target.pid) - cpu) * 1000) / result.requests;
    console.log(`  profiled ${target.run}: ${fmt(result)}; ${target.who} CPU ${cpuMs.toFixed(2)} ms a request (profiler on)`);
    await inspected.stopCpu(`${target.who}-slots`, { who: target.who, categories: target.categories });
    // What feeds the garbage collector: every allocation of a shorter run, collected or not.
    await inspected.startAllocations({ collected: true });
    const sampled = await loadAtRate(options.rps, Math.min(options.seconds, 4), call(target.url));
    await inspected.stopAllocations(target.who, sampled.requests);
  } finally {
    await inspected.detach();
  }
}
