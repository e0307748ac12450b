import { and, eq, lte } from 'drizzle-orm';
import type { ClinicPriceRemovedV1, ClinicPriceSavedV1, ClinicSavedV1, DoctorSavedV1, ServiceSavedV1 } from '@medappt/platform';
import { clinicPrices, clinics, doctors, services } from '../db/schema.ts';
import type { BillingDbOrTx } from './db.ts';

// Each upsert keeps the newest state: a replayed or late event (older updatedAt) changes nothing.

export async function saveClinic(db: BillingDbOrTx, e: ClinicSavedV1): Promise<void> {
  const row = { id: e.clinicId, name: e.name, timeZone: e.timeZone, currency: e.currency ?? 'EUR', updatedAt: new Date(e.updatedAt) };
  await db
    .insert(clinics)
    .values(row)
    .onConflictDoUpdate({ target: clinics.id, set: row, setWhere: lte(clinics.updatedAt, row.updatedAt) });
}

export async function saveService(db: BillingDbOrTx, e: ServiceSavedV1): Promise<void> {
  const row = { id: e.serviceId, name: e.name, priceCents: e.priceCents, currency: e.currency, updatedAt: new Date(e.updatedAt) };
  await db
    .insert(services)
    .values(row)
    .onConflictDoUpdate({ target: services.id, set: row, setWhere: lte(services.updatedAt, row.updatedAt) });
}

export async function saveDoctor(db: BillingDbOrTx, e: DoctorSavedV1): Promise<void> {
  const row = { id: e.doctorId, clinicId: e.clinicId, updatedAt: new Date(e.updatedAt) };
  await db
    .insert(doctors)
    .values(row)
    .onConflictDoUpdate({ target: doctors.id, set: row, setWhere: lte(doctors.updatedAt, row.updatedAt) });
}

async function upsertClinicPrice(db: BillingDbOrTx, row: typeof clinicPrices.$inferInsert & { updatedAt: Date }): Promise<void> {
  await db
    .insert(clinicPrices)
    .values(row)
    .onConflictDoUpdate({ target: [clinicPrices.clinicId, clinicPrices.serviceId], set: row, setWhere: lte(clinicPrices.updatedAt, row.updatedAt) });
}

export const saveClinicPrice = (db: BillingDbOrTx, e: ClinicPriceSavedV1): Promise<void> =>
  upsertClinicPrice(db, {
    clinicId: e.clinicId,
    serviceId: e.serviceId,
    priceCents: e.priceCents,
    currency: e.currency,
    removed: false,
    updatedAt: new Date(e.updatedAt),
  });

/** Kept as a removed row with its time, so that an older `saved` delivered late cannot bring it back. */
export const removeClinicPrice = (db: BillingDbOrTx, e: ClinicPriceRemovedV1): Promise<void> =>
  upsertClinicPrice(db, { clinicId: e.clinicId, serviceId: e.serviceId, priceCents: 0, currency: '', removed: true, updatedAt: new Date(e.updatedAt) });

export async function findClinic(db: BillingDbOrTx, id: string) {
  const [row] = await db.select().from(clinics).where(eq(clinics.id, id)).limit(1);
  return row ?? null;
}

export async function findDoctor(db: BillingDbOrTx, id: string) {
  const [row] = await db.select().from(doctors).where(eq(doctors.id, id)).limit(1);
  return row ?? null;
}

export async function findService(db: BillingDbOrTx, id: string) {
  const [row] = await db.select().from(services).where(eq(services.id, id)).limit(1);
  return row ?? null;
}

export async function findClinicPrice(db: BillingDbOrTx, clinicId: string, serviceId: string) {
  const [row] = await db
    .select()
    .from(clinicPrices)
    .where(and(eq(clinicPrices.clinicId, clinicId), eq(clinicPrices.serviceId, serviceId), eq(clinicPrices.removed, false)))
    .limit(1);
  return row ?? null;
}
