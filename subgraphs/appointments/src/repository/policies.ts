import { eq } from 'drizzle-orm';
import { clinicPolicies, type ClinicPolicyRow } from '../db/schema.ts';
import type { AppointmentsDbOrTx } from './db.ts';

export async function saveClinicPolicy(db: AppointmentsDbOrTx, row: typeof clinicPolicies.$inferInsert): Promise<ClinicPolicyRow> {
  const [saved] = await db
    .insert(clinicPolicies)
    .values(row)
    .onConflictDoUpdate({ target: clinicPolicies.clinicId, set: { ...row, updatedAt: new Date() } })
    .returning();
  if (!saved) throw new Error('policy upsert returned nothing');
  return saved;
}

export async function findClinicPolicy(db: AppointmentsDbOrTx, clinicId: string): Promise<ClinicPolicyRow | null> {
  const [row] = await db.select().from(clinicPolicies).where(eq(clinicPolicies.clinicId, clinicId)).limit(1);
  return row ?? null;
}
