import { badUserInput, checkOptionalText, forbidden, notFound, requireViewer, type Viewer } from '@medappt/platform';
import type { AppointmentsContext } from './context.ts';
import type { AvailabilityRow, TimeOffRow } from './db/schema.ts';
import { validateAvailability, validateTimeOff, type FieldProblem } from './domain/validation.ts';
import { deleteTimeOff, findTimeOff, insertTimeOff, saveAvailability } from './repository/availability.ts';
import { findDoctor } from './repository/catalogue.ts';
import { checkId } from './ids.ts';
import { recordScheduleChange } from './schedule-events.ts';

/** A doctor manages their own hours (and sees why they are away); staff anyone's. */
export function managesHoursOf(viewer: Viewer | null, doctorId: string): boolean {
  return viewer?.role === 'STAFF' || (viewer?.role === 'DOCTOR' && viewer.userId === doctorId);
}

async function requireHoursOf(ctx: AppointmentsContext, doctorId: string, field = 'input.doctorId'): Promise<Viewer> {
  const viewer = requireViewer(ctx.auth);
  checkId(field, doctorId);
  if (!managesHoursOf(viewer, doctorId)) {
    throw forbidden('Only the doctor and clinic staff may change these working hours.');
  }
  if (!(await findDoctor(ctx.db, doctorId))) throw notFound('Doctor', doctorId);
  return viewer;
}

function throwFirst(problems: FieldProblem[]): void {
  const first = problems[0];
  if (first) throw badUserInput(`input.${first.field}`, first.message);
}

export interface AvailabilityInput {
  doctorId: string;
  timeZone: string;
  rules: readonly { weekday: number; start: string; end: string; validFrom?: string | null; validUntil?: string | null }[];
  bufferBeforeMinutes?: number | null;
  bufferAfterMinutes?: number | null;
  minimumNoticeMinutes?: number | null;
  bookingHorizonDays?: number | null;
}

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
  throwFirst(validateAvailability(hours));
  return ctx.db.transaction(async (tx) => {
    const saved = await saveAvailability(tx, { doctorId: input.doctorId, ...hours });
    // Weekly rules (and buffers, notice) can change any day: the window is open.
    await recordScheduleChange(tx, { doctorId: input.doctorId, change: 'working_hours', from: null, to: null });
    return saved;
  });
}

export async function addTimeOff(ctx: AppointmentsContext, input: { doctorId: string; start: Date; end: Date; reason?: string | null }): Promise<TimeOffRow> {
  const viewer = await requireHoursOf(ctx, input.doctorId);
  throwFirst(validateTimeOff(input));
  const reason = checkOptionalText('input.reason', input.reason, 'reason');
  return ctx.db.transaction(async (tx) => {
    const saved = await insertTimeOff(tx, { doctorId: input.doctorId, startAt: input.start, endAt: input.end, reason, createdBy: viewer.userId });
    await recordScheduleChange(tx, { doctorId: saved.doctorId, change: 'time_off_added', from: saved.startAt, to: saved.endAt });
    return saved;
  });
}

export async function removeTimeOff(ctx: AppointmentsContext, id: string): Promise<boolean> {
  checkId('id', id);
  const existing = await findTimeOff(ctx.db, id);
  if (!existing) throw notFound('Time off', id);
  await requireHoursOf(ctx, existing.doctorId);
  return ctx.db.transaction(async (tx) => {
    const removed = await deleteTimeOff(tx, id);
    if (removed) await recordScheduleChange(tx, { doctorId: removed.doctorId, change: 'time_off_removed', from: removed.startAt, to: removed.endAt });
    return removed !== null;
  });
}
