import { problem, type Problem } from '@medappt/platform/domain';
import { DAY_MS } from './calendar.ts';

/** The from-to windows clients ask about (slot searches, schedules, waits). Pure. */

export const MAX_SEARCH_DAYS = 14;
export const MAX_DOCTOR_SEARCH_DAYS = 31;
export const MAX_SCHEDULE_DAYS = 62;
export const MAX_WAITLIST_DAYS = 90;

export interface WindowRules {
  maxDays: number;
  /** Said after the limit, e.g. "search in smaller windows". */
  hint?: string;
  /** The window must not have ended before this instant (a wait for the past is no wait). */
  endsAfter?: Date;
}

/** What is wrong with `[from, to)`, as a problem of `to`; empty when the window is fine. */
export function windowProblems(window: { from: Date; to: Date }, rules: WindowRules): Problem[] {
  const { from, to } = window;
  if (to <= from) return [problem('to', 'must be after from')];
  if (rules.endsAfter && to.getTime() < rules.endsAfter.getTime()) return [problem('to', 'must be in the future')];
  if (to.getTime() - from.getTime() > rules.maxDays * DAY_MS) {
    return [problem('to', `must be at most ${rules.maxDays} days after from${rules.hint ? `; ${rules.hint}` : ''}`)];
  }
  return [];
}
