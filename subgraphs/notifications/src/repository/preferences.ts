import { eq } from 'drizzle-orm';
import { preferences, type PreferencesRow } from '../db/schema.ts';
import type { NotificationsDbOrTx } from './db.ts';

export async function findPreferences(db: NotificationsDbOrTx, userId: string): Promise<PreferencesRow | null> {
  const [row] = await db.select().from(preferences).where(eq(preferences.userId, userId)).limit(1);
  return row ?? null;
}

export async function upsertPreferences(db: NotificationsDbOrTx, row: Omit<PreferencesRow, 'updatedAt'>): Promise<PreferencesRow> {
  const values = { ...row, updatedAt: new Date() };
  const [saved] = await db.insert(preferences).values(values).onConflictDoUpdate({ target: preferences.userId, set: values }).returning();
  return saved!;
}
