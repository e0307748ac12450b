import postgres from 'postgres';
import { is, lte, Placeholder, sql as drizzleSql, type Query, type SQL } from 'drizzle-orm';
import {
  PgDialect,
  type IndexColumn,
  type PgColumn,
  type PgDatabase,
  type PgInsertValue,
  type PgQueryResultHKT,
  type PgTable,
  type PgUpdateSetSource,
} from 'drizzle-orm/pg-core';
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
 * Which statement texts are prepared: those seen twice, up to PREPARED_TEXTS_MAX of them per
 * process. postgres.js keeps a prepared statement per connection and text for the connection's life
 * (30-60 min), and a text that changes with its data (a multi-row insert of a run's notices, an IN
 * list of each length) would otherwise be one more statement held in Node and in the backend per
 * call: the notifications heap grew ~8 MiB per 1,000 bookings that way (bench memory, #15). A text
 * seen once is sent unprepared, so one-off texts are never kept; hot ones are prepared on their
 * second call; past the cap, new texts go unprepared. Texts with more than PREPARED_PARAMETERS_MAX
 * values are never prepared nor remembered: with the count cap alone the notifications heap still
 * rose ~3.5 MiB a round of 1,220 bookings, filling the cap with one insert text per run size.
 */
export class StatementTexts {
  private readonly seen = new Set<string>();
  private readonly prepared = new Set<string>();

  constructor(
    private readonly maxPrepared = PREPARED_TEXTS_MAX,
    private readonly maxSeen = SEEN_TEXTS_MAX,
    private readonly maxParameters = PREPARED_PARAMETERS_MAX,
  ) {}

  /** Whether to prepare `text`, sent with `parameters` values, on this call. */
  prepare(text: string, parameters: number): boolean {
    // A bulk write (a run's rows in one insert, a long IN list): its text changes with its row
    // count, so each size would be one more statement kept, and its parse is shared by its rows.
    if (parameters > this.maxParameters) return false;
    if (this.prepared.has(text)) return true;
    if (!this.seen.has(text)) {
      // Forget the one-off texts now and then: the set only decides "seen before".
      if (this.seen.size >= this.maxSeen) this.seen.clear();
      this.seen.add(text);
      return false;
    }
    if (this.prepared.size >= this.maxPrepared) return false;
    this.seen.delete(text);
    this.prepared.add(text);
    return true;
  }
}

const PREPARED_TEXTS_MAX = 500;
// The widest fixed statement (a booking's insert, history, outbox and waitlist at once) has 34.
const PREPARED_PARAMETERS_MAX = 64;
// A hot statement comes back long before 256 other texts have passed; one-off texts can be kilobytes.
const SEEN_TEXTS_MAX = 256;

/**
 * The client drizzle gets: its statements prepared (see StatementTexts for which). drizzle runs
 * each query through postgres.js's `unsafe`, which does not prepare, so Postgres parsed, analysed
 * and planned every statement anew on every call: a booking's eight statements cost the
 * appointments database 2.9 ms of CPU, 1.6 ms prepared (bench/RESULTS.md, issue #15). Prepared, a
 * connection parses a statement once (postgres.js keys them by text and parameter types) and sends
 * only Bind/Execute after that, and Postgres may keep a generic plan. Transactions and savepoints
 * get the same client.
 */
function preparing<TSql extends postgres.Sql | postgres.TransactionSql>(sql: TSql, texts = new StatementTexts()): TSql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      switch (property) {
        case 'unsafe':
          return (query: string, args?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
            target.unsafe(query, args, { prepare: texts.prepare(query, args?.length ?? 0), ...options });
        case 'begin':
        case 'savepoint':
          return (...args: unknown[]) => {
            const callback = args.pop() as Callback;
            return (Reflect.get(target, property) as (...a: unknown[]) => unknown)(...args, (tx: postgres.TransactionSql) => callback(preparing(tx, texts)));
          };
        default:
          return Reflect.get(target, property, receiver) as unknown;
      }
    },
  });
}

/**
 * Constants of the code (statuses, a channel name) written into a statement's text as SQL string
 * literals, comma-separated, instead of sent as parameters: a prepared statement's generic plan can
 * use a partial index only when the index's predicate is in the text, and renderedOnce takes no
 * values in its template. Never for input.
 */
export function sqlLiterals(values: readonly string[]): SQL {
  return drizzleSql.raw(values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', '));
}

/** A value as the driver sends it: text (ids, ISO 8601 instants, JSON), a number, a boolean or null. */
export type DriverValue = string | number | boolean | null;

const dialect = new PgDialect();

/**
 * A statement whose SQL drizzle renders once, for the hottest paths: drizzle renders a query's text
 * from its template on every call, ~160 µs for a booking's statement of 38 values, more than
 * Postgres spends running it. `build` writes the statement with `p.name` wherever a value goes,
 * in plain `sql` templates (each value raw as the driver sends it, cast in the SQL where the type
 * does not follow from the context); each call sends that text with `values` in their places,
 * through the caller's database or transaction, counted like any query.
 */
export function renderedOnce<TValues extends Record<string, DriverValue>>(build: (p: { readonly [K in keyof TValues]: Placeholder<K & string> }) => SQL) {
  let query: Query | undefined;
  return async <TRow extends Record<string, unknown>>(db: AnyPgDatabase, values: TValues): Promise<TRow[]> => {
    if (!query) {
      const placeholders = new Proxy({} as { readonly [K in keyof TValues]: Placeholder<K & string> }, {
        get: (_, name) => drizzleSql.placeholder(String(name)),
      });
      const rendered = dialect.sqlToQuery(build(placeholders));
      // A value written into the template itself would be sent with every later call.
      if (rendered.params.some((param) => !is(param, Placeholder))) throw new Error('renderedOnce: every value of the statement must be a placeholder');
      query = rendered;
    }
    return (await db._.session.prepareQuery(query, undefined, undefined, false).execute(values)) as TRow[];
  };
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
