import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import type { FieldChange } from '../domain/history.ts';
import type { BookingRequest } from '../domain/idempotency.ts';

export { outbox, processedEvents, accounts } from '@medappt/platform';
export type { AccountRow } from '@medappt/platform';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const waitlistStatus = pgEnum('waitlist_status', ['WAITING', 'OFFERED', 'FULFILLED']);
export const appointmentStatus = pgEnum('appointment_status', ['REQUESTED', 'CONFIRMED', 'DECLINED', 'CANCELLED', 'COMPLETED', 'NO_SHOW']);

// Read models of the doctors subgraph's catalogue, kept from doctors.events.v1.
export const catalogueServices = pgTable('catalogue_services', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  active: boolean('active').notNull(),
  updatedAt: instant('updated_at').notNull(),
});
export const catalogueDoctors = pgTable('catalogue_doctors', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  specialties: text('specialties').array().notNull(),
  clinicId: uuid('clinic_id').notNull(),
  active: boolean('active').notNull(),
  serviceIds: uuid('service_ids').array().notNull(),
  updatedAt: instant('updated_at').notNull(),
});
export const catalogueClinics = pgTable('catalogue_clinics', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

// Accounts as users.events.v1 tells them: whom staff may book for.

export interface WeeklyRule {
  weekday: number;
  start: string;
  end: string;
  validFrom: string | null;
  validUntil: string | null;
}

export const availabilities = pgTable('availabilities', {
  doctorId: uuid('doctor_id').primaryKey(),
  timeZone: text('time_zone').notNull(),
  rules: jsonb('rules').$type<WeeklyRule[]>().notNull(),
  bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
  bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
  minimumNoticeMinutes: integer('minimum_notice_minutes').notNull().default(60),
  bookingHorizonDays: integer('booking_horizon_days').notNull().default(90),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const timeOff = pgTable(
  'time_off',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    doctorId: uuid('doctor_id').notNull(),
    startAt: instant('start_at').notNull(),
    endAt: instant('end_at').notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('time_off_doctor_idx').on(t.doctorId, t.startAt)],
);

/**
 * `blockedFrom`/`blockedUntil` are the appointment plus the doctor's buffers: the exclusion
 * constraint (migration 0001) forbids two active appointments of one doctor whose blocked
 * ranges overlap. That, not a check in Node, is what makes double booking impossible.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    doctorId: uuid('doctor_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    startAt: instant('start_at').notNull(),
    endAt: instant('end_at').notNull(),
    blockedFrom: instant('blocked_from').notNull(),
    blockedUntil: instant('blocked_until').notNull(),
    timeZone: text('time_zone').notNull(),
    status: appointmentStatus('status').notNull(),
    reason: text('reason'),
    idempotencyKey: text('idempotency_key'),
    /** The booking request the key was first sent with: a retry must match it. Null for rows booked before migration 0004. */
    idempotencyRequest: jsonb('idempotency_request').$type<BookingRequest>(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('appointments_doctor_start_idx').on(t.doctorId, t.startAt),
    index('appointments_patient_start_idx').on(t.patientId, t.startAt),
    uniqueIndex('appointments_idempotency_idx').on(t.patientId, t.idempotencyKey),
  ],
);

export const statusHistory = pgTable(
  'appointment_status_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id),
    fromStatus: appointmentStatus('from_status'),
    toStatus: appointmentStatus('to_status').notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    reason: text('reason'),
    startAt: instant('start_at').notNull(),
    /** What else the change set: a reschedule's start, end, doctor or service, old and new. */
    changes: jsonb('changes').$type<FieldChange[]>().notNull().default([]),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('status_history_appointment_idx').on(t.appointmentId, t.id)],
);

export const waitlist = pgTable(
  'waitlist',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    patientId: uuid('patient_id').notNull(),
    doctorId: uuid('doctor_id'),
    serviceId: uuid('service_id').notNull(),
    windowStart: instant('window_start').notNull(),
    windowEnd: instant('window_end').notNull(),
    /** The freed time offered to this patient (once: an entry is offered at most one slot). */
    offeredAt: instant('offered_at'),
    offeredStart: instant('offered_start'),
    offeredDoctorId: uuid('offered_doctor_id'),
    /** WAITING, then OFFERED once a freed time was offered; FULFILLED once the patient booked a time in the window. */
    status: waitlistStatus('status').notNull().default('WAITING'),
    fulfilledAt: instant('fulfilled_at'),
    fulfilledAppointmentId: uuid('fulfilled_appointment_id'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('waitlist_service_idx').on(t.serviceId, t.windowStart),
    index('waitlist_patient_idx').on(t.patientId),
    // One active entry per patient, service, doctor (or any doctor) and window: joining again is the same wait.
    uniqueIndex('waitlist_active_entry_idx')
      .on(t.patientId, t.serviceId, sql`coalesce(${t.doctorId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.windowStart, t.windowEnd)
      .where(sql`${t.status} in ('WAITING', 'OFFERED')`),
  ],
);

/** Per-clinic rules; a clinic without a row uses the service's defaults (PATIENT_CUTOFF_MINUTES, 0). */
export const clinicPolicies = pgTable('clinic_policies', {
  clinicId: uuid('clinic_id').primaryKey(),
  /** A floor under every doctor's own minimum notice at this clinic. */
  minimumNoticeMinutes: integer('minimum_notice_minutes').notNull(),
  patientCutoffMinutes: integer('patient_cutoff_minutes').notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export type AppointmentRow = typeof appointments.$inferSelect;
export type AvailabilityRow = typeof availabilities.$inferSelect;
export type TimeOffRow = typeof timeOff.$inferSelect;
export type StatusChangeRow = typeof statusHistory.$inferSelect;
export type WaitlistRow = typeof waitlist.$inferSelect;
export type ClinicPolicyRow = typeof clinicPolicies.$inferSelect;
