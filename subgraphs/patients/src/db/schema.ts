import { sql } from 'drizzle-orm';
import type { AppointmentStatus, Role } from '@medappt/platform';
import { bigserial, boolean, date, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export { adminActions, processedEvents } from '@medappt/platform';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const sex = pgEnum('sex', ['FEMALE', 'MALE', 'INTERSEX', 'UNKNOWN']);
export const allergySeverity = pgEnum('allergy_severity', ['MILD', 'MODERATE', 'SEVERE', 'LIFE_THREATENING']);

export interface EmergencyContact {
  name: string;
  relationship: string | null;
  phone: string;
}

/** `id` is the patient's user account id (docs/adr/005). */
export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    dateOfBirth: day('date_of_birth'),
    sex: sex('sex').notNull().default('UNKNOWN'),
    phone: text('phone'),
    email: text('email'),
    emergencyContact: jsonb('emergency_contact').$type<EmergencyContact>(),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('patients_name_idx').on(sql`lower(${t.name})`, t.id)],
);

const entryColumns = () => ({
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  patientId: uuid('patient_id').notNull(),
  authorId: uuid('author_id').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const historyEntries = pgTable('history_entries', { ...entryColumns(), occurredOn: day('occurred_on'), note: text('note').notNull() }, (t) => [
  index('history_entries_patient_idx').on(t.patientId, t.createdAt),
]);

export const allergies = pgTable(
  'allergies',
  { ...entryColumns(), substance: text('substance').notNull(), reaction: text('reaction'), severity: allergySeverity('severity').notNull() },
  (t) => [index('allergies_patient_idx').on(t.patientId, t.createdAt)],
);

export const medications = pgTable(
  'medications',
  { ...entryColumns(), name: text('name').notNull(), dose: text('dose').notNull(), since: day('since'), until: day('until') },
  (t) => [index('medications_patient_idx').on(t.patientId, t.createdAt)],
);

/**
 * Read model of appointments (fed by appointments.events.v1): each appointment's current doctor,
 * patient, status, times and who requested it. domain/care-relation.ts decides from these rows who
 * may read a record.
 */
export const careAppointments = pgTable(
  'care_appointments',
  {
    appointmentId: uuid('appointment_id').primaryKey(),
    doctorId: uuid('doctor_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    status: text('status').$type<AppointmentStatus>().notNull(),
    /** The role that put it into REQUESTED last; null when the event did not say. */
    requestedBy: text('requested_by').$type<Role>(),
    startAt: instant('start_at').notNull(),
    endAt: instant('end_at').notNull(),
    lastEventAt: instant('last_event_at').notNull(),
  },
  (t) => [index('care_appointments_pair_idx').on(t.doctorId, t.patientId)],
);

export const recordAccessAudit = pgTable(
  'record_access_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Null for an anonymous attempt (no valid token): those are audited too. */
    viewerId: uuid('viewer_id'),
    viewerRole: text('viewer_role'),
    patientId: uuid('patient_id').notNull(),
    fields: text('fields').array().notNull(),
    allowed: boolean('allowed').notNull(),
    reason: text('reason'),
    /** The router's id for the request (trusted: it came signed). */
    requestId: text('request_id'),
    /** Whatever x-request-id the client sent, kept apart: untrusted, for matching a client's own logs. */
    clientRequestId: text('client_request_id'),
    clientIp: text('client_ip'),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('record_access_patient_idx').on(t.patientId, t.at), index('record_access_viewer_idx').on(t.viewerId, t.at)],
);

export type PatientRow = typeof patients.$inferSelect;
export type HistoryEntryRow = typeof historyEntries.$inferSelect;
export type AllergyRow = typeof allergies.$inferSelect;
export type MedicationRow = typeof medications.$inferSelect;
export type CareAppointmentRow = typeof careAppointments.$inferSelect;
export type RecordAccessRow = typeof recordAccessAudit.$inferSelect;
