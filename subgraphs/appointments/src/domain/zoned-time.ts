import { offsetMsAt } from '@medappt/platform/domain';
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

export type WallTimeResolution = { kind: 'unique'; instant: Date } | { kind: 'ambiguous'; earlier: Date; later: Date } | { kind: 'skipped'; transition: Date };

export function offsetMinutesAt(instant: Date, zone: string): number {
  return offsetMsAt(zone, instant.getTime()) / MINUTE_MS;
}

// Per zone, remembered because slot searches ask about the same days again and again.
const midnightOffsets = new Map<string, Map<number, number>>();
const dayClocks = new Map<string, Map<number, DayClock>>();
const DAYS_KEPT = 20_000;

function byDayOf<T>(cache: Map<string, Map<number, T>>, zone: string): Map<number, T> {
  let byDay = cache.get(zone);
  if (!byDay) cache.set(zone, (byDay = new Map()));
  else if (byDay.size >= DAYS_KEPT) byDay.clear();
  return byDay;
}

// Looked up without a closure or key string per call: slot expansion asks thousands of times a search.
function offsetAtUtcMidnight(zone: string, day: number): number {
  const byDay = byDayOf(midnightOffsets, zone);
  let offset = byDay.get(day);
  if (offset === undefined) byDay.set(day, (offset = offsetMsAt(zone, day * DAY_MS)));
  return offset;
}

/**
 * How the zone's clock runs around a local day: `offsets[i]` applies from `changes[i - 1]` until
 * `changes[i]` (UTC ms); on most days there is one offset and no change. Offsets stay within
 * -12 h..+14 h, so every instant of local day d lies between the UTC midnights of d-1 and d+2,
 * and the offsets at those midnights reveal each change unless one is undone within a day (no zone
 * has done that; none even changes twice within three days between 1970 and 2038).
 */
interface DayClock {
  offsets: number[];
  changes: number[];
}

function clockAroundDay(zone: string, day: number): DayClock {
  const byDay = byDayOf(dayClocks, zone);
  let clock = byDay.get(day);
  if (!clock) byDay.set(day, (clock = computeClockAroundDay(zone, day)));
  return clock;
}

function computeClockAroundDay(zone: string, day: number): DayClock {
  const offsets = [offsetAtUtcMidnight(zone, day - 1)];
  const changes: number[] = [];
  for (let d = day; d <= day + 2; d++) {
    const before = offsets[offsets.length - 1]!;
    const offset = offsetAtUtcMidnight(zone, d);
    if (offset === before) continue;
    // Somewhere since the previous midnight; transitions fall on whole seconds.
    let low = (d - 1) * 86_400;
    let high = d * 86_400;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (offsetMsAt(zone, mid * 1000) === before) low = mid;
      else high = mid;
    }
    changes.push(high * 1000);
    offsets.push(offset);
  }
  return { offsets, changes };
}

/**
 * Zone offset at an instant, read from the clock of its UTC day (remembered per zone and day), so
 * that expanding slots or writing local times costs no Intl call per instant. The clock of day d
 * knows every change between the UTC midnights of d-1 and d+2, so it holds for all of UTC day d.
 */
export function offsetMsOf(zone: string, instantMs: number): number {
  const clock = clockAroundDay(zone, Math.floor(instantMs / DAY_MS));
  let i = 0;
  while (i < clock.changes.length && instantMs >= clock.changes[i]!) i++;
  return clock.offsets[i]!;
}

/** Wall-clock reading of an instant in a zone, as wall milliseconds (`wallMsOf`, remembered per day). */
export function zonedWallMs(zone: string, instantMs: number): number {
  return instantMs + offsetMsOf(zone, instantMs);
}

/** Whether the clock reads `wallMs` under its `i`-th offset, and if so at which instant (else NaN). */
function readingUnder(clock: DayClock, i: number, wallMs: number): number {
  const instant = wallMs - clock.offsets[i]!;
  const from = i === 0 ? -Infinity : clock.changes[i - 1]!;
  const until = i === clock.changes.length ? Infinity : clock.changes[i]!;
  return instant >= from && instant < until ? instant : NaN;
}

/** The first instant (UTC ms) at which the clock reads `wallMs`, or NaN in a gap. No array: called per grid point. */
function firstReadingOf(clock: DayClock, wallMs: number): number {
  for (let i = 0; i < clock.offsets.length; i++) {
    const instant = readingUnder(clock, i, wallMs);
    if (!Number.isNaN(instant)) return instant;
  }
  return NaN;
}

/** Instants (ascending, UTC ms) at which the clock reads `wallMs`: none in a gap, two in an overlap. */
function readingsOf(clock: DayClock, wallMs: number): number[] {
  const readings: number[] = [];
  for (let i = 0; i < clock.offsets.length; i++) {
    const instant = readingUnder(clock, i, wallMs);
    if (!Number.isNaN(instant)) readings.push(instant);
  }
  return readings;
}

/** The instant the clock jumps over a wall time it never reads. */
function jumpOver(clock: DayClock, wallMs: number): number {
  const index = clock.changes.findIndex((change, i) => change + clock.offsets[i]! <= wallMs && wallMs < change + clock.offsets[i + 1]!);
  const change = clock.changes[index];
  if (change === undefined) throw new Error(`the clock reads wall time ${new Date(wallMs).toISOString()}; there is no jump over it`);
  return change;
}

const clockOfWall = (zone: string, wallMs: number) => clockAroundDay(zone, Math.floor(wallMs / DAY_MS));

/** Slot start: the first occurrence of a wall time, or null when the clock skips it. */
export function wallTimeStartMs(zone: string, wallMs: number): number | null {
  const instant = firstReadingOf(clockOfWall(zone, wallMs), wallMs);
  return Number.isNaN(instant) ? null : instant;
}

/** Interval bound: the first moment the clock reads `wallMs`, or jumps past it. */
export function wallTimeBoundMs(zone: string, wallMs: number): number {
  const clock = clockOfWall(zone, wallMs);
  const instant = firstReadingOf(clock, wallMs);
  return Number.isNaN(instant) ? jumpOver(clock, wallMs) : instant;
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
  const clock = clockOfWall(zone, wallMs);
  const [first, second] = readingsOf(clock, wallMs);
  if (first === undefined) return { kind: 'skipped', transition: new Date(jumpOver(clock, wallMs)) };
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
  const wallMs = zonedWallMs(zone, instant.getTime());
  const day = Math.floor(wallMs / DAY_MS);
  return { date: formatDate(day), time: formatTimeOfDay(Math.floor((wallMs - day * DAY_MS) / MINUTE_MS)), weekday: isoWeekday(day) };
}

/** An instant as wall-clock time in a zone, the way the API writes it: `2026-11-23T09:00`. */
export function localStartOf(start: Date, timeZone: string): string {
  const wall = instantToZonedWallTime(start, timeZone);
  return `${wall.date}T${wall.time}`;
}
