import { primaryKey, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Event ids a consumer has applied, written in the same transaction as the effect: a replayed
 * message finds its id here and changes nothing. Export it from each consuming subgraph's schema.
 */
export const processedEvents = pgTable(
  'processed_events',
  {
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);
