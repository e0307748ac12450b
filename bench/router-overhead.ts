/** The same `me` query through the router and straight at the users subgraph (budget: < 1.5x). */
import { fmt, load } from './stats.ts';

import { login, gql as post } from './client.ts';

/** As a seeded patient (`pnpm seed`: patient01@example.com with SEED_PATIENT_PASSWORD). */
export async function routerOverhead(
  urls: { routerUrl: string; usersUrl: string },
  total = 3000,
  concurrency = 16,
  patientPassword = 'patient-password',
): Promise<void> {
  const token = await login(urls.routerUrl, 'patient01@example.com', patientPassword);
  const query = '{ me { id name role email createdAt } }';
  const call = (url: string) => async () => !(await post(url, query, {}, token)).errors;

  await load(300, concurrency, call(urls.usersUrl)); // warm-up
  await load(300, concurrency, call(urls.routerUrl));
  const direct = await load(total, concurrency, call(urls.usersUrl));
  const routed = await load(total, concurrency, call(urls.routerUrl));
  console.log(`me, ${total} requests, ${concurrency} in flight`);
  console.log(`  subgraph direct: ${fmt(direct)}`);
  console.log(`  through router: ${fmt(routed)}`);
  console.log(`  router/direct latency: p50 ${(routed.p50 / direct.p50).toFixed(2)}x, p99 ${(routed.p99 / direct.p99).toFixed(2)}x`);
}
