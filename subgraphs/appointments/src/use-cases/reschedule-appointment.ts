import { checkOptionalText, rejectProblems, requireViewer } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import { changedFields } from '../domain/history.ts';
import { idProblems } from '../domain/ids.ts';
import { offerFreedSlot, recordTransition } from '../events/publishes-appointments.ts';
import type { MutationRescheduleAppointmentArgs } from '../generated/resolvers-types.ts';
import { deleteAppointment, insertIfFree, updateAppointment } from '../repository/appointments.ts';
import { fulfilWaitlist } from '../repository/waitlist.ts';
import { bookingTerms, slotUnavailable, type BookingOutcome } from './booking-terms.ts';
import { checkedOverride, decide, reasonWithOverride } from './change-status.ts';
import { requireVisibleAppointment } from './visible-appointments.ts';

/**
 * Moves an appointment atomically: the new time is claimed first with a placeholder row
 * (INSERT ... ON CONFLICT DO NOTHING, like a booking), then the appointment takes its place in
 * the same transaction. The old time is freed only if the new one was won.
 */
export async function rescheduleAppointment(ctx: AppointmentsContext, input: MutationRescheduleAppointmentArgs): Promise<BookingOutcome> {
  const { id } = input;
  const viewer = requireViewer(ctx.auth);
  rejectProblems(idProblems({ id, doctorId: input.doctorId, serviceId: input.serviceId }));
  const existing = await requireVisibleAppointment(ctx, id);
  const reason = checkOptionalText('reason', input.reason, 'reason');
  const override = checkedOverride(input.override);
  const target = { doctorId: input.doctorId ?? existing.doctorId, serviceId: input.serviceId ?? existing.serviceId, start: input.start };
  // Arguments of the mutation itself: `serviceId`, not `input.serviceId`. A new doctor who does not
  // offer the kept service is the doctor's problem, a new service the service's.
  const terms = await bookingTerms(ctx, target, { offer: input.serviceId ? 'serviceId' : 'doctorId' });

  const moved = await ctx.db.transaction(async (tx) => {
    const { current, next, overridden } = await decide(ctx, tx, viewer, id, 'RESCHEDULE', override, terms.doctor.id);
    const placement = {
      doctorId: terms.doctor.id,
      serviceId: terms.service.id,
      startAt: target.start,
      endAt: terms.end,
      blockedFrom: terms.blocked.start,
      blockedUntil: terms.blocked.end,
      timeZone: terms.availability.timeZone,
    };
    const overlapsItself =
      current.doctorId === placement.doctorId && current.blockedFrom < placement.blockedUntil && placement.blockedFrom < current.blockedUntil;
    if (overlapsItself) {
      // A placeholder would collide with the appointment itself: move it in place, under a savepoint.
      try {
        await tx.transaction((sp) => updateAppointment(sp, id, placement));
      } catch (error) {
        if ((error as { code?: string }).code === '23P01' || (error as { cause?: { code?: string } }).cause?.code === '23P01') return null;
        throw error;
      }
    } else {
      const claim = await insertIfFree(tx, { ...placement, patientId: current.patientId, status: 'REQUESTED', createdBy: viewer.userId });
      if (!claim) return null;
      await deleteAppointment(tx, claim.id);
    }
    const updated = await updateAppointment(tx, id, { ...placement, status: next });
    const why = reasonWithOverride(reason, overridden, override);
    await recordTransition(tx, {
      appointment: updated,
      from: current.status,
      action: 'RESCHEDULE',
      actor: viewer,
      reason: why,
      eventType: 'appointment.rescheduled',
      previous: current,
      changes: changedFields(current, updated),
    });
    await offerFreedSlot(tx, current);
    await fulfilWaitlist(tx, updated);
    return updated;
  });
  if (moved) return { ...moved, __typename: 'Appointment' };
  return slotUnavailable(ctx, target);
}
