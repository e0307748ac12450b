import { checkOptionalText, rejectProblems } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import type { TimeOffRow } from '../db/schema.ts';
import { validateTimeOff } from '../domain/validation.ts';
import { recordScheduleChange } from '../events/publishes-appointments.ts';
import type { TimeOffInput } from '../generated/resolvers-types.ts';
import { insertTimeOff } from '../repository/working-hours.ts';
import { requireHoursOf } from './doctor-hours-access.ts';

export async function addTimeOff(ctx: AppointmentsContext, input: TimeOffInput): Promise<TimeOffRow> {
  const viewer = await requireHoursOf(ctx, input.doctorId);
  rejectProblems(validateTimeOff(input), 'input');
  const reason = checkOptionalText('input.reason', input.reason, 'reason');
  return ctx.db.transaction(async (tx) => {
    const saved = await insertTimeOff(tx, { doctorId: input.doctorId, startAt: input.start, endAt: input.end, reason, createdBy: viewer.userId });
    await recordScheduleChange(tx, { doctorId: saved.doctorId, change: 'time_off_added', from: saved.startAt, to: saved.endAt });
    return saved;
  });
}
