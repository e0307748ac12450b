/**
 * Scratch databases for the benches that need only the system's Postgres server (relay, pgbench):
 * where that server is, and a database with the appointments schema, made afresh for each run.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connectToDatabase, openDatabase, type Database, type Logger } from '@medappt/platform';
import { repoRoot } from '../scripts/subgraphs.ts';

/**
 * The server the launcher's services use: DATABASE_URL, or PGPORT on 127.0.0.1 (user postgres),
 * or its embedded Postgres (random port, kept on line 4 of postmaster.pid under DATA_DIR).
 */
export function postgresServerUrl(): string {
  const fromEnv = process.env['DATABASE_URL'];
  if (fromEnv) return fromEnv;
  const pgPort = process.env['PGPORT'];
  if (pgPort) return `postgres://postgres:${process.env['PGPASSWORD'] ?? 'postgres'}@127.0.0.1:${pgPort}/postgres`;
  const pidFile = resolve(repoRoot, process.env['DATA_DIR'] ?? '.data', 'postgres', 'postmaster.pid');
  let port: string | undefined;
  try {
    port = readFileSync(pidFile, 'utf8').split('\n')[3]?.trim();
  } catch {
    /* not running */
  }
  if (!port) throw new Error(`no DATABASE_URL, no PGPORT and no embedded Postgres running (${pidFile}): start the system first (pnpm start)`);
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

/** Database `name` dropped (if a run left it) and created again with the appointments migrations. */
export async function freshAppointmentsDatabase<TSchema extends Record<string, unknown>>(
  serverUrl: string,
  name: string,
  schema: TSchema,
  logger: Logger,
): Promise<Database<TSchema>> {
  await dropDatabase(serverUrl, name);
  return openDatabase({ serverUrl, name, schema, migrationsFolder: join(repoRoot, 'subgraphs', 'appointments', 'drizzle'), logger });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = connectToDatabase(serverUrl, 'postgres');
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
