import { and, eq, inArray, lte } from 'drizzle-orm';
import type { AppointmentPayloadV1 } from '@medappt/platform';
import { careStateAfter } from '../domain/care-relation.ts';
import { careAppointments, type CareAppointmentRow } from '../db/schema.ts';
import type { PatientsDbOrTx } from './db.ts';

/** Every appointment `doctorId` has or had with the given patients; domain/care-relation.ts decides what they grant. */
export async function careAppointmentsOf(db: PatientsDbOrTx, doctorId: string, patientIds: readonly string[]): Promise<CareAppointmentRow[]> {
  if (patientIds.length === 0) return [];
  return db
    .select()
    .from(careAppointments)
    .where(and(eq(careAppointments.doctorId, doctorId), inArray(careAppointments.patientId, [...patientIds])));
}

/**
 * Applies one appointment event to the read model. Events of one appointment arrive in order
 * (same key, same partition); the occurredAt guard also keeps a late replay from going back.
 */
export async function applyAppointmentEvent(db: PatientsDbOrTx, payload: AppointmentPayloadV1, occurredAt: Date): Promise<void> {
  const { doctorId, status, requestedBy } = careStateAfter(payload);
  const state = { doctorId, patientId: payload.patientId, status, startAt: new Date(payload.startAt), endAt: new Date(payload.endAt), lastEventAt: occurredAt };
  await db
    .insert(careAppointments)
    .values({ appointmentId: payload.appointmentId, ...state, requestedBy: requestedBy ?? null })
    .onConflictDoUpdate({
      target: careAppointments.appointmentId,
      set: requestedBy === undefined ? state : { ...state, requestedBy },
      setWhere: lte(careAppointments.lastEventAt, occurredAt),
    });
}
