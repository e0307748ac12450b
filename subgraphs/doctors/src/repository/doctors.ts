import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { doctorServices, doctors, type DoctorRow } from '../db/schema.ts';
import { containsPattern } from '../domain/search.ts';
import type { DoctorsDbOrTx } from './db.ts';

export type NewDoctor = Pick<DoctorRow, 'id' | 'name' | 'specialties' | 'qualifications' | 'languages' | 'bio' | 'clinicId'>;
export type DoctorPatch = Partial<Omit<NewDoctor, 'id'> & Pick<DoctorRow, 'active'>>;

export interface DirectoryFilter {
  specialty?: string | null;
  serviceId?: string | null;
  clinicId?: string | null;
  /** Already split into words; each must match. */
  searchWords: readonly string[];
  includeInactive: boolean;
}

/** Null when the user already has a profile. */
export async function insertDoctor(db: DoctorsDbOrTx, doctor: NewDoctor): Promise<DoctorRow | null> {
  const [row] = await db.insert(doctors).values(doctor).onConflictDoNothing({ target: doctors.id }).returning();
  return row ?? null;
}

export async function findDoctorsByIds(db: DoctorsDbOrTx, ids: readonly string[]): Promise<DoctorRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(doctors)
    .where(inArray(doctors.id, [...ids]));
}

export async function findDoctorForUpdate(db: DoctorsDbOrTx, id: string): Promise<DoctorRow | null> {
  const [row] = await db.select().from(doctors).where(eq(doctors.id, id)).for('update').limit(1);
  return row ?? null;
}

export async function updateDoctor(db: DoctorsDbOrTx, id: string, patch: DoctorPatch): Promise<DoctorRow> {
  const [row] = await db
    .update(doctors)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(doctors.id, id))
    .returning();
  if (!row) throw new Error(`doctor ${id} vanished during its update`);
  return row;
}

function directoryConditions(filter: DirectoryFilter): SQL[] {
  const conditions: SQL[] = [];
  if (!filter.includeInactive) conditions.push(eq(doctors.active, true));
  if (filter.clinicId) conditions.push(eq(doctors.clinicId, filter.clinicId));
  if (filter.serviceId) {
    conditions.push(
      sql`exists (select 1 from ${doctorServices} where ${doctorServices.doctorId} = ${doctors.id} and ${doctorServices.serviceId} = ${filter.serviceId})`,
    );
  }
  if (filter.specialty) {
    conditions.push(sql`exists (select 1 from unnest(${doctors.specialties}) as s(name) where search_fold(s.name) = search_fold(${filter.specialty}))`);
  }
  // Same expression as the trigram index of migration 0001, so the index serves these.
  for (const word of filter.searchWords) {
    conditions.push(sql`doctor_search_text(${doctors.name}, ${doctors.specialties}, ${doctors.bio}) like search_fold(${containsPattern(word)})`);
  }
  return conditions;
}

/** One page in (name, id) order, starting after `after`; `limit` is page size + 1 to know whether more follow. */
export async function findDirectoryPage(
  db: DoctorsDbOrTx,
  filter: DirectoryFilter,
  page: { after: { name: string; id: string } | null; limit: number },
): Promise<DoctorRow[]> {
  const conditions = directoryConditions(filter);
  if (page.after) conditions.push(sql`(${doctors.name}, ${doctors.id}) > (${page.after.name}, ${page.after.id}::uuid)`);
  return db
    .select()
    .from(doctors)
    .where(and(...conditions))
    .orderBy(asc(doctors.name), asc(doctors.id))
    .limit(page.limit);
}

export async function countDirectory(db: DoctorsDbOrTx, filter: DirectoryFilter): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(doctors)
    .where(and(...directoryConditions(filter)));
  return row?.count ?? 0;
}

/** The active doctors of many services in one query (for MedicalService.doctors). */
export async function activeDoctorsOfServices(db: DoctorsDbOrTx, serviceIds: readonly string[]): Promise<{ serviceId: string; doctor: DoctorRow }[]> {
  if (serviceIds.length === 0) return [];
  return db
    .select({ serviceId: doctorServices.serviceId, doctor: doctors })
    .from(doctorServices)
    .innerJoin(doctors, eq(doctors.id, doctorServices.doctorId))
    .where(and(inArray(doctorServices.serviceId, [...serviceIds]), eq(doctors.active, true)))
    .orderBy(asc(doctors.name), asc(doctors.id));
}

export async function listSpecialtiesOfActiveDoctors(db: DoctorsDbOrTx): Promise<string[]> {
  // One spelling per specialty however doctors' profiles capitalise or accent it.
  const rows = await db.execute<{ specialty: string }>(sql`
    select min(s.name) as specialty
    from ${doctors}, unnest(${doctors.specialties}) as s(name)
    where ${doctors.active}
    group by search_fold(s.name)
    order by 1`);
  return [...rows].map((row) => row.specialty);
}
