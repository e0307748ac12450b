import { badUserInput, checkOptionalText, codedError, ErrorCode, forbidden, notFound, requireViewer, type Viewer } from '@medappt/platform';
import { recordTransition } from './appointment-events.ts';
import type { AppointmentsContext } from './context.ts';
import type { AppointmentRow } from './db/schema.ts';
import { blockedInterval } from './domain/availability.ts';
import { DAY_MS } from './domain/calendar.ts';
import { explainUnbookableStart } from './domain/validation.ts';
import { checkId, checkOptionalId } from './ids.ts';
import { bookingRequestOf, differingFields, type BookingRequest } from './domain/idempotency.ts';
import { findByIdempotencyKey, insertIfFree } from './repository/appointments.ts';
import { fulfilWaitlist } from './repository/waitlist.ts';
import { availabilityOf } from './repository/availability.ts';
import { findDoctor } from './repository/catalogue.ts';
import { policyOfClinic } from './clinic-policy.ts';
import { requirePatientAccount } from './patient-accounts.ts';
import { activeService, alternativesFor, type SlotModel } from './slots.ts';

export interface SlotUnavailableModel {
  __typename: 'SlotUnavailable';
  message: string;
  requestedStart: Date;
  alternatives: SlotModel[];
}
export type BookingOutcome = (AppointmentRow & { __typename: 'Appointment' }) | SlotUnavailableModel;

export interface BookingInput {
  doctorId: string;
  serviceId: string;
  start: Date;
  reason?: string | null;
  patientId?: string | null;
  idempotencyKey?: string | null;
}

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

/** Where each part of a booking was written in the request, to name it in an error. */
export interface BookingFields {
  doctorId: string;
  serviceId: string;
  start: string;
  /** Blamed when the doctor does not offer the service. */
  offer: string;
}

export const BOOKING_FIELDS: BookingFields = { doctorId: 'input.doctorId', serviceId: 'input.serviceId', start: 'input.start', offer: 'input.serviceId' };

/** What a booking at `start` needs, checked in the order a person would fix them. */
export async function bookingTerms(ctx: AppointmentsContext, input: { doctorId: string; serviceId: string; start: Date }, fields: BookingFields = BOOKING_FIELDS) {
  // Two round trips, not four: a booking's latency is mostly these lookups.
  const [service, doctor] = await Promise.all([activeService(ctx.db, input.serviceId), findDoctor(ctx.db, input.doctorId)]);
  if (!doctor || !doctor.active) throw notFound('Doctor', input.doctorId);
  if (!doctor.serviceIds.includes(service.id)) throw badUserInput(fields.offer, `${doctor.name} does not offer ${service.name}`);
  const around = { from: new Date(input.start.getTime() - DAY_MS), to: new Date(input.start.getTime() + DAY_MS) };
  const [hoursByDoctor, clinic] = await Promise.all([availabilityOf(ctx.db, [doctor.id], around), policyOfClinic(ctx, doctor.clinicId, ctx.db)]);
  const hours = hoursByDoctor.get(doctor.id);
  if (!hours) throw badUserInput(fields.doctorId, `${doctor.name} has not published working hours yet`);
  const availability = { ...hours, minimumNoticeMinutes: Math.max(hours.minimumNoticeMinutes, clinic.minimumNoticeMinutes) };
  const problem = explainUnbookableStart({ start: input.start, availability, slotMinutes: service.durationMinutes, now: ctx.now() });
  // The domain's message names the field itself; badUserInput adds it in front.
  if (problem) throw badUserInput(fields.start, problem.message.replace(/^input\.start\s*/, ''));
  const end = new Date(input.start.getTime() + service.durationMinutes * 60_000);
  return { service, doctor, availability, end, blocked: blockedInterval({ start: input.start, end }, availability) };
}

export async function slotUnavailable(ctx: AppointmentsContext, wanted: { doctorId: string; serviceId: string; start: Date }): Promise<SlotUnavailableModel> {
  return {
    __typename: 'SlotUnavailable',
    message: 'That time was just taken or is no longer free. Choose one of the alternatives.',
    requestedStart: wanted.start,
    alternatives: await alternativesFor(ctx.db, { ...wanted, now: ctx.now() }),
  };
}

/** The first booking made with this key, if `request` repeats it; a different request is refused. */
function replayed(earlier: AppointmentRow, key: string, request: BookingRequest): BookingOutcome {
  // Rows booked before the request was kept: compare with the booking as it stands.
  const first = earlier.idempotencyRequest ?? bookingRequestOf({ doctorId: earlier.doctorId, serviceId: earlier.serviceId, start: earlier.startAt, reason: earlier.reason });
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

export async function bookAppointment(ctx: AppointmentsContext, input: BookingInput): Promise<BookingOutcome> {
  const viewer = requireViewer(ctx.auth);
  checkId('input.doctorId', input.doctorId);
  checkId('input.serviceId', input.serviceId);
  checkOptionalId('input.patientId', input.patientId);
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
  const terms = await bookingTerms(ctx, input);

  const booked = await ctx.db.transaction(async (tx) => {
    const row = await insertIfFree(tx, {
      doctorId: terms.doctor.id,
      patientId,
      serviceId: terms.service.id,
      startAt: input.start,
      endAt: terms.end,
      blockedFrom: terms.blocked.start,
      blockedUntil: terms.blocked.end,
      timeZone: terms.availability.timeZone,
      status: 'REQUESTED',
      reason,
      idempotencyKey,
      idempotencyRequest: idempotencyKey ? request : null,
      createdBy: viewer.userId,
    });
    if (row) {
      await recordTransition(tx, { appointment: row, from: null, action: 'REQUEST', actor: viewer, reason: row.reason, eventType: 'appointment.requested' });
      await fulfilWaitlist(tx, row);
    }
    return row;
  });
  if (booked) return { ...booked, __typename: 'Appointment' };
  if (idempotencyKey) {
    // The same key raced in from a retry: that booking is this booking.
    const earlier = await findByIdempotencyKey(ctx.db, patientId, idempotencyKey);
    if (earlier) return replayed(earlier, idempotencyKey, request);
  }
  return slotUnavailable(ctx, input);
}
