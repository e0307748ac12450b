import { badUserInput, forbidden, notFound, rejectProblems, requireViewer } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import type { WaitlistRow } from '../db/schema.ts';
import { idProblems } from '../domain/ids.ts';
import { MAX_WAITLIST_DAYS, windowProblems } from '../domain/time-windows.ts';
import type { WaitlistInput } from '../generated/resolvers-types.ts';
import { findDoctor } from '../repository/catalogue.ts';
import { insertWaitlistEntry } from '../repository/waitlist.ts';
import { requirePatientAccount } from './require-patient-account.ts';
import { activeService } from './slot-search.ts';

/** A patient waits for a time in a window, with one doctor or any doctor offering the service; joining the same wait again returns the entry they have. */
export async function joinWaitlist(ctx: AppointmentsContext, input: WaitlistInput): Promise<WaitlistRow> {
  const viewer = requireViewer(ctx.auth);
  rejectProblems(idProblems({ serviceId: input.serviceId, doctorId: input.doctorId, patientId: input.patientId }), 'input');
  if (viewer.role !== 'PATIENT' && viewer.role !== 'STAFF') throw forbidden('Only patients and clinic staff use the waitlist.');
  const patientId = viewer.role === 'PATIENT' ? viewer.userId : input.patientId;
  if (!patientId) throw badUserInput('input.patientId', 'is required when staff add a patient to the waitlist');
  if (viewer.role === 'PATIENT' && input.patientId && input.patientId !== viewer.userId) throw forbidden('Patients join the waitlist for themselves only.');
  // As in booking: an id staff type in must be a patient's account, or a freed time is offered to nobody (or to a doctor).
  if (viewer.role === 'STAFF') await requirePatientAccount(ctx.db, patientId, 'input.patientId');
  rejectProblems(windowProblems(input, { maxDays: MAX_WAITLIST_DAYS, endsAfter: ctx.now() }), 'input');
  const service = await activeService(ctx.db, input.serviceId);
  if (input.doctorId) {
    const doctor = await findDoctor(ctx.db, input.doctorId);
    if (!doctor || !doctor.active) throw notFound('Doctor', input.doctorId);
    if (!doctor.serviceIds.includes(service.id)) throw badUserInput('input.serviceId', `${doctor.name} does not offer ${service.name}`);
  }
  return insertWaitlistEntry(ctx.db, { patientId, serviceId: service.id, doctorId: input.doctorId ?? null, windowStart: input.from, windowEnd: input.to });
}
