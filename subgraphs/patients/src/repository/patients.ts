import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { patients, type PatientRow } from '../db/schema.ts';
import type { PatientsDbOrTx } from './db.ts';

export async function findPatientsByIds(db: PatientsDbOrTx, ids: readonly string[]): Promise<PatientRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(patients)
    .where(inArray(patients.id, [...ids]));
}

export type PatientProfile = Omit<PatientRow, 'createdAt' | 'updatedAt'>;

/** Returns the row and whether it was created (for the admin log). */
export async function upsertPatient(db: PatientsDbOrTx, profile: PatientProfile): Promise<{ row: PatientRow; created: boolean }> {
  const [row] = await db
    .insert(patients)
    .values(profile)
    .onConflictDoUpdate({ target: patients.id, set: { ...profile, updatedAt: sql`clock_timestamp()` } })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  // An insert sets both stamps to now(); an update moves updated_at on.
  return { row, created: row.createdAt.getTime() === row.updatedAt.getTime() };
}

/** The profile a PATIENT account starts with: the name it signed up with. An existing profile wins. */
export async function ensurePatientProfile(db: PatientsDbOrTx, account: { id: string; name: string }): Promise<boolean> {
  const inserted = await db.insert(patients).values({ id: account.id, name: account.name }).onConflictDoNothing().returning({ id: patients.id });
  return inserted.length > 0;
}

/** Keyset page ordered by (lower(name), id). */
export async function patientsByName(
  db: PatientsDbOrTx,
  options: { search?: string | null; after?: [string, string] | null; limit: number },
): Promise<PatientRow[]> {
  const conditions: SQL[] = [];
  if (options.search) {
    const pattern = `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(patients.name, pattern), ilike(patients.email, pattern));
    if (match) conditions.push(match);
  }
  if (options.after) {
    const [name, id] = options.after;
    const next = or(gt(sql`lower(${patients.name})`, name), and(eq(sql`lower(${patients.name})`, name), gt(patients.id, id)));
    if (next) conditions.push(next);
  }
  return db
    .select()
    .from(patients)
    .where(and(...conditions))
    .orderBy(asc(sql`lower(${patients.name})`), asc(patients.id))
    .limit(options.limit);
}
