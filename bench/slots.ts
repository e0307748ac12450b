/**
 * availableSlots for the service most seeded doctors offer, one week, at a fixed request rate:
 * through the router and straight at the appointments subgraph (budget: p99 < 50 ms at 100 rps
 * through the router, router/direct < 1.5x).
 */
import { busiestService, must } from './client.ts';
import { fmt, loadAtRate } from './stats.ts';

export async function slotSearch(urls: { routerUrl: string; appointmentsUrl: string }, options = { rps: 100, seconds: 10 }): Promise<void> {
  const service = await busiestService(urls.routerUrl);
  const from = new Date(Date.now() + 86_400_000);
  const variables = { s: service.id, f: from.toISOString(), t: new Date(from.getTime() + 7 * 86_400_000).toISOString() };
  const query =
    'query($s: ID!, $f: DateTime!, $t: DateTime!) { availableSlots(serviceId: $s, from: $f, to: $t) { start end timeZone localStart doctor { id } } }';
  const probe = await must<{ availableSlots: unknown[] }>(urls.routerUrl, query, variables);
  console.log(
    `availableSlots: "${service.name}", ${service.doctors.length} doctors, one week, first 100 (default) → ${probe.availableSlots.length} slots per response`,
  );

  const call = (url: string) => async () => Boolean((await must<{ availableSlots: unknown[] }>(url, query, variables)).availableSlots);
  await loadAtRate(options.rps, 3, call(urls.appointmentsUrl));
  const direct = await loadAtRate(options.rps, options.seconds, call(urls.appointmentsUrl));
  await loadAtRate(options.rps, 3, call(urls.routerUrl));
  const routed = await loadAtRate(options.rps, options.seconds, call(urls.routerUrl));
  console.log(`  subgraph direct at ${options.rps} rps: ${fmt(direct)}`);
  console.log(`  through router at ${options.rps} rps: ${fmt(routed)}`);
  console.log(`  router/direct latency: p50 ${(routed.p50 / direct.p50).toFixed(2)}x, p99 ${(routed.p99 / direct.p99).toFixed(2)}x`);
}
