import { eq, lte } from 'drizzle-orm';
import type { AppointmentPayloadV1 } from '@medappt/platform';
import { visits, type VisitRow } from '../db/schema.ts';
import type { FeedbackDbOrTx } from './db.ts';

/**
 * Applies one appointment event to the eligibility read model. Events of one appointment arrive in
 * order (same key, same partition); the occurredAt guard also keeps a late replay from going back.
 * `completedAt` is when the visit was marked completed: the rating window starts there.
 */
export async function applyAppointmentEvent(db: FeedbackDbOrTx, payload: AppointmentPayloadV1, occurredAt: Date): Promise<void> {
  const state = {
    patientId: payload.patientId,
    doctorId: payload.doctorId,
    status: payload.status,
    startAt: new Date(payload.startAt),
    timeZone: payload.timeZone ?? 'UTC',
    completedAt: payload.status === 'COMPLETED' ? occurredAt : null,
    lastEventAt: occurredAt,
  };
  await db
    .insert(visits)
    .values({ appointmentId: payload.appointmentId, ...state })
    .onConflictDoUpdate({ target: visits.appointmentId, set: state, setWhere: lte(visits.lastEventAt, occurredAt) });
}

export async function findVisit(db: FeedbackDbOrTx, appointmentId: string): Promise<VisitRow | null> {
  const [row] = await db.select().from(visits).where(eq(visits.appointmentId, appointmentId));
  return row ?? null;
}
