import { notFound, requireViewer } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { maySeeAppointment } from '../domain/access.ts';

/** An appointment as its viewer may see it: the step every read and change of one starts with. */

export async function visibleAppointment(ctx: AppointmentsContext, id: string): Promise<AppointmentRow | null> {
  const row = await ctx.loaders.appointmentById.load(id);
  return row && maySeeAppointment(ctx.auth.viewer, row) ? row : null;
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
export const partyDetail = <T>(ctx: AppointmentsContext, appointment: AppointmentRow, value: T): T | null =>
  maySeeAppointment(ctx.auth.viewer, appointment) ? value : null;
