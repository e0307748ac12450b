import { forbidden, requireViewer } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { patientRecordsRefusal } from '../domain/access.ts';
import type { PatientAppointmentsArgs } from '../generated/resolvers-types.ts';
import { listAppointments } from '../repository/appointments.ts';

/** `Patient.appointments`, filtered by status and window. */
export async function listPatientAppointments(ctx: AppointmentsContext, input: PatientAppointmentsArgs & { patientId: string }): Promise<AppointmentRow[]> {
  const refusal = patientRecordsRefusal(requireViewer(ctx.auth), input.patientId, 'appointments');
  if (refusal) throw forbidden(refusal);
  return listAppointments(ctx.db, { patientId: input.patientId, statuses: input.status ?? null, from: input.from ?? null, to: input.to ?? null });
}
