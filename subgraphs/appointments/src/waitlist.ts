import { badUserInput, forbidden, notFound, requireViewer, Topics, writeEvent, type SlotFreedV1, type WaitlistOfferedV1 } from '@medappt/platform';
import type { AppointmentsContext } from './context.ts';
import type { AppointmentRow, WaitlistRow } from './db/schema.ts';
import { DAY_MS } from './domain/calendar.ts';
import { findDoctor } from './repository/catalogue.ts';
import type { AppointmentsDbOrTx } from './repository/db.ts';
import { deleteWaitlistEntry, findWaitlistEntry, insertWaitlistEntry, offerToFirstWaiting, waitlistOf } from './repository/waitlist.ts';
import { requirePatientAccount } from './patient-accounts.ts';
import { activeService } from './slots.ts';
import { checkId, checkOptionalId } from './ids.ts';

export const MAX_WAITLIST_DAYS = 90;

/** A patient waits for a time in a window, with one doctor or any doctor offering the service; joining the same wait again returns the entry they have. */
export async function joinWaitlist(
  ctx: AppointmentsContext,
  input: { serviceId: string; doctorId?: string | null; from: Date; to: Date; patientId?: string | null },
): Promise<WaitlistRow> {
  const viewer = requireViewer(ctx.auth);
  checkId('input.serviceId', input.serviceId);
  checkOptionalId('input.doctorId', input.doctorId);
  checkOptionalId('input.patientId', input.patientId);
  if (viewer.role !== 'PATIENT' && viewer.role !== 'STAFF') throw forbidden('Only patients and clinic staff use the waitlist.');
  const patientId = viewer.role === 'PATIENT' ? viewer.userId : input.patientId;
  if (!patientId) throw badUserInput('input.patientId', 'is required when staff add a patient to the waitlist');
  if (viewer.role === 'PATIENT' && input.patientId && input.patientId !== viewer.userId) throw forbidden('Patients join the waitlist for themselves only.');
  // As in booking: an id staff type in must be a patient's account, or a freed time is offered to nobody (or to a doctor).
  if (viewer.role === 'STAFF') await requirePatientAccount(ctx.db, patientId, 'input.patientId');
  if (input.to <= input.from) throw badUserInput('input.to', 'must be after from');
  if (input.to.getTime() < ctx.now().getTime()) throw badUserInput('input.to', 'must be in the future');
  if (input.to.getTime() - input.from.getTime() > MAX_WAITLIST_DAYS * DAY_MS) throw badUserInput('input.to', `must be at most ${MAX_WAITLIST_DAYS} days after from`);
  const service = await activeService(ctx.db, input.serviceId);
  if (input.doctorId) {
    const doctor = await findDoctor(ctx.db, input.doctorId);
    if (!doctor || !doctor.active) throw notFound('Doctor', input.doctorId);
    if (!doctor.serviceIds.includes(service.id)) throw badUserInput('input.serviceId', `${doctor.name} does not offer ${service.name}`);
  }
  return insertWaitlistEntry(ctx.db, { patientId, serviceId: service.id, doctorId: input.doctorId ?? null, windowStart: input.from, windowEnd: input.to });
}

export async function leaveWaitlist(ctx: AppointmentsContext, id: string): Promise<boolean> {
  const viewer = requireViewer(ctx.auth);
  checkId('id', id);
  const entry = await findWaitlistEntry(ctx.db, id);
  if (!entry || (viewer.role !== 'STAFF' && entry.patientId !== viewer.userId)) throw notFound('Waitlist entry', id);
  await deleteWaitlistEntry(ctx.db, id);
  return true;
}

/** A patient's entries (active ones unless asked otherwise); `patientId` is their account id (adr/005), so `User.waitlist` needs no profile. */
export async function waitlistOfPatient(ctx: AppointmentsContext, patientId: string, statuses?: readonly WaitlistRow['status'][] | null): Promise<WaitlistRow[]> {
  const viewer = requireViewer(ctx.auth);
  if (viewer.role !== 'STAFF' && viewer.userId !== patientId) throw forbidden("Only the patient and clinic staff see a patient's waitlist.");
  return waitlistOf(ctx.db, patientId, statuses?.length ? statuses : ['WAITING', 'OFFERED']);
}

/**
 * A slot was freed (cancelled, declined, moved away): announce it, and offer it to the first
 * matching patient on the waitlist, in the transaction that freed it. The offer is a message,
 * not a hold: whoever books first gets the time.
 */
export async function offerFreedSlot(tx: AppointmentsDbOrTx, freed: AppointmentRow): Promise<void> {
  const slot = { doctorId: freed.doctorId, serviceId: freed.serviceId, startAt: freed.startAt.toISOString(), endAt: freed.endAt.toISOString(), timeZone: freed.timeZone };
  const freedPayload: SlotFreedV1 = { appointmentId: freed.id, ...slot };
  await writeEvent(tx, Topics.appointments.name, { type: 'slot.freed', key: freed.id, payload: freedPayload });
  const entry = await offerToFirstWaiting(tx, { doctorId: freed.doctorId, serviceId: freed.serviceId, start: freed.startAt, end: freed.endAt, exceptPatientId: freed.patientId });
  if (entry) {
    const offer: WaitlistOfferedV1 = { waitlistEntryId: entry.id, patientId: entry.patientId, ...slot };
    await writeEvent(tx, Topics.appointments.name, { type: 'waitlist.offered', key: entry.id, payload: offer });
  }
}
