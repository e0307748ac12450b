import { rejectProblems } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { idProblems } from '../domain/ids.ts';
import { visibleAppointment } from './visible-appointments.ts';

/** `appointment(id)`: null for an id nobody may show this viewer, as for one that does not exist. */
export async function getAppointment(ctx: AppointmentsContext, input: { id: string }): Promise<AppointmentRow | null> {
  rejectProblems(idProblems({ id: input.id }));
  return visibleAppointment(ctx, input.id);
}
