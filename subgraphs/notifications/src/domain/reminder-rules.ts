import { problem, type Problem } from '@medappt/platform/domain';
import { Channels, type Channel } from './notification-types.ts';
import { channelsFor, type ChannelPreferences } from './preference-rules.ts';
import { MINUTE_MS } from './zoned-time.ts';

/** Reminders before a visit: when they are due, and which overdue ones are still worth sending. */

export const DEFAULT_REMINDER_OFFSETS_MINUTES = [1440, 60] as const;

export const MAX_REMINDER_OFFSETS = 6;
export const MIN_REMINDER_OFFSET_MINUTES = 5;
export const MAX_REMINDER_OFFSET_MINUTES = 14 * 24 * 60;

/** One reminder per offset still ahead of `now` (a visit booked for tomorrow gets no 3-day reminder), earliest first. */
export function reminderSchedule(startAt: Date, offsetsMinutes: readonly number[], now: Date): { offsetMinutes: number; dueAt: Date }[] {
  return [...new Set(offsetsMinutes)]
    .map((offsetMinutes) => ({ offsetMinutes, dueAt: new Date(startAt.getTime() - offsetMinutes * MINUTE_MS) }))
    .filter((reminder) => reminder.dueAt > now)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

export interface DueReminder {
  id: string;
  appointmentId: string;
  offsetMinutes: number;
  dueAt: Date;
  startAt: Date;
  /**
   * The smallest offset of all this appointment's reminders still PENDING and due by `now`, those
   * outside the batch included (claimed by another worker, or past this worker's batch limit).
   * Absent: only the batch is known.
   */
  nearestDueOffsetMinutes?: number | null;
}

export interface ReminderTriage {
  send: DueReminder[];
  drop: { reminder: DueReminder; reason: string }[];
}

/**
 * Which due reminders (dueAt <= now) to send, e.g. after the service was down for a while:
 * - drop it when the visit has started (now >= startAt): 'visit already started';
 * - of one appointment's due reminders only the one closest to the visit (smallest offset) is
 *   sent; the others are dropped as 'superseded by the <n>-minute reminder' (a repeat of the
 *   same offset as 'duplicate of reminder <id>'), so nobody gets "tomorrow" and "in an hour"
 *   at once. That holds across batches and workers: when `nearestDueOffsetMinutes` says a
 *   nearer due reminder is outside this batch, every reminder of the appointment in the batch
 *   is dropped as superseded by it (whoever claims it sends it);
 * - everything else is sent, however late: the message names the date and time, so a late
 *   reminder cannot mislead, and a reminder that comes late is better than none. Lateness is
 *   therefore deliberately not a criterion.
 * Reminders not due yet (dueAt > now) are in neither list: they are left for later.
 */
export function triageDueReminders(due: readonly DueReminder[], now: Date): ReminderTriage {
  const result: ReminderTriage = { send: [], drop: [] };
  const nearest = new Map<string, DueReminder>();
  for (const reminder of due) {
    if (reminder.dueAt > now || now >= reminder.startAt) continue;
    const kept = nearest.get(reminder.appointmentId);
    if (!kept || reminder.offsetMinutes < kept.offsetMinutes) nearest.set(reminder.appointmentId, reminder);
  }
  // The nearest due reminder of an appointment may be outside this batch: then it, not one of ours, is sent.
  const nearestElsewhere = new Map<string, number>();
  for (const reminder of due) {
    const kept = nearest.get(reminder.appointmentId);
    const outside = reminder.nearestDueOffsetMinutes;
    if (kept && outside != null && outside < kept.offsetMinutes) {
      nearestElsewhere.set(reminder.appointmentId, Math.min(outside, nearestElsewhere.get(reminder.appointmentId) ?? outside));
    }
  }
  for (const reminder of due) {
    if (reminder.dueAt > now) continue;
    const kept = nearest.get(reminder.appointmentId);
    const elsewhere = nearestElsewhere.get(reminder.appointmentId);
    if (now >= reminder.startAt) result.drop.push({ reminder, reason: 'visit already started' });
    else if (elsewhere !== undefined) result.drop.push({ reminder, reason: `superseded by the ${elsewhere}-minute reminder` });
    else if (kept === reminder) result.send.push(reminder);
    else if (kept && kept.offsetMinutes === reminder.offsetMinutes) result.drop.push({ reminder, reason: `duplicate of reminder ${kept.id}` });
    else if (kept) result.drop.push({ reminder, reason: `superseded by the ${kept.offsetMinutes}-minute reminder` });
  }
  result.send.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return result;
}

/**
 * A clinic's reminder offsets, largest (earliest reminder) first, and what is wrong with them:
 * fields relative to the list (`[2]`, or an empty field for the list itself). A repeat names the
 * entry it repeats as clients know the list: `offsetsMinutes[0]`.
 */
export function validateReminderOffsets(offsets: readonly number[]): { offsets: number[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (offsets.length > MAX_REMINDER_OFFSETS) problems.push(problem('', `must have at most ${MAX_REMINDER_OFFSETS} entries, got ${offsets.length}`));
  offsets.forEach((offset, index) => {
    if (!Number.isInteger(offset) || offset < MIN_REMINDER_OFFSET_MINUTES || offset > MAX_REMINDER_OFFSET_MINUTES) {
      problems.push(
        problem(
          `[${index}]`,
          `must be a whole number of minutes from ${MIN_REMINDER_OFFSET_MINUTES} to ${MAX_REMINDER_OFFSET_MINUTES} (14 days), got ${offset}`,
        ),
      );
      return;
    }
    const first = offsets.indexOf(offset);
    if (first < index) problems.push(problem(`[${index}]`, `must not repeat ${offset} (already offsetsMinutes[${first}])`));
  });
  return { offsets: [...offsets].sort((a, b) => b - a), problems };
}

/** When a clinic's patients are reminded: its own offsets, or the service default. */
export interface EffectiveReminderPolicy {
  clinicId: string;
  offsetsMinutes: number[];
  isDefault: boolean;
}

export function effectiveReminderPolicy(clinicId: string, own: readonly number[] | null, defaults: readonly number[]): EffectiveReminderPolicy {
  return own ? { clinicId, offsetsMinutes: [...own], isDefault: false } : { clinicId, offsetsMinutes: [...defaults], isDefault: true };
}

/** How a reminder reads in the API: PENDING rows are what is planned. */
export type ReminderState = 'PLANNED' | 'SENT' | 'DROPPED';

export interface ReminderView {
  dueAt: Date;
  offsetMinutes: number;
  status: ReminderState;
  channels: Channel[];
  /** Why it was dropped, or that it went out late. */
  note: string | null;
}

/**
 * What one reminder row means to the people of the visit. A sent reminder lists the channels its
 * notification actually went to; a planned one the channels the patient's preferences choose now
 * (they are read again when it is sent, so a change before then counts); a dropped one none.
 */
export function reminderView(
  row: { status: string; dueAt: Date; offsetMinutes: number; note: string | null; sentChannels: readonly string[] | null },
  patient: { prefs: ChannelPreferences; hasEmailAddress: boolean },
): ReminderView {
  const base = { dueAt: row.dueAt, offsetMinutes: row.offsetMinutes, note: row.note };
  if (row.status === 'SENT') return { ...base, status: 'SENT', channels: Channels.filter((c) => row.sentChannels?.includes(c)) };
  if (row.status === 'DROPPED') return { ...base, status: 'DROPPED', channels: [] };
  return { ...base, status: 'PLANNED', channels: channelsFor('APPOINTMENT_REMINDER', patient.prefs, patient.hasEmailAddress) };
}

/** The patient and the doctor of the visit, and staff, see its reminders; everyone else an empty list (as with Appointment.history). */
export function mayReadReminders(viewer: { userId: string; role: string } | null, appointment: { patientId: string; doctorId: string }): boolean {
  if (!viewer) return false;
  return viewer.role === 'STAFF' || viewer.userId === appointment.patientId || viewer.userId === appointment.doctorId;
}
