import { and, eq } from 'drizzle-orm';
import {
  upsertNewest,
  type ClinicPriceRemovedV1,
  type ClinicPriceSavedV1,
  type ClinicSavedV1,
  type DoctorSavedV1,
  type ServiceSavedV1,
} from '@medappt/platform';
import { clinicPrices, clinics, doctors, services } from '../db/schema.ts';
import type { BillingDbOrTx } from './db.ts';

// Each upsert keeps the newest state: a replayed or late event (older updatedAt) changes nothing.

export async function saveClinic(db: BillingDbOrTx, e: ClinicSavedV1): Promise<void> {
  const row = { id: e.clinicId, name: e.name, timeZone: e.timeZone, currency: e.currency ?? 'EUR', updatedAt: new Date(e.updatedAt) };
  await upsertNewest(db, clinics, clinics.id, row);
}

export async function saveService(db: BillingDbOrTx, e: ServiceSavedV1): Promise<void> {
  const row = { id: e.serviceId, name: e.name, priceCents: e.priceCents, currency: e.currency, updatedAt: new Date(e.updatedAt) };
  await upsertNewest(db, services, services.id, row);
}

export async function saveDoctor(db: BillingDbOrTx, e: DoctorSavedV1): Promise<void> {
  const row = { id: e.doctorId, clinicId: e.clinicId, updatedAt: new Date(e.updatedAt) };
  await upsertNewest(db, doctors, doctors.id, row);
}

async function upsertClinicPrice(db: BillingDbOrTx, row: typeof clinicPrices.$inferInsert & { updatedAt: Date }): Promise<void> {
  await upsertNewest(db, clinicPrices, [clinicPrices.clinicId, clinicPrices.serviceId], row);
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
