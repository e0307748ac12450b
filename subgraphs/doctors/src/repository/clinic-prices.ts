import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { clinicPrices, clinics, doctorServices, doctors, medicalServices, type ClinicPriceRow, type MedicalServiceRow } from '../db/schema.ts';
import type { DoctorsDbOrTx } from './db.ts';

export async function upsertClinicPrice(db: DoctorsDbOrTx, entry: Omit<ClinicPriceRow, 'updatedAt'>): Promise<ClinicPriceRow> {
  const values = { ...entry, updatedAt: new Date() };
  const [row] = await db
    .insert(clinicPrices)
    .values(values)
    .onConflictDoUpdate({
      target: [clinicPrices.clinicId, clinicPrices.serviceId],
      set: { priceCents: values.priceCents, currency: values.currency, updatedAt: values.updatedAt },
    })
    .returning();
  if (!row) throw new Error('upsert into clinic_prices returned no row');
  return row;
}

export async function deleteClinicPrice(db: DoctorsDbOrTx, clinicId: string, serviceId: string): Promise<ClinicPriceRow | null> {
  const [row] = await db
    .delete(clinicPrices)
    .where(and(eq(clinicPrices.clinicId, clinicId), eq(clinicPrices.serviceId, serviceId)))
    .returning();
  return row ?? null;
}

export async function countClinicPricesNotIn(db: DoctorsDbOrTx, clinicId: string, currency: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(clinicPrices)
    .where(and(eq(clinicPrices.clinicId, clinicId), ne(clinicPrices.currency, currency)));
  return row?.n ?? 0;
}

/** The price lists of many clinics in one query, each by service name (for Clinic.prices). */
export async function pricesOfClinics(db: DoctorsDbOrTx, clinicIds: readonly string[]): Promise<ClinicPriceRow[]> {
  if (clinicIds.length === 0) return [];
  const rows = await db
    .select({ entry: clinicPrices })
    .from(clinicPrices)
    .innerJoin(medicalServices, eq(medicalServices.id, clinicPrices.serviceId))
    .where(inArray(clinicPrices.clinicId, [...clinicIds]))
    .orderBy(asc(medicalServices.name), asc(medicalServices.id));
  return rows.map((r) => r.entry);
}

/**
 * The entries for these (service, clinic) pairs, with each clinic's currency, in one query; a pair
 * without an entry comes back with `entry: null`. Unknown clinics are left out.
 */
export async function priceEntriesFor(
  db: DoctorsDbOrTx,
  pairs: readonly { serviceId: string; clinicId: string }[],
): Promise<{ clinicId: string; clinicCurrency: string; entry: ClinicPriceRow | null }[]> {
  if (pairs.length === 0) return [];
  const serviceIds = [...new Set(pairs.map((p) => p.serviceId))];
  return db
    .select({ clinicId: clinics.id, clinicCurrency: clinics.currency, entry: clinicPrices })
    .from(clinics)
    .leftJoin(clinicPrices, and(eq(clinicPrices.clinicId, clinics.id), inArray(clinicPrices.serviceId, serviceIds)))
    .where(inArray(clinics.id, [...new Set(pairs.map((p) => p.clinicId))]));
}

/** Each doctor's active services with the doctor's clinic's currency and its entry for the service, in one query (for Doctor.servicePrices). */
export async function servicePricesOfDoctors(
  db: DoctorsDbOrTx,
  doctorIds: readonly string[],
): Promise<{ doctorId: string; service: MedicalServiceRow; clinicCurrency: string; entry: ClinicPriceRow | null }[]> {
  if (doctorIds.length === 0) return [];
  return db
    .select({ doctorId: doctorServices.doctorId, service: medicalServices, clinicCurrency: clinics.currency, entry: clinicPrices })
    .from(doctorServices)
    .innerJoin(medicalServices, eq(medicalServices.id, doctorServices.serviceId))
    .innerJoin(doctors, eq(doctors.id, doctorServices.doctorId))
    .innerJoin(clinics, eq(clinics.id, doctors.clinicId))
    .leftJoin(clinicPrices, and(eq(clinicPrices.clinicId, doctors.clinicId), eq(clinicPrices.serviceId, doctorServices.serviceId)))
    .where(and(inArray(doctorServices.doctorId, [...doctorIds]), eq(medicalServices.active, true)))
    .orderBy(asc(medicalServices.name), asc(medicalServices.id));
}
