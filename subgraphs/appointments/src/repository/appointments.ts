import { and, asc, eq, gt, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { OUTBOX_CHANNEL, renderedOnce, sqlLiterals, type OutboxRow } from '@medappt/platform';
import { appointments, catalogueDoctors, outbox, statusHistory, type AppointmentRow, type StatusChangeRow } from '../db/schema.ts';
import type { AppointmentsDbOrTx } from './db.ts';
import { fulfilValues, fulfilWaitlistSql, type FulfilValues } from './waitlist.ts';

export type NewAppointment = typeof appointments.$inferInsert;
type Status = AppointmentRow['status'];

/**
 * Inserts unless the exclusion constraint (or the idempotency key) says no: `ON CONFLICT DO
 * NOTHING` with no target returns zero rows instead of raising 23P01, so a lost race costs one
 * index probe, not an aborted transaction, a wait or a deadlock.
 */
export async function insertIfFree(db: AppointmentsDbOrTx, row: NewAppointment): Promise<AppointmentRow | null> {
  const [inserted] = await db.insert(appointments).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export type NewStatusChange = typeof statusHistory.$inferInsert;

/**
 * A booking in one statement: the appointment if the exclusion constraint (or the idempotency
 * key) lets it in, exactly as insertIfFree, and only then its history row, its outbox event, the
 * end of the patient's waits it fulfils (fulfilWaitlist) and the NOTIFY that wakes the relay. One
 * statement is one transaction, so all of it or none commits, as when the same rows were written
 * by five statements between BEGIN and COMMIT: one round trip instead of seven, and one statement
 * for Postgres to run instead of seven. Its text is rendered once (renderedOnce).
 */
export async function insertBookingIfFree(
  db: AppointmentsDbOrTx,
  appointment: Omit<AppointmentRow, 'createdAt' | 'updatedAt'>,
  records: { history: NewStatusChange; event: OutboxRow },
): Promise<AppointmentRow | null> {
  const { history, event } = records;
  const [row] = await bookingStatement<{ created_at: string; updated_at: string }>(db, {
    ...fulfilValues(appointment),
    patientId: appointment.patientId,
    status: appointment.status,
    blockedFrom: appointment.blockedFrom.toISOString(),
    blockedUntil: appointment.blockedUntil.toISOString(),
    timeZone: appointment.timeZone,
    reason: appointment.reason,
    idempotencyKey: appointment.idempotencyKey,
    idempotencyRequest: appointment.idempotencyRequest && JSON.stringify(appointment.idempotencyRequest),
    createdBy: appointment.createdBy,
    historyFrom: history.fromStatus ?? null,
    historyTo: history.toStatus,
    historyAction: history.action,
    historyActorId: history.actorId,
    historyActorRole: history.actorRole,
    historyReason: history.reason ?? null,
    historyStartAt: history.startAt.toISOString(),
    historyChanges: JSON.stringify(history.changes ?? []),
    eventId: event.eventId,
    eventTopic: event.topic,
    eventKey: event.key,
    envelope: JSON.stringify(event.envelope),
  });
  if (!row) return null;
  // Postgres's text for a timestamptz, which Date reads (as drizzle's own timestamp columns do).
  return { ...appointment, createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at) };
}

type BookingValues = FulfilValues &
  Record<'status' | 'blockedFrom' | 'blockedUntil' | 'timeZone' | 'createdBy' | 'historyTo' | 'historyAction' | 'historyActorId', string> &
  Record<'historyActorRole' | 'historyStartAt' | 'historyChanges' | 'eventId' | 'eventTopic' | 'eventKey' | 'envelope', string> &
  Record<'reason' | 'idempotencyKey' | 'idempotencyRequest' | 'historyFrom' | 'historyReason', string | null>;

const bookingStatement = renderedOnce<BookingValues>(
  (p) => sql`
    with booked as (
      insert into ${appointments} (id, doctor_id, patient_id, service_id, start_at, end_at, blocked_from, blocked_until, time_zone, status, reason,
        idempotency_key, idempotency_request, created_by)
      values (${p.id}::uuid, ${p.doctorId}::uuid, ${p.patientId}::uuid, ${p.serviceId}::uuid, ${p.startAt}::timestamptz, ${p.endAt}::timestamptz,
        ${p.blockedFrom}::timestamptz, ${p.blockedUntil}::timestamptz, ${p.timeZone}, ${p.status}::appointment_status, ${p.reason},
        ${p.idempotencyKey}, ${p.idempotencyRequest}::jsonb, ${p.createdBy}::uuid)
      on conflict do nothing
      returning created_at, updated_at
    ),
    history as (
      insert into ${statusHistory} (appointment_id, from_status, to_status, action, actor_id, actor_role, reason, start_at, changes)
      select ${p.id}::uuid, ${p.historyFrom}::appointment_status, ${p.historyTo}::appointment_status, ${p.historyAction}, ${p.historyActorId}::uuid,
        ${p.historyActorRole}, ${p.historyReason}, ${p.historyStartAt}::timestamptz, ${p.historyChanges}::jsonb
      from booked
    ),
    event as (
      insert into ${outbox} (event_id, topic, key, envelope) select ${p.eventId}::uuid, ${p.eventTopic}, ${p.eventKey}, ${p.envelope}::jsonb from booked
    ),
    waits as (${fulfilWaitlistSql(p, sql`exists (select 1 from booked)`)})
    select created_at, updated_at, pg_notify(${sqlLiterals([OUTBOX_CHANNEL])}, '') from booked`,
);

export async function findByIdempotencyKey(db: AppointmentsDbOrTx, patientId: string, key: string): Promise<AppointmentRow | null> {
  const [row] = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.patientId, patientId), eq(appointments.idempotencyKey, key)))
    .limit(1);
  return row ?? null;
}

export async function findAppointmentsByIds(db: AppointmentsDbOrTx, ids: readonly string[]): Promise<AppointmentRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(appointments)
    .where(inArray(appointments.id, [...ids]));
}

export async function lockAppointment(db: AppointmentsDbOrTx, id: string): Promise<AppointmentRow | null> {
  const [row] = await db.select().from(appointments).where(eq(appointments.id, id)).for('update').limit(1);
  return row ?? null;
}

/** Changes status (and optionally time); returns null if an exclusion conflict prevented it. */
export async function updateAppointment(
  db: AppointmentsDbOrTx,
  id: string,
  changes: Partial<Pick<AppointmentRow, 'status' | 'startAt' | 'endAt' | 'blockedFrom' | 'blockedUntil' | 'doctorId' | 'serviceId' | 'timeZone'>>,
): Promise<AppointmentRow> {
  const [row] = await db
    .update(appointments)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(appointments.id, id))
    .returning();
  if (!row) throw new Error(`appointment ${id} vanished during update`);
  return row;
}

export async function listAppointments(
  db: AppointmentsDbOrTx,
  filter: { doctorId?: string; patientId?: string; statuses?: readonly Status[] | null; from?: Date | null; to?: Date | null },
): Promise<AppointmentRow[]> {
  const conditions: SQL[] = [];
  if (filter.doctorId) conditions.push(eq(appointments.doctorId, filter.doctorId));
  if (filter.patientId) conditions.push(eq(appointments.patientId, filter.patientId));
  if (filter.statuses?.length) conditions.push(inArray(appointments.status, [...filter.statuses]));
  if (filter.from) conditions.push(gt(appointments.endAt, filter.from));
  if (filter.to) conditions.push(lt(appointments.startAt, filter.to));
  return db
    .select()
    .from(appointments)
    .where(and(...conditions))
    .orderBy(asc(appointments.startAt), asc(appointments.id))
    .limit(1000);
}

export async function pendingRequestsOf(db: AppointmentsDbOrTx, doctorId: string): Promise<AppointmentRow[]> {
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.doctorId, doctorId), eq(appointments.status, 'REQUESTED')))
    .orderBy(asc(appointments.createdAt))
    .limit(500);
}

export async function recordStatusChange(db: AppointmentsDbOrTx, change: NewStatusChange): Promise<void> {
  await db.insert(statusHistory).values(change);
}

export async function historyOf(db: AppointmentsDbOrTx, appointmentIds: readonly string[]): Promise<StatusChangeRow[]> {
  if (appointmentIds.length === 0) return [];
  return db
    .select()
    .from(statusHistory)
    .where(inArray(statusHistory.appointmentId, [...appointmentIds]))
    .orderBy(asc(statusHistory.id));
}

/** Removes a placeholder row (a reschedule's claim on its new time), in the claiming transaction. */
export async function deleteAppointment(db: AppointmentsDbOrTx, id: string): Promise<void> {
  await db.delete(appointments).where(eq(appointments.id, id));
}

/** At most this many appointments per clinic in one list (a clinic's week fits many times over). */
export const CLINIC_LIST_LIMIT = 2000;

export type ClinicAppointmentRow = AppointmentRow & { clinicId: string };

/**
 * Appointments of the doctors of any number of clinics (each doctor's clinic as the catalogue copy
 * knows it), earliest start first: one query however many clinics and doctors, at most
 * CLINIC_LIST_LIMIT per clinic (ranked per clinic, so one busy clinic cannot crowd out another).
 */
export async function appointmentsOfClinics(
  db: AppointmentsDbOrTx,
  clinicIds: readonly string[],
  filter: { statuses?: readonly Status[]; from?: Date; to?: Date },
): Promise<ClinicAppointmentRow[]> {
  if (clinicIds.length === 0) return [];
  const conditions: SQL[] = [inArray(catalogueDoctors.clinicId, [...clinicIds])];
  if (filter.statuses?.length) conditions.push(inArray(appointments.status, [...filter.statuses]));
  if (filter.from) conditions.push(gt(appointments.endAt, filter.from));
  if (filter.to) conditions.push(lt(appointments.startAt, filter.to));
  const ranked = db
    .select({
      id: appointments.id,
      rank: sql<number>`row_number() over (partition by ${catalogueDoctors.clinicId} order by ${appointments.startAt}, ${appointments.id})`.as('rank'),
    })
    .from(appointments)
    .innerJoin(catalogueDoctors, eq(catalogueDoctors.id, appointments.doctorId))
    .where(and(...conditions))
    .as('ranked');
  const rows = await db
    .select({ appointment: appointments, clinicId: catalogueDoctors.clinicId })
    .from(appointments)
    .innerJoin(catalogueDoctors, eq(catalogueDoctors.id, appointments.doctorId))
    .innerJoin(ranked, eq(ranked.id, appointments.id))
    .where(lte(ranked.rank, CLINIC_LIST_LIMIT))
    .orderBy(asc(appointments.startAt), asc(appointments.id));
  return rows.map((r) => ({ ...r.appointment, clinicId: r.clinicId }));
}
