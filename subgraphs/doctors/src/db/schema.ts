import { sql } from 'drizzle-orm';
import { boolean, char, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid, check } from 'drizzle-orm/pg-core';
import { SERVICE_KINDS, type ServiceKind } from '../domain/service-rules.ts';

export { adminActions, outbox, processedEvents, type AdminActionRow, accounts } from '@medappt/platform';
export type { AccountRow } from '@medappt/platform';

export const serviceKind = pgEnum('service_kind', SERVICE_KINDS);

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const clinics = pgTable('clinics', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  address: text('address').notNull(),
  /** IANA zone (e.g. Europe/Berlin): the wall clock a clinic's opening hours and doctors' rules are written in. */
  timeZone: text('time_zone').notNull(),
  phone: text('phone'),
  /** Inactive clinics are left out of `clinics` and take no new doctors. */
  active: boolean('active').notNull().default(true),
  /** ISO 4217: what patients pay in here; every entry of its price list is in it. */
  currency: char('currency', { length: 3 }).notNull().default('EUR'),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const medicalServices = pgTable(
  'medical_services',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    kind: serviceKind('kind').notNull(),
    description: text('description'),
    durationMinutes: integer('duration_minutes').notNull(),
    priceCents: integer('price_cents').notNull(),
    /** ISO 4217, upper case. */
    currency: char('currency', { length: 3 }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('medical_services_duration_positive', sql`${t.durationMinutes} > 0`),
    check('medical_services_price_not_negative', sql`${t.priceCents} >= 0`),
    index('medical_services_kind_name_idx').on(t.kind, t.name),
  ],
);

/**
 * A clinic's own price for a service, in the clinic's currency: what a patient pays there. Without an
 * entry, the catalogue price applies where it is in the clinic's currency, and no price is known elsewhere.
 */
export const clinicPrices = pgTable(
  'clinic_prices',
  {
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => medicalServices.id),
    priceCents: integer('price_cents').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.serviceId] }),
    index('clinic_prices_service_idx').on(t.serviceId),
    check('clinic_prices_price_not_negative', sql`${t.priceCents} >= 0`),
  ],
);

/** A doctor's profile. Its id IS the doctor's user account id (docs/adr/005): no mapping anywhere. */
export const doctors = pgTable(
  'doctors',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    specialties: text('specialties')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    qualifications: text('qualifications')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    bio: text('bio'),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  // The directory pages by (name, id); the search index is in migration 0001 (it needs unaccent).
  (t) => [index('doctors_name_id_idx').on(t.name, t.id), index('doctors_clinic_idx').on(t.clinicId)],
);

export const doctorServices = pgTable(
  'doctor_services',
  {
    doctorId: uuid('doctor_id')
      .notNull()
      .references(() => doctors.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => medicalServices.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.doctorId, t.serviceId] }), index('doctor_services_service_idx').on(t.serviceId)],
);

/** Accounts as users.events.v1 tells them (id, role, disabled): who may have a doctor profile. */

export type ClinicRow = typeof clinics.$inferSelect;
export type MedicalServiceRow = typeof medicalServices.$inferSelect;
export type ClinicPriceRow = typeof clinicPrices.$inferSelect;
export type DoctorRow = typeof doctors.$inferSelect;
export type { ServiceKind };
