import { notFound, rejectProblems } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import { idProblems } from '../domain/ids.ts';
import { recordScheduleChange } from '../events/publishes-appointments.ts';
import { deleteTimeOff, findTimeOff } from '../repository/working-hours.ts';
import { requireHoursOf } from './doctor-hours-access.ts';

export async function removeTimeOff(ctx: AppointmentsContext, input: { id: string }): Promise<boolean> {
  rejectProblems(idProblems({ id: input.id }));
  const existing = await findTimeOff(ctx.db, input.id);
  if (!existing) throw notFound('Time off', input.id);
  await requireHoursOf(ctx, existing.doctorId);
  return ctx.db.transaction(async (tx) => {
    const removed = await deleteTimeOff(tx, input.id);
    if (removed) await recordScheduleChange(tx, { doctorId: removed.doctorId, change: 'time_off_removed', from: removed.startAt, to: removed.endAt });
    return removed !== null;
  });
}
