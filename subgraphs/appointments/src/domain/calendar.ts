/**
 * Calendar dates and times of day as plain numbers, so slot arithmetic never goes through
 * Date objects: a date is a day number (days since 1970-01-01), a time of day is minutes since
 * midnight.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a real calendar date "YYYY-MM-DD", or null (2026-02-30 is not one). */
export function parseDate(value: string): number | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

export function formatDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Minutes since midnight of "HH:MM" (00:00-23:59), or null. With `endOfDay`, "24:00" is also
 * accepted (1440), so an interval can run until midnight without spilling into the next day.
 */
export function parseTimeOfDay(value: string, options?: { endOfDay?: boolean }): number | null {
  if (value.length !== 5 || value.charCodeAt(2) !== COLON) return null;
  if (options?.endOfDay && value === '24:00') return MINUTES_PER_DAY;
  // By character codes, not a regular expression: every slot search compiles every doctor's rules.
  const h1 = digitAt(value, 0);
  const h2 = digitAt(value, 1);
  const m1 = digitAt(value, 3);
  const m2 = digitAt(value, 4);
  if (h1 < 0 || h2 < 0 || m1 < 0 || m1 > 5 || m2 < 0) return null;
  const hours = h1 * 10 + h2;
  return hours <= 23 ? hours * 60 + m1 * 10 + m2 : null;
}

const COLON = 58;

/** The decimal digit at `index`, or -1. */
function digitAt(value: string, index: number): number {
  const code = value.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

export function formatTimeOfDay(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** ISO weekday (Monday = 1 ... Sunday = 7) of a day number; day 0 was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
