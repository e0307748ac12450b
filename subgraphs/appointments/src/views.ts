import { badUserInput, forbidden, notFound, requireViewer } from '@medappt/platform';
import { clinicRangeKey, type AppointmentsContext } from './context.ts';
import type { AppointmentRow } from './db/schema.ts';
import { DAY_MS } from './domain/calendar.ts';
import { listAppointments, pendingRequestsOf } from './repository/appointments.ts';

/** The appointment's patient, its doctor, and staff see it; to anyone else it does not exist. */
export function maySee(ctx: AppointmentsContext, appointment: AppointmentRow): boolean {
  const viewer = ctx.auth.viewer;
  if (!viewer) return false;
  return viewer.role === 'STAFF' || viewer.userId === appointment.patientId || viewer.userId === appointment.doctorId;
}

export async function visibleAppointment(ctx: AppointmentsContext, id: string): Promise<AppointmentRow | null> {
  const row = await ctx.loaders.appointmentById.load(id);
  return row && maySee(ctx, row) ? row : null;
}

/**
 * The first check of every change to an appointment: one the caller may not see is answered
 * exactly like an id that does not exist, before any other argument, rule or lookup can tell
 * them apart (the doctor's name in a validation message was such an oracle).
 */
export async function requireVisibleAppointment(ctx: AppointmentsContext, id: string): Promise<AppointmentRow> {
  requireViewer(ctx.auth);
  const row = await visibleAppointment(ctx, id);
  if (!row) throw notFound('Appointment', id);
  return row;
}

/**
 * ADMIN sees a doctor's schedule (times, statuses, services) to run the clinic's accounts, not
 * who comes or why: the visit's reason, its patient and its history are for the parties only.
 */
export const partyDetail = <T>(ctx: AppointmentsContext, appointment: AppointmentRow, value: T): T | null => (maySee(ctx, appointment) ? value : null);

function requireDoctorOrStaff(ctx: AppointmentsContext, doctorId: string): void {
  const viewer = requireViewer(ctx.auth);
  if (viewer.role === 'STAFF' || viewer.role === 'ADMIN' || viewer.userId === doctorId) return;
  throw forbidden("Only the doctor and clinic staff see a doctor's schedule.");
}

function checkScheduleRange(from: Date, to: Date): void {
  if (to <= from) throw badUserInput('to', 'must be after from');
  if (to.getTime() - from.getTime() > 62 * DAY_MS) throw badUserInput('to', 'must be at most 62 days after from');
}

export async function scheduleOf(ctx: AppointmentsContext, doctorId: string, from: Date, to: Date): Promise<AppointmentRow[]> {
  requireDoctorOrStaff(ctx, doctorId);
  checkScheduleRange(from, to);
  return listAppointments(ctx.db, { doctorId, from, to });
}

/** The front desk runs the whole clinic; a doctor has their own schedule, an admin runs accounts, not the calendar. */
function requireStaff(ctx: AppointmentsContext): void {
  if (requireViewer(ctx.auth).role !== 'STAFF') throw forbidden("Only clinic staff see a clinic's schedule and pending requests.");
}

export async function clinicScheduleOf(ctx: AppointmentsContext, clinicId: string, from: Date, to: Date): Promise<AppointmentRow[]> {
  requireStaff(ctx);
  checkScheduleRange(from, to);
  return ctx.loaders.scheduleOfClinic.load(clinicRangeKey(clinicId, from, to));
}

export async function clinicPendingRequests(ctx: AppointmentsContext, clinicId: string): Promise<AppointmentRow[]> {
  requireStaff(ctx);
  return ctx.loaders.pendingOfClinic.load(clinicId);
}

export async function pendingRequests(ctx: AppointmentsContext, doctorId: string): Promise<AppointmentRow[]> {
  requireDoctorOrStaff(ctx, doctorId);
  return pendingRequestsOf(ctx.db, doctorId);
}

export async function appointmentsOfPatient(
  ctx: AppointmentsContext,
  patientId: string,
  filter: { statuses?: readonly AppointmentRow['status'][] | null; from?: Date | null; to?: Date | null },
): Promise<AppointmentRow[]> {
  const viewer = requireViewer(ctx.auth);
  if (viewer.role !== 'STAFF' && viewer.userId !== patientId) throw forbidden("Only the patient and clinic staff see a patient's appointments.");
  return listAppointments(ctx.db, { patientId, statuses: filter.statuses ?? null, from: filter.from ?? null, to: filter.to ?? null });
}
