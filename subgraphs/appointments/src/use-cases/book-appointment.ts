import { randomUUID } from 'node:crypto';
import { badUserInput, checkOptionalText, codedError, ErrorCode, forbidden, rejectProblems, requireViewer, type Viewer } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { idProblems } from '../domain/ids.ts';
import { bookingRequestOf, differingFields, type BookingRequest } from '../domain/idempotency.ts';
import { transitionRecords } from '../events/publishes-appointments.ts';
import type { BookAppointmentInput } from '../generated/resolvers-types.ts';
import { findByIdempotencyKey, insertBookingIfFree } from '../repository/appointments.ts';
import { bookingTerms, slotUnavailable, type BookingOutcome } from './booking-terms.ts';
import { requirePatientAccount } from './require-patient-account.ts';

/** Patients book for themselves; staff for any patient; nobody else books. */
function patientFor(viewer: Viewer, requested: string | null | undefined): string {
  switch (viewer.role) {
    case 'PATIENT':
      if (requested && requested !== viewer.userId) throw forbidden('Patients book appointments for themselves only.');
      return viewer.userId;
    case 'STAFF':
      if (!requested) throw badUserInput('input.patientId', 'is required when staff book for a patient');
      return requested;
    case 'DOCTOR':
    case 'ADMIN':
      throw forbidden('Only patients and clinic staff book appointments.');
  }
}

/** The first booking made with this key, if `request` repeats it; a different request is refused. */
function replayed(earlier: AppointmentRow, key: string, request: BookingRequest): BookingOutcome {
  // Rows booked before the request was kept: compare with the booking as it stands.
  const first =
    earlier.idempotencyRequest ??
    bookingRequestOf({ doctorId: earlier.doctorId, serviceId: earlier.serviceId, start: earlier.startAt, reason: earlier.reason });
  const differing = differingFields(first, request);
  if (differing.length > 0) {
    throw codedError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      `Idempotency key "${key}" was already used for a different booking request (its ${differing.join(', ')} differed). Send a new key for a new booking; repeat the first request exactly to get its appointment.`,
      { field: 'input.idempotencyKey' },
    );
  }
  return { ...earlier, __typename: 'Appointment' };
}

export async function bookAppointment(ctx: AppointmentsContext, input: BookAppointmentInput): Promise<BookingOutcome> {
  const viewer = requireViewer(ctx.auth);
  rejectProblems(idProblems({ doctorId: input.doctorId, serviceId: input.serviceId, patientId: input.patientId }), 'input');
  const patientId = patientFor(viewer, input.patientId);
  // A patient's own token says who they are; an id staff type in must be a patient's account.
  if (viewer.role === 'STAFF') await requirePatientAccount(ctx.db, patientId, 'input.patientId');
  const idempotencyKey = checkOptionalText('input.idempotencyKey', input.idempotencyKey, 'code');
  const reason = checkOptionalText('input.reason', input.reason, 'reason');
  const request = bookingRequestOf({ ...input, reason });
  if (idempotencyKey) {
    const earlier = await findByIdempotencyKey(ctx.db, patientId, idempotencyKey);
    if (earlier) return replayed(earlier, idempotencyKey, request);
  }
  const terms = await bookingTerms(ctx, input, { at: 'input', offer: 'serviceId' });

  // A crowd on one slot: once it is taken, the rest learn so from the terms' own read instead of
  // an insert each. "Taken" there is what the insert would have answered then; "free" proves
  // nothing, and the insert decides.
  let booked: AppointmentRow | null = null;
  if (!terms.blockedNow) {
    const appointment = {
      id: randomUUID(),
      doctorId: terms.doctor.id,
      patientId,
      serviceId: terms.service.id,
      startAt: input.start,
      endAt: terms.end,
      blockedFrom: terms.blocked.start,
      blockedUntil: terms.blocked.end,
      timeZone: terms.availability.timeZone,
      status: 'REQUESTED' as const,
      reason,
      idempotencyKey,
      idempotencyRequest: idempotencyKey ? request : null,
      createdBy: viewer.userId,
    };
    const records = transitionRecords({ appointment, from: null, action: 'REQUEST', actor: viewer, reason, eventType: 'appointment.requested' });
    booked = await insertBookingIfFree(ctx.db, appointment, records);
  }
  if (booked) return { ...booked, __typename: 'Appointment' };
  if (idempotencyKey) {
    // The same key raced in from a retry: that booking is this booking.
    const earlier = await findByIdempotencyKey(ctx.db, patientId, idempotencyKey);
    if (earlier) return replayed(earlier, idempotencyKey, request);
  }
  return slotUnavailable(ctx, input);
}
