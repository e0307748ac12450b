import type { WeeklyRule } from './availability.ts';
import { DAY_MS, MINUTE_MS, isoWeekday, parseDate, parseTimeOfDay } from './calendar.ts';
import { wallTimeBoundMs, wallTimeStartMs } from './zoned-time.ts';

/**
 * The slot grid of one local day: for each weekly rule valid that day, wall-clock starts at the
 * rule's start and every `slotMinutes` after it, turned into UTC instants under the DST rules of
 * zoned-time.ts. A slot lasts `slotMinutes` of real time and must end by the interval's end.
 *
 * On a spring-forward day a slot that straddles the gap ends later on the wall clock than the
 * grid assumed (01:30 + 90 min is 04:00 CEST), so the next grid start can fall inside it; such
 * a start is dropped to keep the day's slots disjoint. Fall-back days cannot overlap this way;
 * there, each wall time of the repeated hour is offered once (its first occurrence), so the
 * second pass through that hour has no slots of its own.
 */

export interface CompiledRule {
  startMinute: number;
  endMinute: number;
  fromDay: number;
  untilDay: number;
}

/** Rules per ISO weekday (index 1-7), sorted by start. */
export type RulesByWeekday = readonly (readonly CompiledRule[])[];

const END_OF_DAY = { endOfDay: true };

export function compileRules(rules: readonly WeeklyRule[]): RulesByWeekday {
  const byWeekday: CompiledRule[][] = Array.from({ length: 8 }, () => []);
  rules.forEach((rule, index) => {
    const startMinute = parseTimeOfDay(rule.start);
    const endMinute = parseTimeOfDay(rule.end, END_OF_DAY);
    const fromDay = rule.validFrom ? parseDate(rule.validFrom) : -Infinity;
    const untilDay = rule.validUntil ? parseDate(rule.validUntil) : Infinity;
    const list = byWeekday[rule.weekday];
    if (!list || rule.weekday < 1 || startMinute === null || endMinute === null || endMinute <= startMinute || fromDay === null || untilDay === null) {
      // Rules are validated when they are set; one that is not valid here is a bug upstream.
      throw new RangeError(`rules[${index}] is not a valid weekly rule: ${JSON.stringify(rule)}`);
    }
    // Put in order as they come (a weekday has a handful; Array#sort would allocate per list).
    let at = list.push({ startMinute, endMinute, fromDay, untilDay }) - 1;
    for (; at > 0 && list[at - 1]!.startMinute > startMinute; at -= 1) [list[at - 1], list[at]] = [list[at]!, list[at - 1]!];
  });
  return byWeekday;
}

export interface DayGrid {
  /** Working intervals of the day as [start, end) in UTC ms. */
  intervals: [number, number][];
  /** Slot starts in UTC ms, ascending within each interval. */
  starts: number[];
}

export function assertSlotMinutes(slotMinutes: number): void {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0) throw new RangeError(`slotMinutes must be a positive whole number, got ${slotMinutes}`);
}

export function slotGridOfDay(zone: string, rules: RulesByWeekday, day: number, slotMinutes: number): DayGrid {
  assertSlotMinutes(slotMinutes);
  const grid: DayGrid = { intervals: [], starts: [] };
  const todays = rules[isoWeekday(day)] ?? [];
  if (todays.length === 0) return grid;

  const slotMs = slotMinutes * MINUTE_MS;
  const midnight = day * DAY_MS;

  for (const rule of todays) {
    if (day < rule.fromDay || day > rule.untilDay) continue;
    const intervalEnd = wallTimeBoundMs(zone, midnight + rule.endMinute * MINUTE_MS);
    grid.intervals.push([wallTimeBoundMs(zone, midnight + rule.startMinute * MINUTE_MS), intervalEnd]);
    let previousEnd = -Infinity;
    for (let minute = rule.startMinute; minute < rule.endMinute; minute += slotMinutes) {
      const start = wallTimeStartMs(zone, midnight + minute * MINUTE_MS);
      if (start === null || start < previousEnd) continue;
      // Grid instants only grow, so once one slot overruns the interval every later one does.
      if (start + slotMs > intervalEnd) break;
      grid.starts.push(start);
      previousEnd = start + slotMs;
    }
  }
  return grid;
}
