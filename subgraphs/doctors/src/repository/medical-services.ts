import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { doctorServices, medicalServices, type MedicalServiceRow, type ServiceKind } from '../db/schema.ts';
import type { DoctorsDbOrTx } from './db.ts';

export type NewMedicalService = Pick<MedicalServiceRow, 'name' | 'kind' | 'description' | 'durationMinutes' | 'priceCents' | 'currency'>;
export type MedicalServicePatch = Partial<NewMedicalService & Pick<MedicalServiceRow, 'active'>>;

export async function insertMedicalService(db: DoctorsDbOrTx, service: NewMedicalService): Promise<MedicalServiceRow> {
  const [row] = await db.insert(medicalServices).values(service).returning();
  if (!row) throw new Error('insert into medical_services returned no row');
  return row;
}

export async function findMedicalServicesByIds(db: DoctorsDbOrTx, ids: readonly string[]): Promise<MedicalServiceRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(medicalServices)
    .where(inArray(medicalServices.id, [...ids]));
}

export async function findMedicalServiceForUpdate(db: DoctorsDbOrTx, id: string): Promise<MedicalServiceRow | null> {
  const [row] = await db.select().from(medicalServices).where(eq(medicalServices.id, id)).for('update').limit(1);
  return row ?? null;
}

export async function updateMedicalService(db: DoctorsDbOrTx, id: string, patch: MedicalServicePatch): Promise<MedicalServiceRow> {
  const [row] = await db
    .update(medicalServices)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(medicalServices.id, id))
    .returning();
  if (!row) throw new Error(`medical service ${id} vanished during its update`);
  return row;
}

export async function listMedicalServices(db: DoctorsDbOrTx, filter: { kind?: ServiceKind | null; includeInactive: boolean }): Promise<MedicalServiceRow[]> {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(medicalServices.kind, filter.kind));
  if (!filter.includeInactive) conditions.push(eq(medicalServices.active, true));
  return db
    .select()
    .from(medicalServices)
    .where(and(...conditions))
    .orderBy(asc(medicalServices.name), asc(medicalServices.id));
}

/** The active services of many doctors in one query (for Doctor.services). */
export async function activeServicesOfDoctors(db: DoctorsDbOrTx, doctorIds: readonly string[]): Promise<{ doctorId: string; service: MedicalServiceRow }[]> {
  if (doctorIds.length === 0) return [];
  return db
    .select({ doctorId: doctorServices.doctorId, service: medicalServices })
    .from(doctorServices)
    .innerJoin(medicalServices, eq(medicalServices.id, doctorServices.serviceId))
    .where(and(inArray(doctorServices.doctorId, [...doctorIds]), eq(medicalServices.active, true)))
    .orderBy(asc(medicalServices.name), asc(medicalServices.id));
}
