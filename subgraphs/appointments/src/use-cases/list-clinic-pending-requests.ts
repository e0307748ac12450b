import { forbidden, requireViewer } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { clinicScheduleRefusal } from '../domain/access.ts';

/** `Clinic.pendingRequests`: requests waiting across the clinic's doctors, earliest start first. */
export async function listClinicPendingRequests(ctx: AppointmentsContext, input: { clinicId: string }): Promise<AppointmentRow[]> {
  const refusal = clinicScheduleRefusal(requireViewer(ctx.auth));
  if (refusal) throw forbidden(refusal);
  return ctx.loaders.pendingOfClinic.load(input.clinicId);
}
