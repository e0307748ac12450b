import { forbidden, rejectProblems, requireViewer } from '@medappt/platform';
import { clinicRangeKey, type AppointmentsContext } from '../context.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { clinicScheduleRefusal } from '../domain/access.ts';
import { MAX_SCHEDULE_DAYS, windowProblems } from '../domain/time-windows.ts';
import type { ClinicScheduleArgs } from '../generated/resolvers-types.ts';

/** `Clinic.schedule`: every appointment of the clinic's doctors in a window (one query per batch of clinics). */
export async function listClinicSchedule(ctx: AppointmentsContext, input: ClinicScheduleArgs & { clinicId: string }): Promise<AppointmentRow[]> {
  const refusal = clinicScheduleRefusal(requireViewer(ctx.auth));
  if (refusal) throw forbidden(refusal);
  rejectProblems(windowProblems(input, { maxDays: MAX_SCHEDULE_DAYS }));
  return ctx.loaders.scheduleOfClinic.load(clinicRangeKey(input.clinicId, input.from, input.to));
}
