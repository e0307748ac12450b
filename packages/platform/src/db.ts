import postgres from 'postgres';
import { lte } from 'drizzle-orm';
import type { IndexColumn, PgColumn, PgDatabase, PgInsertValue, PgQueryResultHKT, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { countSqlQuery, type Logger } from './logger.ts';
import { databaseUrl } from './postgres-server.ts';

export type Sql = postgres.Sql;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any drizzle Postgres database or transaction
export type AnyPgDatabase = PgDatabase<PgQueryResultHKT, any>;
/** The transaction handle `db.transaction` passes to its callback. */
export type TxOf<TDb extends AnyPgDatabase> = Parameters<Parameters<TDb['transaction']>[0]>[0];

export interface Database<TSchema extends Record<string, unknown>> {
  readonly sql: Sql;
  readonly db: PostgresJsDatabase<TSchema>;
  readonly name: string;
  close(): Promise<void>;
}

/** Creates database `name` on the server unless it exists. Safe when two services race. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) {
      try {
        await admin.unsafe(`create database "${name}"`);
      } catch (error) {
        // 42P04: created meanwhile by a concurrent start; 23505: the same race seen through pg_database's index.
        const code = (error as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw error;
      }
    }
  } finally {
    await admin.end();
  }
}

/** Opens the service's own database, creating it and applying its drizzle migrations first. */
export async function openDatabase<TSchema extends Record<string, unknown>>(options: {
  serverUrl: string;
  name: string;
  schema: TSchema;
  migrationsFolder: string;
  logger: Logger;
  poolSize?: number;
}): Promise<Database<TSchema>> {
  await ensureDatabase(options.serverUrl, options.name);
  const sql = postgres(databaseUrl(options.serverUrl, options.name), {
    max: options.poolSize ?? 10,
    onnotice: () => {},
    connection: { application_name: options.name },
  });
  try {
    const started = Date.now();
    await migrate(drizzle(sql), { migrationsFolder: options.migrationsFolder });
    options.logger.info({ database: options.name, ms: Date.now() - started }, 'migrations applied');
  } catch (error) {
    await sql.end();
    throw error;
  }
  return {
    sql,
    // Counting per request shows N+1 patterns at a glance (Server-Timing: sql;desc="N queries").
    db: drizzle(preparing(sql), { schema: options.schema, logger: { logQuery: countSqlQuery } }),
    name: options.name,
    close: () => sql.end({ timeout: 5 }),
  };
}

type Callback = (sql: postgres.TransactionSql) => unknown;

/**
 * The client drizzle gets: every statement prepared. drizzle runs each query through postgres.js's
 * `unsafe`, which does not prepare, so Postgres parsed, analysed and planned every statement anew
 * on every call: a booking's eight statements cost the appointments database 2.9 ms of CPU, 1.6 ms
 * prepared (bench/RESULTS.md, issue #15). Prepared, a connection parses a statement once
 * (postgres.js keys them by text and parameter types) and sends only Bind/Execute after that, and
 * Postgres may keep a generic plan; a connection's statements go with it when postgres.js retires
 * it (max_lifetime, 30-60 min), which bounds how many distinct texts (an IN list of each length)
 * it accumulates. Transactions and savepoints get the same client.
 */
function preparing<TSql extends postgres.Sql | postgres.TransactionSql>(sql: TSql): TSql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      switch (property) {
        case 'unsafe':
          return (query: string, args?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
            target.unsafe(query, args, { prepare: true, ...options });
        case 'begin':
        case 'savepoint':
          return (...args: unknown[]) => {
            const callback = args.pop() as Callback;
            return (Reflect.get(target, property) as (...a: unknown[]) => unknown)(...args, (tx: postgres.TransactionSql) => callback(preparing(tx)));
          };
        default:
          return Reflect.get(target, property, receiver) as unknown;
      }
    },
  });
}

/** Drops every database whose name starts with `${prefix}_` (test runs clean up after themselves). */
export async function dropDatabasesWithPrefix(serverUrl: string, prefix: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${`${prefix}_`})`;
    for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  } finally {
    await admin.end();
  }
}

/** A plain connection to database `name` on the server (scripts and tests that check stored rows). */
export function connectToDatabase(serverUrl: string, name: string): Sql {
  return postgres(databaseUrl(serverUrl, name), { max: 2, onnotice: () => {} });
}

/**
 * A read model's upsert that keeps the newest state: the row replaces the stored one only when it
 * is at least as new (`updatedAt`), so a replayed or late event changes nothing.
 */
export async function upsertNewest<TTable extends PgTable & { updatedAt: PgColumn }>(
  db: AnyPgDatabase,
  table: TTable,
  target: IndexColumn | IndexColumn[],
  row: PgInsertValue<TTable> & { updatedAt: Date },
): Promise<void> {
  await db
    .insert(table)
    .values(row)
    .onConflictDoUpdate({ target, set: row as PgUpdateSetSource<TTable>, setWhere: lte(table.updatedAt, row.updatedAt) });
}
