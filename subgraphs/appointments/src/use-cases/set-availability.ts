import { rejectProblems } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import type { AvailabilityRow } from '../db/schema.ts';
import { validateAvailability } from '../domain/validation.ts';
import { recordScheduleChange } from '../events/publishes-appointments.ts';
import type { AvailabilityInput } from '../generated/resolvers-types.ts';
import { saveAvailability } from '../repository/working-hours.ts';
import { requireHoursOf } from './doctor-hours-access.ts';

export async function setAvailability(ctx: AppointmentsContext, input: AvailabilityInput): Promise<AvailabilityRow> {
  await requireHoursOf(ctx, input.doctorId);
  const hours = {
    timeZone: input.timeZone,
    rules: input.rules.map((r) => ({ weekday: r.weekday, start: r.start, end: r.end, validFrom: r.validFrom ?? null, validUntil: r.validUntil ?? null })),
    bufferBeforeMinutes: input.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: input.bufferAfterMinutes ?? 0,
    minimumNoticeMinutes: input.minimumNoticeMinutes ?? 60,
    bookingHorizonDays: input.bookingHorizonDays ?? 90,
  };
  rejectProblems(validateAvailability(hours), 'input');
  return ctx.db.transaction(async (tx) => {
    const saved = await saveAvailability(tx, { doctorId: input.doctorId, ...hours });
    // Weekly rules (and buffers, notice) can change any day: the window is open.
    await recordScheduleChange(tx, { doctorId: input.doctorId, change: 'working_hours', from: null, to: null });
    return saved;
  });
}
