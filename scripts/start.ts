/**
 * `pnpm start`: the whole system on this machine. Starts PostgreSQL (embedded, unless
 * DATABASE_URL), Apache Kafka (scripts/kafka, unless KAFKA_BROKERS), every subgraph in
 * schema/subgraphs.json as its own process, then the router, and prints the router URL when
 * everything answers /readyz. Ctrl-C stops it all, children first.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, startEmbeddedPostgres } from '@medappt/platform';
import { startKafkaBroker } from './kafka/broker.mjs';
import { supervise, type Supervised } from './supervise.ts';
import { repoRoot, subgraphs } from './subgraphs.ts';

const log = createLogger('launcher', 'info');
const env = process.env;
const dataDir = join(repoRoot, env['DATA_DIR'] ?? '.data');
const routerPort = Number(env['ROUTER_PORT'] ?? 4000);
const stops: (() => Promise<void>)[] = [];
const services: Supervised[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log.info('stopping everything');
    for (const service of services.reverse()) await service.stop();
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log.warn({ err: error }, 'stop failed'));
  }
  process.exit(code);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));
// Last resort if the launcher itself dies: never leave services running without it.
process.on('exit', () => {
  for (const service of services) if (service.current().exitCode === null) service.current().kill('SIGTERM');
});

function adminCredentials(): { ADMIN_EMAIL: string; ADMIN_PASSWORD: string; file?: string } {
  if (env['ADMIN_EMAIL'] && env['ADMIN_PASSWORD']) return { ADMIN_EMAIL: env['ADMIN_EMAIL'], ADMIN_PASSWORD: env['ADMIN_PASSWORD'] };
  const file = join(dataDir, 'admin.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // Generated, never committed: the first admin's password for this machine only.
    const credentials = { email: 'admin@clinic.local', password: randomBytes(12).toString('base64url') };
    writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  }
  const { email, password } = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
  return { ADMIN_EMAIL: email, ADMIN_PASSWORD: password, file };
}

async function waitReady(name: string, url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready (see its log lines above)`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s: ${url}/readyz`);
}

/** Starts a service and keeps it running: a crash restarts it with backoff (logged), the others go on. */
function startProcess(name: string, entry: string, childEnv: Record<string, string>): ChildProcess {
  const service = supervise(
    name,
    () =>
      spawn(process.execPath, ['--import', 'tsx', join(repoRoot, entry)], {
        cwd: repoRoot,
        env: { ...env, ...childEnv },
        stdio: ['ignore', 'inherit', 'inherit'],
      }),
    log,
  );
  services.push(service);
  return service.current();
}

async function embeddedPostgres(): Promise<string> {
  const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), logger: log });
  stops.push(pg.stop);
  return pg.url;
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(dataDir, { recursive: true });

  const databaseUrl = env['DATABASE_URL'] ?? (await embeddedPostgres());

  let kafkaBrokers = env['KAFKA_BROKERS'];
  if (!kafkaBrokers) {
    if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0) {
      log.info('starting Apache Kafka (first run downloads its jars from Maven Central; this can take a minute)');
      const broker = await startKafkaBroker({ port: Number(env['KAFKA_PORT'] ?? 9092), dataDir: join(dataDir, 'kafka') });
      stops.push(broker.stop);
      kafkaBrokers = broker.brokers.join(',');
    } else {
      const line = '!'.repeat(78);
      log.warn(
        `\n${line}\n  Java was not found, so no Kafka broker runs. Events stay inside each process\n  (in-process bus): consumers in other services will NOT see them.\n  Install Java 17 or set KAFKA_BROKERS for the real system.\n${line}`,
      );
    }
  }

  const admin = adminCredentials();
  const users = subgraphs.find((s) => s.name === 'users');
  const common: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    ...(kafkaBrokers ? { KAFKA_BROKERS: kafkaBrokers } : {}),
    ...(users ? { USERS_JWKS_URL: `http://127.0.0.1:${users.port}/.well-known/jwks.json` } : {}),
  };

  // users first: the others fetch its public keys.
  const ordered = [...subgraphs].sort((a, b) => Number(b.name === 'users') - Number(a.name === 'users'));
  for (const subgraph of ordered) {
    const child = startProcess(subgraph.name, subgraph.entry, {
      ...common,
      // graphql-js then skips its development-mode instanceof checks (~15% of the CPU of a 100-object
      // answer, bench BENCH=request); nothing else a subgraph loads reads it (bench/RESULTS.md, issue
      // #15). Not the router: there NODE_ENV=production means production mode (no anonymous introspection).
      ...(env['NODE_ENV'] ? {} : { NODE_ENV: 'production' }),
      PORT: String(subgraph.port),
      ...(subgraph.name === 'users' ? { ADMIN_EMAIL: admin.ADMIN_EMAIL, ADMIN_PASSWORD: admin.ADMIN_PASSWORD } : {}),
    });
    await waitReady(subgraph.name, `http://127.0.0.1:${subgraph.port}`, child);
  }
  const router = startProcess('router', 'router/src/index.ts', {
    PORT: String(routerPort),
    DATA_DIR: dataDir,
    ...(common['USERS_JWKS_URL'] ? { USERS_JWKS_URL: common['USERS_JWKS_URL'] } : {}),
    ...(kafkaBrokers ? { KAFKA_BROKERS: kafkaBrokers } : {}),
  });
  await waitReady('router', `http://127.0.0.1:${routerPort}`, router);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `\n  Ready in ${seconds} s. Router (GraphQL API, GraphiQL in a browser): http://127.0.0.1:${routerPort}/graphql\n` +
      `  First admin: ${admin.ADMIN_EMAIL}${admin.file ? ` (password in ${admin.file})` : ''}\n  Ctrl-C stops everything.\n\n`,
  );
}

main().catch((error: unknown) => {
  log.error({ err: error }, `start failed: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
