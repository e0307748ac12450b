import { and, arrayContains, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { upsertNewest, type ClinicSavedV1, type DoctorSavedV1, type ServiceSavedV1 } from '@medappt/platform';
import { catalogueClinics, catalogueDoctors, catalogueServices } from '../db/schema.ts';
import type { AppointmentsDbOrTx } from './db.ts';

// Each upsert keeps the newest state: a replayed or late event (older updatedAt) changes nothing.

export async function saveService(db: AppointmentsDbOrTx, e: ServiceSavedV1): Promise<void> {
  const row = { id: e.serviceId, name: e.name, durationMinutes: e.durationMinutes, active: e.active, updatedAt: new Date(e.updatedAt) };
  await upsertNewest(db, catalogueServices, catalogueServices.id, row);
}

export async function saveDoctor(db: AppointmentsDbOrTx, e: DoctorSavedV1): Promise<void> {
  const row = {
    id: e.doctorId,
    name: e.name,
    specialties: e.specialties,
    clinicId: e.clinicId,
    active: e.active,
    serviceIds: e.serviceIds,
    updatedAt: new Date(e.updatedAt),
  };
  await upsertNewest(db, catalogueDoctors, catalogueDoctors.id, row);
}

export async function saveClinic(db: AppointmentsDbOrTx, e: ClinicSavedV1): Promise<void> {
  const row = { id: e.clinicId, name: e.name, timeZone: e.timeZone, updatedAt: new Date(e.updatedAt) };
  await upsertNewest(db, catalogueClinics, catalogueClinics.id, row);
}

export async function findService(db: AppointmentsDbOrTx, id: string) {
  const [row] = await db.select().from(catalogueServices).where(eq(catalogueServices.id, id)).limit(1);
  return row ?? null;
}

export async function findDoctor(db: AppointmentsDbOrTx, id: string) {
  const [row] = await db.select().from(catalogueDoctors).where(eq(catalogueDoctors.id, id)).limit(1);
  return row ?? null;
}

const hasSpecialty = (specialty: string): SQL => sql`exists (select 1 from unnest(${catalogueDoctors.specialties}) s where lower(s) = lower(${specialty}))`;

export interface DoctorFilter {
  serviceId: string;
  specialty?: string | null;
  clinicId?: string | null;
  doctorIds?: string[] | null;
}

/** Active doctors offering the service, optionally narrowed by specialty (case-insensitive), clinic or id: a condition on catalogue_doctors. */
export function offeringCondition(filter: DoctorFilter): SQL | undefined {
  const conditions: SQL[] = [eq(catalogueDoctors.active, true), arrayContains(catalogueDoctors.serviceIds, [filter.serviceId])];
  if (filter.specialty) conditions.push(hasSpecialty(filter.specialty));
  if (filter.clinicId) conditions.push(eq(catalogueDoctors.clinicId, filter.clinicId));
  if (filter.doctorIds) conditions.push(inArray(catalogueDoctors.id, filter.doctorIds));
  return and(...conditions);
}

/** Whether any active doctor has this specialty (case-insensitive): otherwise it is no specialty at all. */
export async function isKnownSpecialty(db: AppointmentsDbOrTx, specialty: string): Promise<boolean> {
  const [row] = await db
    .select({ id: catalogueDoctors.id })
    .from(catalogueDoctors)
    .where(and(eq(catalogueDoctors.active, true), hasSpecialty(specialty)))
    .limit(1);
  return row !== undefined;
}

export async function findClinic(db: AppointmentsDbOrTx, id: string) {
  const [row] = await db.select().from(catalogueClinics).where(eq(catalogueClinics.id, id)).limit(1);
  return row ?? null;
}

/** The active services among `ids`, in no particular order. */
export async function activeServicesAmong(db: AppointmentsDbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(catalogueServices)
    .where(and(inArray(catalogueServices.id, [...ids]), eq(catalogueServices.active, true)));
}
