import { eq, inArray } from 'drizzle-orm';
import { preferences, type PreferencesRow } from '../db/schema.ts';
import type { NotificationType } from '../domain/notification-types.ts';
import { defaultPreferences, type EffectivePreferences } from '../domain/preference-rules.ts';
import type { NotificationsDbOrTx } from './db.ts';

function fromRow(row: PreferencesRow): EffectivePreferences {
  return {
    userId: row.userId,
    locale: row.locale,
    email: row.email,
    sms: row.sms,
    smsNumber: row.smsNumber,
    optOut: row.optOut as NotificationType[],
    quietHours: row.quietStart && row.quietEnd && row.quietTimeZone ? { start: row.quietStart, end: row.quietEnd, timeZone: row.quietTimeZone } : null,
  };
}

/** The user's preferences from their row, or the defaults when they never set any (no row). */
export function effectivePreferences(userId: string, row: PreferencesRow | null | undefined): EffectivePreferences {
  return row ? fromRow(row) : defaultPreferences(userId);
}

/** The user's preferences, or the defaults when they never set any. */
export async function preferencesOf(db: NotificationsDbOrTx, userId: string): Promise<EffectivePreferences> {
  const [row] = await db.select().from(preferences).where(eq(preferences.userId, userId)).limit(1);
  return effectivePreferences(userId, row);
}

/** preferencesOf for several users in one query, by user id. */
export async function preferencesOfUsers(db: NotificationsDbOrTx, userIds: readonly string[]): Promise<Map<string, EffectivePreferences>> {
  const ids = [...new Set(userIds)];
  const rows = ids.length === 0 ? [] : await db.select().from(preferences).where(inArray(preferences.userId, ids));
  const found = new Map(rows.map((row) => [row.userId, row]));
  return new Map(ids.map((id) => [id, effectivePreferences(id, found.get(id))]));
}

export async function savePreferences(db: NotificationsDbOrTx, prefs: EffectivePreferences): Promise<EffectivePreferences> {
  const values = {
    userId: prefs.userId,
    locale: prefs.locale,
    email: prefs.email,
    sms: prefs.sms,
    smsNumber: prefs.smsNumber,
    optOut: prefs.optOut,
    quietStart: prefs.quietHours?.start ?? null,
    quietEnd: prefs.quietHours?.end ?? null,
    quietTimeZone: prefs.quietHours?.timeZone ?? null,
    updatedAt: new Date(),
  };
  const [saved] = await db.insert(preferences).values(values).onConflictDoUpdate({ target: preferences.userId, set: values }).returning();
  return fromRow(saved!);
}
