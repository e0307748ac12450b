import { Topics, writeEvent, type AppointmentEventType, type AppointmentPayloadV1, type Viewer } from '@medappt/platform';
import type { AppointmentRow } from './db/schema.ts';
import type { FieldChange } from './domain/history.ts';
import { recordStatusChange } from './repository/appointments.ts';
import type { AppointmentsDbOrTx } from './repository/db.ts';

/**
 * Every change of an appointment is a history row and an outbox event, written in the caller's
 * transaction: both exist exactly when the change does. The reason stays in the history: the
 * event carries ids and what filtering needs, never free text (docs/events.md).
 */
export async function recordTransition(
  tx: AppointmentsDbOrTx,
  change: { appointment: AppointmentRow; from: AppointmentRow['status'] | null; action: string; actor: Viewer; reason?: string | null; eventType: AppointmentEventType; previous?: AppointmentRow; changes?: FieldChange[]; withinCancellationCutoff?: boolean },
): Promise<void> {
  const { appointment, previous } = change;
  await recordStatusChange(tx, {
    appointmentId: appointment.id,
    fromStatus: change.from,
    toStatus: appointment.status,
    action: change.action,
    actorId: change.actor.userId,
    actorRole: change.actor.role,
    reason: change.reason ?? null,
    startAt: appointment.startAt,
    changes: change.changes ?? [],
  });
  const payload: AppointmentPayloadV1 = {
    appointmentId: appointment.id,
    doctorId: appointment.doctorId,
    patientId: appointment.patientId,
    serviceId: appointment.serviceId,
    startAt: appointment.startAt.toISOString(),
    endAt: appointment.endAt.toISOString(),
    status: appointment.status,
    previousStatus: change.from,
    action: change.action,
    actorRole: change.actor.role,
    timeZone: appointment.timeZone,
    previousStartAt: previous?.startAt.toISOString() ?? null,
    // Where a move came from: a doctor change is a cancellation for the previous doctor (docs/events.md).
    ...(previous && { previousEndAt: previous.endAt.toISOString(), previousDoctorId: previous.doctorId, previousServiceId: previous.serviceId }),
    ...(change.withinCancellationCutoff !== undefined && { withinCancellationCutoff: change.withinCancellationCutoff }),
  };
  await writeEvent(tx, Topics.appointments.name, { type: change.eventType, key: appointment.id, payload });
}
