import { isIanaTimeZone, textProblem, wallMsOf, type Problem } from '@medappt/platform/domain';
import type { Availability, WeeklyRule } from './availability.ts';
import { bookableRange, timeOffSet } from './availability.ts';
import { DAY_MS, MINUTE_MS, WEEKDAY_NAMES, formatTimeOfDay, parseDate, parseTimeOfDay } from './calendar.ts';
import { compileRules, slotGridOfDay } from './slot-grid.ts';
import { instantToZonedWallTime } from './zoned-time.ts';

/**
 * Input checks for availability and booking starts. Pure: problems in words (fields relative to
 * the input checked, messages without the field's name), empty when fine.
 */

/** Working hours as set: an availability before any time off. */
export type WorkingHours = Omit<Availability, 'timeOff'>;

export const MAX_RULES = 100;
export const MAX_BUFFER_MINUTES = 24 * 60;
export const MAX_HORIZON_DAYS = 365;

interface CheckedRule {
  index: number;
  weekday: number;
  start: number;
  end: number;
  from: number;
  until: number;
}

function checkRule(rule: WeeklyRule, index: number, problems: Problem[]): CheckedRule | null {
  const at = (key: string) => `rules[${index}].${key}`;
  const before = problems.length;
  if (!Number.isInteger(rule.weekday) || rule.weekday < 1 || rule.weekday > 7) {
    problems.push({ field: at('weekday'), message: 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)' });
  }
  const start = parseTimeOfDay(rule.start);
  const end = parseTimeOfDay(rule.end, { endOfDay: true });
  if (start === null) problems.push({ field: at('start'), message: 'must be a time like 09:00 (HH:MM, 00:00-23:59)' });
  if (end === null) problems.push({ field: at('end'), message: 'must be a time like 17:30 (HH:MM, 00:00-24:00)' });
  if (start !== null && end !== null && end <= start) {
    problems.push({ field: at('end'), message: `must be after start (${rule.start}) on the same day` });
  }
  const from = rule.validFrom ? parseDate(rule.validFrom) : -Infinity;
  const until = rule.validUntil ? parseDate(rule.validUntil) : Infinity;
  if (from === null) problems.push({ field: at('validFrom'), message: 'must be a real date like 2026-04-01' });
  if (until === null) problems.push({ field: at('validUntil'), message: 'must be a real date like 2026-06-30' });
  if (from !== null && until !== null && until < from) {
    problems.push({ field: at('validUntil'), message: `must not be before validFrom (${rule.validFrom})` });
  }
  if (problems.length > before || start === null || end === null || from === null || until === null) return null;
  return { index, weekday: rule.weekday, start, end, from, until };
}

function wholeNumber(problems: Problem[], field: string, value: number, min: number, max: number, unit: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `${min} or more` : `from ${min} to ${max}`;
    problems.push({ field, message: `must be a whole number of ${unit}, ${range}` });
  }
}

export function validateAvailability(input: WorkingHours): Problem[] {
  const problems: Problem[] = [];
  const zoneText = textProblem(input.timeZone, 'code');
  if (zoneText) {
    problems.push({ field: 'timeZone', message: zoneText });
  } else if (!isIanaTimeZone(input.timeZone)) {
    problems.push({ field: 'timeZone', message: `must be an IANA time zone like Europe/Berlin, got "${input.timeZone}"` });
  }
  if (input.rules.length > MAX_RULES) {
    problems.push({ field: 'rules', message: `must have at most ${MAX_RULES} rules, got ${input.rules.length}` });
  } else {
    checkRules(input.rules, problems);
  }
  wholeNumber(problems, 'bufferBeforeMinutes', input.bufferBeforeMinutes, 0, MAX_BUFFER_MINUTES, 'minutes');
  wholeNumber(problems, 'bufferAfterMinutes', input.bufferAfterMinutes, 0, MAX_BUFFER_MINUTES, 'minutes');
  wholeNumber(problems, 'bookingHorizonDays', input.bookingHorizonDays, 1, MAX_HORIZON_DAYS, 'days');
  wholeNumber(problems, 'minimumNoticeMinutes', input.minimumNoticeMinutes, 0, Infinity, 'minutes');
  if (input.minimumNoticeMinutes >= input.bookingHorizonDays * 24 * 60 && !problems.some((p) => p.field === 'bookingHorizonDays')) {
    problems.push({
      field: 'minimumNoticeMinutes',
      message: `must be shorter than the booking horizon (${days(input.bookingHorizonDays)}), or nothing could ever be booked`,
    });
  }
  return problems;
}

// Pairwise, hence the cap on the number of rules.
function checkRules(rules: readonly WeeklyRule[], problems: Problem[]): void {
  const checked = rules.flatMap((rule, index) => checkRule(rule, index, problems) ?? []);
  for (const [i, later] of checked.entries()) {
    for (const earlier of checked.slice(0, i)) {
      const sameTime = later.weekday === earlier.weekday && later.start < earlier.end && earlier.start < later.end;
      if (sameTime && later.from <= earlier.until && earlier.from <= later.until) {
        const overlap = `${formatTimeOfDay(Math.max(later.start, earlier.start))}-${formatTimeOfDay(Math.min(later.end, earlier.end))}`;
        problems.push({ field: `rules[${later.index}]`, message: `overlaps rules[${earlier.index}] on ${WEEKDAY_NAMES[later.weekday - 1]} ${overlap}` });
        break;
      }
    }
  }
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

export function validateTimeOff(input: { start: Date; end: Date; reason?: string | null }): Problem[] {
  if (Number.isNaN(input.start.getTime())) return [{ field: 'start', message: 'must be a date-time' }];
  if (Number.isNaN(input.end.getTime())) return [{ field: 'end', message: 'must be a date-time' }];
  if (input.end <= input.start) return [{ field: 'end', message: 'must be after start' }];
  const reason = textProblem(input.reason, 'reason');
  return reason ? [{ field: 'reason', message: reason }] : [];
}

/** Why a requested start cannot be booked (a taken slot is not among them: that is SLOT_UNAVAILABLE). */
export type UnbookableStart =
  | { reason: 'IN_THE_PAST' }
  | { reason: 'WITHIN_MINIMUM_NOTICE'; earliest: Date }
  | { reason: 'BEYOND_HORIZON'; latest: Date }
  | { reason: 'OUTSIDE_WORKING_HOURS' }
  | { reason: 'NOT_ON_SLOT_BOUNDARY'; previous: Date | null; next: Date | null }
  | { reason: 'IN_TIME_OFF' };

export type UnbookableStartProblem = UnbookableStart & Problem & { field: 'start' };

export interface BookableStartInput {
  start: Date;
  availability: Availability;
  slotMinutes: number;
  now: Date;
}

function localDayOf(availability: Availability, instant: number): number {
  return Math.floor(wallMsOf(availability.timeZone, instant) / DAY_MS);
}

function gridOfStartDay(availability: Availability, start: number, slotMinutes: number) {
  return slotGridOfDay(availability.timeZone, compileRules(availability.rules), localDayOf(availability, start), slotMinutes);
}

/** Is `start` one of the grid starts expandSlots produces (ignoring notice, horizon, time off and bookings)? */
export function isOnSlotBoundary(start: Date, availability: Availability, slotMinutes: number): boolean {
  return gridOfStartDay(availability, start.getTime(), slotMinutes).starts.includes(start.getTime());
}

/** Null when `start` is a slot expandSlots could offer, before looking at other bookings. */
export function explainUnbookableStart(input: BookableStartInput): UnbookableStartProblem | null {
  const unbookable = findUnbookable(input);
  return unbookable && { ...unbookable, field: 'start', message: describe(unbookable, input) };
}

function findUnbookable({ start, availability, slotMinutes, now }: BookableStartInput): UnbookableStart | null {
  const at = start.getTime();
  const { earliest, latest } = bookableRange(availability, now);
  if (at < now.getTime()) return { reason: 'IN_THE_PAST' };
  if (at < earliest) return { reason: 'WITHIN_MINIMUM_NOTICE', earliest: new Date(earliest) };
  if (at >= latest) return { reason: 'BEYOND_HORIZON', latest: new Date(latest) };

  const grid = gridOfStartDay(availability, at, slotMinutes);
  const timeOff = timeOffSet(availability);
  const slotMs = slotMinutes * MINUTE_MS;
  if (grid.starts.includes(at)) return timeOff.overlaps(at, at + slotMs) ? { reason: 'IN_TIME_OFF' } : null;
  if (!grid.intervals.some(([from, to]) => from <= at && at + slotMs <= to)) return { reason: 'OUTSIDE_WORKING_HOURS' };

  const offered = grid.starts.filter((s) => s >= earliest && s < latest && !timeOff.overlaps(s, s + slotMs)).sort((a, b) => a - b);
  const previous = offered.filter((s) => s < at).at(-1);
  const next = offered.find((s) => s > at);
  return { reason: 'NOT_ON_SLOT_BOUNDARY', previous: previous === undefined ? null : new Date(previous), next: next === undefined ? null : new Date(next) };
}

function describe(unbookable: UnbookableStart, { start, availability, slotMinutes }: BookableStartInput): string {
  const zone = availability.timeZone;
  const local = (instant: Date) => {
    const wall = instantToZonedWallTime(instant, zone);
    return `${wall.date} ${wall.time}`;
  };
  // The client reads this after the field's name: `input.start: (2026-06-01 09:10 Europe/Berlin) is ...`.
  const requested = `(${local(start)} ${zone})`;
  switch (unbookable.reason) {
    case 'IN_THE_PAST':
      return `${requested} is in the past; choose a future slot`;
    case 'WITHIN_MINIMUM_NOTICE':
      return `${requested} is less than ${availability.minimumNoticeMinutes} minutes from now; the earliest bookable time is ${local(unbookable.earliest)}`;
    case 'BEYOND_HORIZON':
      return `${requested} is more than ${days(availability.bookingHorizonDays)} ahead; book before ${local(unbookable.latest)}`;
    case 'OUTSIDE_WORKING_HOURS':
      return `${requested} is outside the doctor's working hours for a ${slotMinutes}-minute appointment; pick one of the free slots`;
    case 'IN_TIME_OFF':
      return `${requested} falls in the doctor's time off; pick another slot`;
    case 'NOT_ON_SLOT_BOUNDARY': {
      const nearest = [unbookable.previous, unbookable.next].flatMap((d) => (d ? [local(d).slice(11)] : []));
      const hint =
        nearest.length > 0
          ? `the nearest start ${nearest.length > 1 ? 'times' : 'time'} that day ${nearest.length > 1 ? 'are' : 'is'} ${nearest.join(' and ')}`
          : 'no slot is left that day';
      return `${requested} is not on the ${slotMinutes}-minute slot grid; ${hint}`;
    }
  }
}
