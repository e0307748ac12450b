import { asc, eq, inArray } from 'drizzle-orm';
import { clinics, type ClinicRow } from '../db/schema.ts';
import type { DoctorsDbOrTx } from './db.ts';

export type NewClinic = Pick<ClinicRow, 'name' | 'address' | 'timeZone' | 'phone'> & Partial<Pick<ClinicRow, 'currency'>>;
export type ClinicPatch = Partial<NewClinic & Pick<ClinicRow, 'active'>>;

export async function insertClinic(db: DoctorsDbOrTx, clinic: NewClinic): Promise<ClinicRow> {
  const [row] = await db.insert(clinics).values(clinic).returning();
  if (!row) throw new Error('insert into clinics returned no row');
  return row;
}

export async function findClinicsByIds(db: DoctorsDbOrTx, ids: readonly string[]): Promise<ClinicRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(clinics)
    .where(inArray(clinics.id, [...ids]));
}

/** Locks the row: the change and its audit entry are computed from what cannot move underneath. */
export async function findClinicForUpdate(db: DoctorsDbOrTx, id: string): Promise<ClinicRow | null> {
  const [row] = await db.select().from(clinics).where(eq(clinics.id, id)).for('update').limit(1);
  return row ?? null;
}

export async function updateClinic(db: DoctorsDbOrTx, id: string, patch: ClinicPatch): Promise<ClinicRow> {
  const [row] = await db
    .update(clinics)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(clinics.id, id))
    .returning();
  if (!row) throw new Error(`clinic ${id} vanished during its update`);
  return row;
}

export async function listClinics(db: DoctorsDbOrTx, options: { includeInactive: boolean }): Promise<ClinicRow[]> {
  return db
    .select()
    .from(clinics)
    .where(options.includeInactive ? undefined : eq(clinics.active, true))
    .orderBy(asc(clinics.name), asc(clinics.id));
}
