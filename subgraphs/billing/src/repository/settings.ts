import { eq } from 'drizzle-orm';
import { billingSettings } from '../db/schema.ts';
import type { StoredSettings } from '../domain/billing-settings.ts';
import type { BillingDbOrTx } from './db.ts';

type SettingsRow = typeof billingSettings.$inferSelect;

function storedOf(row: SettingsRow): StoredSettings {
  const { clinicId: _c, updatedAt: _u, updatedBy: _b, ...settings } = row;
  return settings;
}

export async function findSettings(db: BillingDbOrTx, clinicId: string): Promise<StoredSettings | null> {
  const [row] = await db.select().from(billingSettings).where(eq(billingSettings.clinicId, clinicId)).limit(1);
  return row ? storedOf(row) : null;
}

/**
 * The clinic's settings row, locked until the transaction ends: two edits of different fields
 * apply one after the other, so neither overwrites the other with what it read before. A clinic
 * without a row gets `initial` first (a row lock needs a row; a racing insert waits for the first).
 */
export async function lockSettings(db: BillingDbOrTx, clinicId: string, initial: StoredSettings, updatedBy: string): Promise<StoredSettings> {
  await db
    .insert(billingSettings)
    .values({ clinicId, ...initial, updatedBy })
    .onConflictDoNothing({ target: billingSettings.clinicId });
  const [row] = await db.select().from(billingSettings).where(eq(billingSettings.clinicId, clinicId)).for('update').limit(1);
  return storedOf(row!);
}

export async function saveSettings(db: BillingDbOrTx, clinicId: string, settings: StoredSettings, updatedBy: string): Promise<void> {
  await db
    .update(billingSettings)
    .set({ ...settings, updatedBy, updatedAt: new Date() })
    .where(eq(billingSettings.clinicId, clinicId));
}
