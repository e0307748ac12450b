import { eq, inArray } from 'drizzle-orm';
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

export async function policiesOf(db: AppointmentsDbOrTx, clinicIds: readonly string[]): Promise<Map<string, ClinicPolicyRow>> {
  if (clinicIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(clinicPolicies)
    .where(inArray(clinicPolicies.clinicId, [...clinicIds]));
  return new Map(rows.map((r) => [r.clinicId, r]));
}

export async function findClinicPolicy(db: AppointmentsDbOrTx, clinicId: string): Promise<ClinicPolicyRow | null> {
  const [row] = await db.select().from(clinicPolicies).where(eq(clinicPolicies.clinicId, clinicId)).limit(1);
  return row ?? null;
}
