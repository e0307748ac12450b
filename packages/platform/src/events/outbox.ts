import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createEnvelope, type EventEnvelope } from './envelope.ts';
import type { AnyPgDatabase } from '../db.ts';
import type { CatalogueEventType, PayloadOf } from './catalog.ts';

/**
 * Events waiting to be published, written in the same transaction as the change they describe:
 * if the change commits, the event will be published; if it rolls back, there is no event.
 * Export it from the producing subgraph's db/schema.ts.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    topic: text('topic').notNull(),
    key: text('key').notNull(),
    envelope: jsonb('envelope').$type<EventEnvelope>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_unpublished_idx')
      .on(t.id)
      .where(sql`${t.publishedAt} is null`),
  ],
);

export const OUTBOX_CHANNEL = 'outbox';

/**
 * Adds a catalogue event to the outbox inside the caller's transaction and wakes the relay on
 * commit; the payload's type follows from the event type (catalog.ts), so a producer cannot
 * publish a shape its consumers do not parse.
 */
export const writeEvent = <TType extends CatalogueEventType>(
  tx: AnyPgDatabase,
  topic: string,
  event: { type: TType; version?: number; key: string; payload: PayloadOf<TType>; occurredAt?: Date },
): Promise<EventEnvelope<PayloadOf<TType>>> => writeAnyEvent(tx, topic, event);

/** writeEvent for event types outside the catalogue: the relay's own tests and benches. */
export async function writeAnyEvent<TPayload>(
  tx: AnyPgDatabase,
  topic: string,
  event: { type: string; version?: number; key: string; payload: TPayload; occurredAt?: Date },
): Promise<EventEnvelope<TPayload>> {
  const row = anyOutboxRow(topic, event);
  await writeOutboxRows(tx, [row]);
  return row.envelope;
}

/** writeEvent for several events of one topic: one statement for all of them. */
export async function writeEvents<TType extends CatalogueEventType>(
  tx: AnyPgDatabase,
  topic: string,
  events: readonly { type: TType; version?: number; key: string; payload: PayloadOf<TType>; occurredAt?: Date }[],
): Promise<EventEnvelope<PayloadOf<TType>>[]> {
  const rows = events.map((event) => anyOutboxRow(topic, event));
  await writeOutboxRows(tx, rows);
  return rows.map((row) => row.envelope);
}

/** Adds a row made by outboxRowOf to the outbox inside the caller's transaction and wakes the relay on commit. */
export async function writeOutboxRow(tx: AnyPgDatabase, row: OutboxRow): Promise<void> {
  await writeOutboxRows(tx, [row]);
}

async function writeOutboxRows(tx: AnyPgDatabase, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const insert = tx.insert(outbox).values([...rows]);
  // The insert and the NOTIFY in one statement (a round trip fewer per event). NOTIFY is
  // transactional: the relay hears it only if this transaction commits.
  await tx.execute(sql`with inserted as (${insert.getSQL()}) select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

export interface OutboxRow<TPayload = unknown> {
  eventId: string;
  topic: string;
  key: string;
  envelope: EventEnvelope<TPayload>;
}

/**
 * The outbox row writeEvent would insert: for writeOutboxRow, or for a producer that writes it in
 * a statement of its own (and then owes the relay `pg_notify(OUTBOX_CHANNEL, '')` in the same
 * transaction).
 */
export const outboxRowOf = <TType extends CatalogueEventType>(
  topic: string,
  event: { type: TType; version?: number; key: string; payload: PayloadOf<TType>; occurredAt?: Date },
): OutboxRow<PayloadOf<TType>> => anyOutboxRow(topic, event);

function anyOutboxRow<TPayload>(
  topic: string,
  event: { type: string; version?: number; key: string; payload: TPayload; occurredAt?: Date },
): OutboxRow<TPayload> {
  const envelope = createEnvelope(event);
  return { eventId: envelope.id, topic, key: envelope.key, envelope };
}
