import { forbidden, rejectProblems, requireViewer } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { doctorScheduleRefusal } from '../domain/access.ts';
import { MAX_SCHEDULE_DAYS, windowProblems } from '../domain/time-windows.ts';
import type { DoctorScheduleArgs } from '../generated/resolvers-types.ts';
import { listAppointments } from '../repository/appointments.ts';

/** `Doctor.schedule`: the doctor's appointments in a window. */
export async function listDoctorSchedule(ctx: AppointmentsContext, input: DoctorScheduleArgs & { doctorId: string }): Promise<AppointmentRow[]> {
  const refusal = doctorScheduleRefusal(requireViewer(ctx.auth), input.doctorId);
  if (refusal) throw forbidden(refusal);
  rejectProblems(windowProblems(input, { maxDays: MAX_SCHEDULE_DAYS }));
  return listAppointments(ctx.db, { doctorId: input.doctorId, from: input.from, to: input.to });
}
