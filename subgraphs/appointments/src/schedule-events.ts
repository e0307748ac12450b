import { Topics, writeEvent, type ScheduleChangedV1 } from '@medappt/platform';
import type { AppointmentsDbOrTx } from './repository/db.ts';

/**
 * Working hours or time off changed: an outbox event in the caller's transaction, keyed by the
 * doctor so the doctor's schedule changes stay in order. Live slot views follow it.
 */
export async function recordScheduleChange(tx: AppointmentsDbOrTx, change: { doctorId: string; change: 'working_hours' | 'time_off_added' | 'time_off_removed'; from: Date | null; to: Date | null }): Promise<void> {
  const payload: ScheduleChangedV1 = { doctorId: change.doctorId, change: change.change, from: change.from?.toISOString() ?? null, to: change.to?.toISOString() ?? null };
  await writeEvent(tx, Topics.appointments.name, { type: 'schedule.changed', key: change.doctorId, payload });
}
