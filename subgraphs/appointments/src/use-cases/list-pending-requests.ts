import { forbidden, requireViewer } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { doctorScheduleRefusal } from '../domain/access.ts';
import { pendingRequestsOf } from '../repository/appointments.ts';

/** `Doctor.pendingRequests`: requests waiting for the doctor's decision, oldest first. */
export async function listPendingRequests(ctx: AppointmentsContext, input: { doctorId: string }): Promise<AppointmentRow[]> {
  const refusal = doctorScheduleRefusal(requireViewer(ctx.auth), input.doctorId);
  if (refusal) throw forbidden(refusal);
  return pendingRequestsOf(ctx.db, input.doctorId);
}
