import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@medappt/platform';
import { users, type UserRow } from '../db/schema.ts';
import type { UsersDbOrTx as UsersDb } from './db.ts';

export async function insertUser(db: UsersDb, user: { email: string; name: string; role: Role; passwordHash: string }): Promise<UserRow | null> {
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
  return db
    .select()
    .from(users)
    .where(inArray(users.id, [...ids]));
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

/** Clears disabled_at; null when there is no such account. */
export async function enableAccount(db: UsersDb, id: string, at: Date): Promise<UserRow | null> {
  const [row] = await db.update(users).set({ disabledAt: null, updatedAt: at }).where(eq(users.id, id)).returning();
  return row ?? null;
}

/** The account locked for a change, so two admins changing it at once are applied one after the other. */
export async function findUserForUpdate(db: UsersDb, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).for('update').limit(1);
  return row ?? null;
}

export async function setRole(db: UsersDb, id: string, role: Role, at: Date): Promise<UserRow> {
  const [row] = await db.update(users).set({ role, updatedAt: at }).where(eq(users.id, id)).returning();
  return row!;
}

/** Accounts in (name, id) order after the keyset `after`; `search` is a substring of name or email, any case. */
export async function listUsers(
  db: UsersDb,
  filter: { search: string | null; role: Role | null; after: { name: string; id: string } | null; limit: number },
): Promise<UserRow[]> {
  const conditions: SQL[] = [];
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.after) conditions.push(sql`(${users.name}, ${users.id}) > (${filter.after.name}, ${filter.after.id}::uuid)`);
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id))
    .limit(filter.limit);
}
