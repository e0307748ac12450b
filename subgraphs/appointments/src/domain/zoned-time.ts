import { DAY_MS, MINUTE_MS, formatDate, formatTimeOfDay, isoWeekday, parseDate, parseTimeOfDay } from './calendar.ts';

/**
 * Wall-clock time in an IANA time zone <-> UTC instants, with Intl alone (Node 20 has no
 * Temporal). A "wall" value below is the wall-clock reading written as if it were UTC
 * milliseconds, so that local dates and times are plain arithmetic.
 *
 * DST rules that slot expansion, booking checks and their tests rely on:
 * - A wall time that does not exist (the spring-forward gap: 02:30 on 2026-03-29 in
 *   Europe/Berlin) has no instant. `zonedWallTimeToInstant` returns null and a slot starting
 *   there is skipped, never shifted to 03:30.
 * - An ambiguous wall time (the fall-back overlap: 02:30 on 2026-10-25 in Europe/Berlin happens
 *   twice) means its FIRST occurrence, the earlier instant (pre-transition offset). So each
 *   wall-clock slot yields exactly one instant.
 * - A 09:00 slot stays 09:00 local across DST changes; its UTC instant moves by the shift.
 * - As the END of a working interval, a wall time inside the gap means the transition instant,
 *   the moment the clock jumps past it (`wallTimeBoundMs`).
 */

export type WallTimeResolution =
  | { kind: 'unique'; instant: Date }
  | { kind: 'ambiguous'; earlier: Date; later: Date }
  | { kind: 'skipped'; transition: Date };

const formatters = new Map<string, Intl.DateTimeFormat>();

// One formatter per zone: constructing Intl.DateTimeFormat costs far more than formatting.
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

// Area/Location names (and UTC) only: Intl also accepts legacy abbreviations such as "EST",
// which is a fixed offset without DST and would silently shift a New York doctor's summer hours.
const IANA_NAME = /^(UTC|[A-Z][A-Za-z_-]*(\/[A-Za-z0-9_+-]+)+)$/;

export function isIanaTimeZone(zone: string): boolean {
  if (!IANA_NAME.test(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Zone offset (wall minus UTC) in milliseconds at an instant given in UTC milliseconds. */
export function offsetMsAt(zone: string, instantMs: number): number {
  const wall: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(zone).formatToParts(instantMs)) wall[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = wall;
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return Date.UTC(year, month - 1, day, hour % 24, minute, second) - wholeSecond;
}

export function offsetMinutesAt(instant: Date, zone: string): number {
  return offsetMsAt(zone, instant.getTime()) / MINUTE_MS;
}

const dayOffsets = new Map<string, Map<number, number>>();
const DAY_OFFSETS_KEPT = 20_000;

// Offsets at UTC midnights, remembered per zone: slot searches ask for the same days again and again.
function offsetAtUtcMidnight(zone: string, day: number): number {
  let byDay = dayOffsets.get(zone);
  if (!byDay) dayOffsets.set(zone, (byDay = new Map()));
  let offset = byDay.get(day);
  if (offset === undefined) {
    if (byDay.size >= DAY_OFFSETS_KEPT) byDay.clear();
    offset = offsetMsAt(zone, day * DAY_MS);
    byDay.set(day, offset);
  }
  return offset;
}

/**
 * The zone's single offset during a local day, or null when a transition may fall on it. Offsets
 * stay within -12 h..+14 h, so every instant of local day d lies between the UTC midnights of
 * d-1 and d+2; the same offset at all four midnights means no change (zones never change twice
 * within a day and back).
 */
export function steadyOffsetMsOnDay(zone: string, day: number): number | null {
  const offset = offsetAtUtcMidnight(zone, day - 1);
  for (let d = day; d <= day + 2; d++) if (offsetAtUtcMidnight(zone, d) !== offset) return null;
  return offset;
}

/** All instants (ascending, UTC ms) at which the zone's clock reads `wallMs`; empty in a gap. */
function instantsOfWall(zone: string, wallMs: number): number[] {
  const before = offsetMsAt(zone, wallMs - DAY_MS);
  const after = offsetMsAt(zone, wallMs + DAY_MS);
  const offsets = before === after ? [before] : [before, after];
  return offsets
    .map((offset) => wallMs - offset)
    .filter((instant) => instant + offsetMsAt(zone, instant) === wallMs)
    .sort((a, b) => a - b);
}

/** The instant the clock jumps over a wall time in a gap: the first instant whose wall reading passes it. */
function transitionOverWall(zone: string, wallMs: number): number {
  const after = offsetMsAt(zone, wallMs + DAY_MS);
  // Clock shows less than wallMs at `low` and more at `high`; transitions fall on whole seconds.
  let low = Math.floor((wallMs - after) / 1000);
  let high = Math.ceil((wallMs - offsetMsAt(zone, wallMs - DAY_MS)) / 1000);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (mid * 1000 + offsetMsAt(zone, mid * 1000) > wallMs) high = mid;
    else low = mid;
  }
  return high * 1000;
}

/** Slot start: the first occurrence of a wall time, or null when the clock skips it. */
export function wallTimeStartMs(zone: string, wallMs: number): number | null {
  return instantsOfWall(zone, wallMs)[0] ?? null;
}

/** Interval bound: the first moment the clock reads `wallMs`, or jumps past it. */
export function wallTimeBoundMs(zone: string, wallMs: number): number {
  return instantsOfWall(zone, wallMs)[0] ?? transitionOverWall(zone, wallMs);
}

/** Wall-clock reading of an instant, as wall milliseconds. */
export function wallMsOf(zone: string, instantMs: number): number {
  return instantMs + offsetMsAt(zone, instantMs);
}

function wallMsFrom(date: string, time: string): number {
  const day = parseDate(date);
  const minutes = parseTimeOfDay(time);
  if (day === null) throw new RangeError(`"${date}" is not a date like 2026-03-29`);
  if (minutes === null) throw new RangeError(`"${time}" is not a time like 09:30`);
  return day * DAY_MS + minutes * MINUTE_MS;
}

export function resolveWallTime(date: string, time: string, zone: string): WallTimeResolution {
  const wallMs = wallMsFrom(date, time);
  const [first, second] = instantsOfWall(zone, wallMs);
  if (first === undefined) return { kind: 'skipped', transition: new Date(transitionOverWall(zone, wallMs)) };
  if (second === undefined) return { kind: 'unique', instant: new Date(first) };
  return { kind: 'ambiguous', earlier: new Date(first), later: new Date(second) };
}

/** The instant of a wall-clock time: the first occurrence when ambiguous, null when skipped. */
export function zonedWallTimeToInstant(date: string, time: string, zone: string): Date | null {
  const instant = wallTimeStartMs(zone, wallMsFrom(date, time));
  return instant === null ? null : new Date(instant);
}

export interface ZonedWallTime {
  date: string;
  time: string;
  /** ISO weekday, Monday = 1. */
  weekday: number;
}

/** Wall-clock date and time (to the minute) of an instant in a zone. */
export function instantToZonedWallTime(instant: Date, zone: string): ZonedWallTime {
  const wallMs = wallMsOf(zone, instant.getTime());
  const day = Math.floor(wallMs / DAY_MS);
  return { date: formatDate(day), time: formatTimeOfDay(Math.floor((wallMs - day * DAY_MS) / MINUTE_MS)), weekday: isoWeekday(day) };
}
