/**
 * The same `me` query through the router and straight at the users subgraph (budget: < 1.5x),
 * with the router's CPU a request from /proc (its workers included, ROUTER_WORKERS > 1).
 * ROUTER_URLS=name=url,name=url compares several routers over the same subgraphs (e.g. one per
 * configuration, each its own process on its own port): ROUNDS rounds, alternating direct and each
 * router within a round, so the shared box's load falls on all of them alike.
 */
import { cpuSecondsOfTree, loadAverage, pidListeningOn } from './proc.ts';
import { fmt, load, type LoadResult } from './stats.ts';

import { login, gql as post } from './client.ts';

export async function routerOverhead(
  urls: { routerUrl: string; usersUrl: string; routers?: Record<string, string> },
  total = 3000,
  concurrency = 16,
  patientPassword = 'patient-password',
  rounds = 1,
): Promise<void> {
  const routers = urls.routers ?? { router: urls.routerUrl };
  const token = await login(Object.values(routers)[0]!, 'patient01@example.com', patientPassword);
  const query = '{ me { id name role email createdAt } }';
  const call = (url: string) => async () => !(await post(url, query, {}, token)).errors;
  const pids = Object.fromEntries(Object.entries(routers).map(([name, url]) => [name, pidListeningOn(Number(new URL(url).port))]));

  await load(300, concurrency, call(urls.usersUrl)); // warm-up
  for (const url of Object.values(routers)) await load(300, concurrency, call(url));
  console.log(`me, ${total} requests, ${concurrency} in flight, ${rounds} round(s); load ${loadAverage().toFixed(1)}`);
  const ratios: Record<string, { p50: number[]; p99: number[]; rate: number[]; cpuMs: number[] }> = {};
  for (let round = 1; round <= rounds; round++) {
    const direct = await load(total, concurrency, call(urls.usersUrl));
    console.log(`  round ${round}, subgraph direct: ${fmt(direct)}`);
    for (const [name, url] of Object.entries(routers)) {
      const cpu = cpuSecondsOfTree(pids[name]!);
      const routed = await load(total, concurrency, call(url));
      const cpuMs = ((cpuSecondsOfTree(pids[name]!) - cpu) * 1000) / total;
      const r = (ratios[name] ??= { p50: [], p99: [], rate: [], cpuMs: [] });
      r.p50.push(routed.p50 / direct.p50);
      r.p99.push(routed.p99 / direct.p99);
      r.rate.push(rate(routed) / rate(direct));
      r.cpuMs.push(cpuMs);
      console.log(
        `  round ${round}, through ${name}: ${fmt(routed)}; router CPU ${cpuMs.toFixed(2)} ms a request; ` +
          `router/direct p50 ${(routed.p50 / direct.p50).toFixed(2)}x, p99 ${(routed.p99 / direct.p99).toFixed(2)}x; load ${loadAverage().toFixed(1)}`,
      );
    }
  }
  if (rounds > 1) {
    const range = (values: number[], digits: number) => `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}`;
    for (const [name, r] of Object.entries(ratios)) {
      console.log(
        `  ${name}: router/direct p50 ${range(r.p50, 2)}x, p99 ${range(r.p99, 2)}x, req/s ${range(r.rate, 2)}x of direct; router CPU ${range(r.cpuMs, 2)} ms a request`,
      );
    }
  }
}

const rate = (r: LoadResult): number => r.requests / r.seconds;
