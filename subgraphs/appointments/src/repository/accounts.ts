import { eq } from 'drizzle-orm';
import type { UserEventV1 } from '@medappt/platform';
import { accounts, type AccountRow } from '../db/schema.ts';
import type { AppointmentsDbOrTx } from './db.ts';

// Events of one account share its partition and arrive in order: the latest one wins.
export async function saveAccount(db: AppointmentsDbOrTx, e: UserEventV1): Promise<void> {
  const row = { id: e.userId, role: e.role, disabled: e.disabledAt !== null, updatedAt: new Date() };
  await db.insert(accounts).values(row).onConflictDoUpdate({ target: accounts.id, set: row });
}

export async function findAccount(db: AppointmentsDbOrTx, id: string): Promise<AccountRow | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return row ?? null;
}
