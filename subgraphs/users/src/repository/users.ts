import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '@medappt/platform';
import { users, type UserRow } from '../db/schema.ts';
import type { UsersDbOrTx as UsersDb } from './db.ts';

export async function insertUser(
  db: UsersDb,
  user: { email: string; name: string; role: Role; passwordHash: string },
): Promise<UserRow | null> {
  // ON CONFLICT DO NOTHING: two sign-ups racing for one email give one account and one clean error.
  const [row] = await db.insert(users).values(user).onConflictDoNothing({ target: users.email }).returning();
  return row ?? null;
}

export async function findUserByEmail(db: UsersDb, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row ?? null;
}

export async function findUsersByIds(db: UsersDb, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(users).where(inArray(users.id, [...ids]));
}

export async function anyActiveAdmin(db: UsersDb): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'ADMIN'), isNull(users.disabledAt)))
    .limit(1);
  return rows.length > 0;
}

/** Sets disabled_at once; null when there is no such account. Disabling twice keeps the first time. */
export async function disableAccount(db: UsersDb, id: string, at: Date): Promise<UserRow | null> {
  const [row] = await db
    .update(users)
    .set({ disabledAt: sql`coalesce(${users.disabledAt}, ${at.toISOString()}::timestamptz)`, updatedAt: at })
    .where(eq(users.id, id))
    .returning();
  return row ?? null;
}
