import { eq } from 'drizzle-orm';
import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AnyPgDatabase } from './db.ts';
import type { UserEventV1 } from './events/catalog.ts';

/**
 * A subgraph's copy of the accounts it must check (role, disabled), kept from users.events.v1 by
 * its idempotent consumer. Export the table from the subgraph's db/schema.ts, like the admin log.
 */
export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  role: text('role').notNull(),
  disabled: boolean('disabled').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
export type AccountRow = typeof accounts.$inferSelect;

// Events of one account share its partition and arrive in order: the latest one wins.
export async function saveAccount(db: AnyPgDatabase, e: UserEventV1): Promise<void> {
  const row = { id: e.userId, role: e.role, disabled: e.disabledAt !== null, updatedAt: new Date() };
  await db.insert(accounts).values(row).onConflictDoUpdate({ target: accounts.id, set: row });
}

export async function findAccount(db: AnyPgDatabase, id: string): Promise<AccountRow | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return row ?? null;
}

/**
 * How long a request waits for an account it has not heard of: one created a moment ago may still
 * be on its way through users.events.v1 (usually well under a second).
 */
export const ACCOUNT_ARRIVAL_WAIT_MS = 5_000;
const POLL_MS = 100;

/** The account, waiting up to ACCOUNT_ARRIVAL_WAIT_MS for its user.created; null if it never comes. */
export async function arrivedAccount(db: AnyPgDatabase, id: string): Promise<AccountRow | null> {
  const deadline = Date.now() + ACCOUNT_ARRIVAL_WAIT_MS;
  for (;;) {
    const account = await findAccount(db, id);
    if (account || Date.now() >= deadline) return account;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
