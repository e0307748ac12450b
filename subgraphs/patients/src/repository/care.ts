import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { AppointmentPayloadV1 } from '@medappt/platform';
import { careAppointments } from '../db/schema.ts';
import { ACCESS_GRANTING_STATUSES } from '../domain/care-relation.ts';
import type { PatientsDbOrTx } from './db.ts';

/** The patients (of those given) with whom `doctorId` has or had a care relation. */
export async function patientsInCareOf(db: PatientsDbOrTx, doctorId: string, patientIds: readonly string[]): Promise<Set<string>> {
  if (patientIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ patientId: careAppointments.patientId })
    .from(careAppointments)
    .where(
      and(
        eq(careAppointments.doctorId, doctorId),
        inArray(careAppointments.patientId, [...patientIds]),
        or(inArray(careAppointments.status, [...ACCESS_GRANTING_STATUSES]), eq(careAppointments.everConfirmed, true)),
      ),
    );
  return new Set(rows.map((r) => r.patientId));
}

/**
 * Applies one appointment event to the read model. Events of one appointment arrive in order
 * (same key, same partition); the occurredAt guard also keeps a late replay from going back.
 */
export async function applyAppointmentEvent(db: PatientsDbOrTx, payload: AppointmentPayloadV1, occurredAt: Date): Promise<void> {
  const confirmed = payload.status === 'CONFIRMED' || payload.status === 'COMPLETED' || payload.status === 'NO_SHOW';
  await db
    .insert(careAppointments)
    .values({
      appointmentId: payload.appointmentId,
      doctorId: payload.doctorId,
      patientId: payload.patientId,
      status: payload.status,
      everConfirmed: confirmed,
      lastEventAt: occurredAt,
    })
    .onConflictDoUpdate({
      target: careAppointments.appointmentId,
      set: {
        doctorId: payload.doctorId,
        patientId: payload.patientId,
        status: payload.status,
        everConfirmed: sql`${careAppointments.everConfirmed} or ${confirmed}`,
        lastEventAt: occurredAt,
      },
      setWhere: lte(careAppointments.lastEventAt, occurredAt),
    });
}
