import { eq, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { upsertNewest, type AppointmentPayloadV1, type ClinicSavedV1, type DoctorSavedV1, type ServiceSavedV1, type UserEventV1 } from '@medappt/platform';
import {
  appointments,
  catalogueClinics,
  catalogueDoctors,
  catalogueServices,
  contacts,
  preferences,
  type AppointmentRow,
  type ContactRow,
} from '../db/schema.ts';
import type { EffectivePreferences } from '../domain/preference-rules.ts';
import { effectivePreferences } from './preferences.ts';
import type { NotificationsDbOrTx } from './db.ts';

// Catalogue upserts keep the newest state: a replayed or late event (older updatedAt) changes nothing.

export async function saveContact(db: NotificationsDbOrTx, e: UserEventV1): Promise<void> {
  const row = { userId: e.userId, name: e.name, disabledAt: e.disabledAt ? new Date(e.disabledAt) : null, updatedAt: new Date() };
  // Older events carry no email: keep the one we know.
  const set = e.email === undefined ? row : { ...row, email: e.email };
  await db
    .insert(contacts)
    .values({ ...row, email: e.email ?? null })
    .onConflictDoUpdate({ target: contacts.userId, set });
}

export async function saveDoctor(db: NotificationsDbOrTx, e: DoctorSavedV1): Promise<void> {
  const row = { id: e.doctorId, name: e.name, clinicId: e.clinicId, updatedAt: new Date(e.updatedAt) };
  await upsertNewest(db, catalogueDoctors, catalogueDoctors.id, row);
}

export async function saveClinic(db: NotificationsDbOrTx, e: ClinicSavedV1): Promise<void> {
  const row = { id: e.clinicId, name: e.name, timeZone: e.timeZone, address: e.address ?? null, updatedAt: new Date(e.updatedAt) };
  await upsertNewest(db, catalogueClinics, catalogueClinics.id, row);
}

export async function saveService(db: NotificationsDbOrTx, e: ServiceSavedV1): Promise<void> {
  const row = { id: e.serviceId, name: e.name, updatedAt: new Date(e.updatedAt) };
  await upsertNewest(db, catalogueServices, catalogueServices.id, row);
}

/** Upserts the appointment's latest state; returns the row, or null when a newer event was already applied. */
export async function saveAppointment(db: NotificationsDbOrTx, e: AppointmentPayloadV1, eventAt: Date): Promise<AppointmentRow | null> {
  const row = {
    id: e.appointmentId,
    patientId: e.patientId,
    doctorId: e.doctorId,
    serviceId: e.serviceId,
    startAt: new Date(e.startAt),
    endAt: new Date(e.endAt),
    status: e.status,
    timeZone: e.timeZone ?? null,
    eventAt,
  };
  const [saved] = await db
    .insert(appointments)
    .values(row)
    .onConflictDoUpdate({ target: appointments.id, set: row, setWhere: or(lte(appointments.eventAt, eventAt), isNull(appointments.eventAt)) })
    .returning();
  return saved ?? null;
}

/** What a message about an appointment needs to say: names, place and the clinic's time zone. */
export interface AppointmentFacts {
  patientName: string;
  doctorName: string;
  serviceName: string;
  clinicId: string | null;
  clinicName: string;
  clinicAddress: string | null;
  timeZone: string;
}

/** The facts, the two accounts involved (null while their user.created has not arrived) and their preferences. */
export interface AppointmentContext {
  facts: AppointmentFacts;
  contacts: { patient: ContactRow | null; doctor: ContactRow | null };
  preferences: { patient: EffectivePreferences; doctor: EffectivePreferences };
}

/** Everything a message about the appointment needs, in one query (each part by primary key). */
export async function contextOf(
  db: NotificationsDbOrTx,
  a: Pick<AppointmentRow, 'patientId' | 'doctorId' | 'serviceId' | 'timeZone'>,
): Promise<AppointmentContext> {
  const patient = alias(contacts, 'patient');
  const doctorAccount = alias(contacts, 'doctor_account');
  const patientPrefs = alias(preferences, 'patient_prefs');
  const doctorPrefs = alias(preferences, 'doctor_prefs');
  const [row] = await db
    .select({
      patient,
      doctorAccount,
      patientPrefs,
      doctorPrefs,
      doctorName: catalogueDoctors.name,
      clinicId: catalogueDoctors.clinicId,
      clinicName: catalogueClinics.name,
      clinicAddress: catalogueClinics.address,
      clinicTimeZone: catalogueClinics.timeZone,
      serviceName: catalogueServices.name,
    })
    .from(sql`(select) as one`)
    .leftJoin(patient, eq(patient.userId, a.patientId))
    .leftJoin(doctorAccount, eq(doctorAccount.userId, a.doctorId))
    .leftJoin(patientPrefs, eq(patientPrefs.userId, a.patientId))
    .leftJoin(doctorPrefs, eq(doctorPrefs.userId, a.doctorId))
    .leftJoin(catalogueDoctors, eq(catalogueDoctors.id, a.doctorId))
    .leftJoin(catalogueClinics, eq(catalogueClinics.id, catalogueDoctors.clinicId))
    .leftJoin(catalogueServices, eq(catalogueServices.id, a.serviceId));
  const patientContact = row?.patient ?? null;
  const doctorContact = row?.doctorAccount ?? null;
  return {
    facts: {
      patientName: patientContact?.name ?? 'Patient',
      doctorName: row?.doctorName ?? doctorContact?.name ?? 'your doctor',
      serviceName: row?.serviceName ?? 'Appointment',
      clinicId: row?.clinicId ?? null,
      clinicName: row?.clinicName ?? 'the clinic',
      clinicAddress: row?.clinicAddress ?? null,
      timeZone: row?.clinicTimeZone ?? a.timeZone ?? 'UTC',
    },
    contacts: { patient: patientContact, doctor: doctorContact },
    preferences: {
      patient: effectivePreferences(a.patientId, row?.patientPrefs),
      doctor: effectivePreferences(a.doctorId, row?.doctorPrefs),
    },
  };
}

/** Clinics are known here from doctors.events.v1 (clinic.saved). */
export async function clinicIsKnown(db: NotificationsDbOrTx, clinicId: string): Promise<boolean> {
  const [clinic] = await db.select({ id: catalogueClinics.id }).from(catalogueClinics).where(eq(catalogueClinics.id, clinicId)).limit(1);
  return clinic !== undefined;
}

/** A message to one account about a clinic's matter (an invoice): the account (null while unknown) and the clinic's name. */
export async function recipientAtClinic(
  db: NotificationsDbOrTx,
  userId: string,
  clinicId: string,
): Promise<{ contact: ContactRow | null; clinicName: string }> {
  const [[contact], [clinic]] = await Promise.all([
    db.select().from(contacts).where(eq(contacts.userId, userId)).limit(1),
    db.select({ name: catalogueClinics.name }).from(catalogueClinics).where(eq(catalogueClinics.id, clinicId)).limit(1),
  ]);
  return { contact: contact ?? null, clinicName: clinic?.name ?? 'the clinic' };
}
