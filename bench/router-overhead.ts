/** The same `me` query through the router and straight at the users subgraph (budget: < 1.5x). */
import { randomBytes } from 'node:crypto';
import { fmt, load } from './stats.ts';

import { gql as post } from './client.ts';

export async function routerOverhead(urls: { routerUrl: string; usersUrl: string }, total = 3000, concurrency = 16): Promise<void> {
  const email = `bench.${randomBytes(4).toString('hex')}@example.com`;
  const registered = await post<{ register: { accessToken: string } }>(urls.routerUrl, 'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }', {
    i: { email, password: 'bench-password-123', name: 'Bench User' },
  });
  const token = registered.data?.register.accessToken;
  if (!token) throw new Error(`register failed: ${JSON.stringify(registered.errors)}`);
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
