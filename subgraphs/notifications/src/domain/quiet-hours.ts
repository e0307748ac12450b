import { problem, textProblem, type Problem } from '@medappt/platform/domain';
import { DAY_MS, MINUTE_MS, firstInstantReading, isIanaTimeZone, wallMsOf } from './zoned-time.ts';

/**
 * Quiet hours: a daily wall-clock window [start, end) in the recipient's zone during which
 * messages wait instead of going out.
 *
 * - start > end runs overnight (22:00-07:00 ends the next morning). start == end is rejected:
 *   it could mean "never" or "always", and neither is worth a setting.
 * - The window follows the wall clock, so on a DST night it is an hour shorter or longer.
 * - A message waits until the next instant the clock reads `end`. When spring-forward skips
 *   `end`, it waits until the jump (the first instant after the gap). When fall-back repeats the
 *   hour, the first reading of `end` ends the window; a message arriving during the repeated
 *   hour finds the clock inside the window again and waits for the second reading.
 */

export interface QuietHours {
  /** Wall-clock "HH:MM" in timeZone. */
  start: string;
  end: string;
  timeZone: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minuteOfDay(value: string): number | null {
  const match = TIME.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function deliverAt(now: Date, quiet: QuietHours | null): Date {
  if (!quiet) return now;
  const start = minuteOfDay(quiet.start);
  const end = minuteOfDay(quiet.end);
  // Quiet hours are validated when they are set; malformed ones here are a bug upstream.
  if (start === null || end === null || start === end) throw new RangeError(`not valid quiet hours: ${JSON.stringify(quiet)}`);

  const wall = wallMsOf(quiet.timeZone, now.getTime());
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  const sinceMidnight = wall - midnight;
  const [startMs, endMs] = [start * MINUTE_MS, end * MINUTE_MS];
  const inside = start < end ? sinceMidnight >= startMs && sinceMidnight < endMs : sinceMidnight >= startMs || sinceMidnight < endMs;
  if (!inside) return now;

  const endWall = midnight + endMs + (endMs <= sinceMidnight ? DAY_MS : 0);
  return new Date(firstInstantReading(quiet.timeZone, endWall, now.getTime()));
}

/**
 * What is wrong with quiet hours as given, fields relative to them (`end`); none: they can be
 * stored as they are. Text rules come first, as they are what a form shows first.
 */
export function validateQuietHours(input: { start: string; end: string; timeZone: string }): Problem[] {
  const { start, end, timeZone } = input;
  const problems: Problem[] = [];
  for (const key of ['start', 'end', 'timeZone'] as const) {
    const message = textProblem(input[key], 'code');
    if (message) problems.push(problem(key, message));
  }
  // One problem per field: the first rule it breaks.
  const broken = new Set(problems.map((p) => p.field));
  const rule = (field: keyof typeof input, breaks: () => boolean, message: string): void => {
    if (broken.has(field) || !breaks()) return;
    problems.push(problem(field, message));
    broken.add(field);
  };
  rule('start', () => minuteOfDay(start) === null, `must be a time like 22:00 (HH:MM, 00:00-23:59), got "${start}"`);
  rule('end', () => minuteOfDay(end) === null, `must be a time like 07:00 (HH:MM, 00:00-23:59), got "${end}"`);
  rule('end', () => start === end, `must differ from start (${start}); for overnight quiet hours give an earlier end, like 22:00-07:00`);
  rule('timeZone', () => !isIanaTimeZone(timeZone), `must be an IANA time zone like Europe/Berlin, got "${timeZone}"`);
  return problems;
}
