import { eq } from 'drizzle-orm';
import { billingSettings } from '../db/schema.ts';
import type { StoredSettings } from '../domain/billing-settings.ts';
import type { BillingDbOrTx } from './db.ts';

export async function findSettings(db: BillingDbOrTx, clinicId: string): Promise<StoredSettings | null> {
  const [row] = await db.select().from(billingSettings).where(eq(billingSettings.clinicId, clinicId)).limit(1);
  if (!row) return null;
  const { clinicId: _c, updatedAt: _u, updatedBy: _b, ...settings } = row;
  return settings;
}

export async function saveSettings(db: BillingDbOrTx, clinicId: string, settings: StoredSettings, updatedBy: string): Promise<void> {
  const row = { clinicId, ...settings, updatedBy, updatedAt: new Date() };
  await db.insert(billingSettings).values(row).onConflictDoUpdate({ target: billingSettings.clinicId, set: row });
}
