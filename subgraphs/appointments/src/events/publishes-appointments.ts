import { outboxRowOf, Topics, writeEvent, writeOutboxRow, type AppointmentEventType, type OutboxRow, type PayloadOf, type Viewer } from '@medappt/platform';
import type { AppointmentRow } from '../db/schema.ts';
import type { FieldChange } from '../domain/history.ts';
import { recordStatusChange, type NewStatusChange } from '../repository/appointments.ts';
import type { AppointmentsDbOrTx } from '../repository/db.ts';
import { offerToFirstWaiting } from '../repository/waitlist.ts';

export interface Transition {
  appointment: Pick<AppointmentRow, 'id' | 'doctorId' | 'patientId' | 'serviceId' | 'startAt' | 'endAt' | 'status' | 'timeZone'>;
  from: AppointmentRow['status'] | null;
  action: string;
  actor: Viewer;
  reason?: string | null;
  eventType: AppointmentEventType;
  previous?: AppointmentRow;
  changes?: FieldChange[];
  withinCancellationCutoff?: boolean;
}

/** What a change of an appointment leaves behind: its history row and its event. */
export function transitionRecords(change: Transition): { history: NewStatusChange; event: OutboxRow<PayloadOf<AppointmentEventType>> } {
  const { appointment, previous } = change;
  const payload: PayloadOf<AppointmentEventType> = {
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
  return {
    history: {
      appointmentId: appointment.id,
      fromStatus: change.from,
      toStatus: appointment.status,
      action: change.action,
      actorId: change.actor.userId,
      actorRole: change.actor.role,
      reason: change.reason ?? null,
      startAt: appointment.startAt,
      changes: change.changes ?? [],
    },
    event: outboxRowOf(Topics.appointments.name, { type: change.eventType, key: appointment.id, payload }),
  };
}

/**
 * Every change of an appointment is a history row and an outbox event, written in the caller's
 * transaction: both exist exactly when the change does. The reason stays in the history: the
 * event carries ids and what filtering needs, never free text (docs/events.md). A booking writes
 * the same records in the statement that inserts it (repository/appointments.ts insertBookingIfFree).
 */
export async function recordTransition(tx: AppointmentsDbOrTx, change: Transition): Promise<void> {
  const { history, event } = transitionRecords(change);
  await recordStatusChange(tx, history);
  await writeOutboxRow(tx, event);
}

/**
 * Working hours or time off changed: an outbox event in the caller's transaction, keyed by the
 * doctor so the doctor's schedule changes stay in order. Live slot views follow it.
 */
export async function recordScheduleChange(
  tx: AppointmentsDbOrTx,
  change: { doctorId: string; change: PayloadOf<'schedule.changed'>['change']; from: Date | null; to: Date | null },
): Promise<void> {
  const payload: PayloadOf<'schedule.changed'> = {
    doctorId: change.doctorId,
    change: change.change,
    from: change.from?.toISOString() ?? null,
    to: change.to?.toISOString() ?? null,
  };
  await writeEvent(tx, Topics.appointments.name, { type: 'schedule.changed', key: change.doctorId, payload });
}

/**
 * A slot was freed (cancelled, declined, moved away): announce it, and offer it to the first
 * matching patient on the waitlist, in the transaction that freed it. The offer is a message,
 * not a hold: whoever books first gets the time.
 */
export async function offerFreedSlot(tx: AppointmentsDbOrTx, freed: AppointmentRow): Promise<void> {
  const slot = {
    doctorId: freed.doctorId,
    serviceId: freed.serviceId,
    startAt: freed.startAt.toISOString(),
    endAt: freed.endAt.toISOString(),
    timeZone: freed.timeZone,
  };
  const freedPayload: PayloadOf<'slot.freed'> = { appointmentId: freed.id, ...slot };
  await writeEvent(tx, Topics.appointments.name, { type: 'slot.freed', key: freed.id, payload: freedPayload });
  const entry = await offerToFirstWaiting(tx, {
    doctorId: freed.doctorId,
    serviceId: freed.serviceId,
    start: freed.startAt,
    end: freed.endAt,
    exceptPatientId: freed.patientId,
  });
  if (entry) {
    const offer: PayloadOf<'waitlist.offered'> = { waitlistEntryId: entry.id, patientId: entry.patientId, ...slot };
    await writeEvent(tx, Topics.appointments.name, { type: 'waitlist.offered', key: entry.id, payload: offer });
  }
}
