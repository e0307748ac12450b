/**
 * `pnpm bench`: runs every benchmark against a running system (`pnpm start` in another terminal).
 * ROUTER_URL and USERS_URL point elsewhere. Results go to stdout; record them in bench/RESULTS.md.
 */
import { routerOverhead } from './router-overhead.ts';

const routerUrl = process.env['ROUTER_URL'] ?? 'http://127.0.0.1:4000/graphql';
const usersUrl = process.env['USERS_URL'] ?? 'http://127.0.0.1:4001/graphql';

try {
  await fetch(routerUrl.replace(/\/graphql$/, '/readyz'));
} catch {
  console.error(`No router answers at ${routerUrl}. Start the system first: pnpm start`);
  process.exit(1);
}
await routerOverhead({ routerUrl, usersUrl });
