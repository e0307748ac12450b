import { DAY_MS, MINUTE_MS } from './calendar.ts';
import { assertSlotMinutes, compileRules, slotGridOfDay, type RulesByWeekday } from './slot-grid.ts';
import { zonedWallMs } from './zoned-time.ts';

/**
 * A doctor's availability and its expansion into bookable slots.
 *
 * - Slots follow the wall-clock grid of each weekly rule (09:00, 09:30, ... for 30 minutes) in
 *   the doctor's zone, under the DST rules of zoned-time.ts, and are returned in UTC.
 * - Buffers separate appointments from each other, not from working hours or time off: busy
 *   intervals are raw appointment times, and a slot conflicts with one when the two, each
 *   widened by bufferBefore and bufferAfter, overlap (the same ranges the database's exclusion
 *   constraint compares, see `blockedInterval`). So a 09:00 slot stays bookable with a 10-minute
 *   buffer before it, and time off 12:00-13:00 behaves exactly like working 09:00-12:00 and
 *   13:00-17:00.
 * - A slot belongs to the window [from, to) when its start does; it must start at or after
 *   now + minimum notice and before now + booking horizon.
 */

export interface WeeklyRule {
  /** ISO weekday: Monday = 1 ... Sunday = 7. */
  weekday: number;
  /** Wall-clock "HH:MM" in the doctor's zone. */
  start: string;
  /** Wall-clock "HH:MM" after start on the same day; "24:00" is midnight at the day's end. */
  end: string;
  /** First local date the rule applies, "YYYY-MM-DD". */
  validFrom?: string | null;
  /** Last local date the rule applies (inclusive). */
  validUntil?: string | null;
}

export interface Interval {
  start: Date;
  end: Date;
}

export interface Buffers {
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

export interface Availability extends Buffers {
  /** IANA zone the rules' wall-clock times are in. */
  timeZone: string;
  rules: readonly WeeklyRule[];
  minimumNoticeMinutes: number;
  bookingHorizonDays: number;
  timeOff: readonly Interval[];
}

export interface ExpandSlotsInput {
  availability: Availability;
  /** The service's duration. */
  slotMinutes: number;
  from: Date;
  to: Date;
  now: Date;
  /** Active appointments as booked, without buffers (an appointment being moved left out). */
  busy: readonly Interval[];
}

/** The range an appointment keeps its doctor from other appointments: itself plus the buffers. */
export function blockedInterval(appointment: Interval, buffers: Buffers): Interval {
  return {
    start: new Date(appointment.start.getTime() - buffers.bufferBeforeMinutes * MINUTE_MS),
    end: new Date(appointment.end.getTime() + buffers.bufferAfterMinutes * MINUTE_MS),
  };
}

/** Earliest (inclusive) and latest (exclusive) starts the notice and horizon allow at `now`. */
export function bookableRange(availability: Availability, now: Date): { earliest: number; latest: number } {
  return {
    earliest: now.getTime() + availability.minimumNoticeMinutes * MINUTE_MS,
    latest: now.getTime() + availability.bookingHorizonDays * DAY_MS,
  };
}

/** Sorted, disjoint [start, end) ranges in UTC ms answering "does [a, b) overlap any?" in O(log n). */
export class RangeSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(ranges: Iterable<readonly [number, number]>) {
    const sorted = [...ranges].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
    for (const [start, end] of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && start <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, end);
      else {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }

  overlaps(start: number, end: number): boolean {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ends[mid]! <= start) low = mid + 1;
      else high = mid;
    }
    return low < this.starts.length && this.starts[low]! < end;
  }
}

export function timeOffSet(availability: Availability): RangeSet {
  return new RangeSet(availability.timeOff.map((t) => [t.start.getTime(), t.end.getTime()] as const));
}

export function expandSlots(input: ExpandSlotsInput): Interval[] {
  const slotMs = input.slotMinutes * MINUTE_MS;
  return slotExpander(input)
    .starts(input.from, input.to)
    .map((start) => ({ start: new Date(start), end: new Date(start + slotMs) }));
}

export interface SlotExpander {
  /** Starts (UTC ms, ascending, each once) of the slots `expandSlots` gives for [from, to). */
  starts(from: Date, to: Date): number[];
}

/**
 * `expandSlots` for one doctor over many windows (a search goes day by day): the rules, time off
 * and bookings are prepared once, on the first window that needs them, each local day's grid is
 * worked out once, and each call answers `[from, to)` exactly as `expandSlots` would.
 */
export function slotExpander(input: Omit<ExpandSlotsInput, 'from' | 'to'>): SlotExpander {
  const { availability, slotMinutes, now, busy } = input;
  assertSlotMinutes(slotMinutes);
  const zone = availability.timeZone;
  const { earliest, latest } = bookableRange(availability, now);
  const slotMs = slotMinutes * MINUTE_MS;
  const before = availability.bufferBeforeMinutes * MINUTE_MS;
  const after = availability.bufferAfterMinutes * MINUTE_MS;
  let prepared: { rules: RulesByWeekday; timeOff: RangeSet; taken: RangeSet; grids: Map<number, number[]> } | undefined;

  const starts = (from: Date, to: Date): number[] => {
    const first = Math.max(from.getTime(), earliest);
    const last = Math.min(to.getTime(), latest);
    if (!(first < last) || availability.rules.length === 0) return [];
    prepared ??= {
      rules: compileRules(availability.rules),
      timeOff: timeOffSet(availability),
      taken: new RangeSet(busy.map((b) => [b.start.getTime() - before, b.end.getTime() + after] as const)),
      grids: new Map(),
    };
    const { rules, timeOff, taken, grids } = prepared;

    const found: number[] = [];
    const lastDay = Math.floor(zonedWallMs(zone, last - 1) / DAY_MS);
    for (let day = Math.floor(zonedWallMs(zone, first) / DAY_MS); day <= lastDay; day++) {
      let grid = grids.get(day);
      if (!grid) grids.set(day, (grid = slotGridOfDay(zone, rules, day, slotMinutes).starts));
      for (const start of grid) {
        const end = start + slotMs;
        if (start < first || start >= last) continue;
        if (timeOff.overlaps(start, end) || taken.overlaps(start - before, end + after)) continue;
        found.push(start);
      }
    }
    // A day's grid is ascending unless rules overlap (rejected on input, but possible in old data),
    // which would also repeat starts: only then sort and drop the repeats.
    for (let i = 1; i < found.length; i++) {
      if (found[i]! <= found[i - 1]!) {
        found.sort((a, b) => a - b);
        return found.filter((start, j) => j === 0 || start !== found[j - 1]);
      }
    }
    return found;
  };
  return { starts };
}
