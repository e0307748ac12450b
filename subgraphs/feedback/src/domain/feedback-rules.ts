import { cleanText, isUuid, problem, type Problem } from '@medappt/platform/domain';

/** How long a visit can be rated after it was completed, and how long a rating can be changed. */
export interface FeedbackPolicy {
  readonly windowDays: number;
  readonly editDays: number;
}
export const DEFAULT_FEEDBACK_POLICY: FeedbackPolicy = { windowDays: 30, editDays: 7 };

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

export interface Scores {
  readonly overall: number;
  readonly bedsideManner: number | null;
  readonly waitTime: number | null;
}

export interface FeedbackFields extends Scores {
  readonly comment: string | null;
}

/** What a client sends: absent (undefined) means "as it is" when changing, null means "none". */
export interface FeedbackInputFields {
  readonly overall?: number | null | undefined;
  readonly bedsideManner?: number | null | undefined;
  readonly waitTime?: number | null | undefined;
  readonly comment?: string | null | undefined;
}

const SCORE_RULE = `must be a whole number from ${MIN_SCORE} to ${MAX_SCORE}`;

function scoreProblem(value: number): string | null {
  return Number.isInteger(value) && value >= MIN_SCORE && value <= MAX_SCORE ? null : SCORE_RULE;
}

/**
 * The stored form of the fields a client sent, or what is wrong with them. A new rating needs
 * `overall`; a change leaves out what it does not change. A comment follows the platform's
 * 'reason' rules (many lines, at most 2000 characters, no control characters); empty is none.
 */
export function checkFeedbackFields(input: FeedbackInputFields, mode: 'new' | 'change'): { problems: Problem[]; fields: Partial<FeedbackFields> } {
  const problems: Problem[] = [];
  const fields: { -readonly [K in keyof FeedbackFields]?: FeedbackFields[K] } = {};
  if (input.overall === null || (input.overall === undefined && mode === 'new')) {
    problems.push(problem('overall', 'is required: rate the visit from 1 to 5'));
  } else if (input.overall !== undefined) {
    const wrong = scoreProblem(input.overall);
    if (wrong) problems.push(problem('overall', wrong));
    else fields.overall = input.overall;
  }
  for (const key of ['bedsideManner', 'waitTime'] as const) {
    const value = input[key];
    if (value === undefined) {
      if (mode === 'new') fields[key] = null;
      continue;
    }
    const wrong = value === null ? null : scoreProblem(value);
    if (wrong) problems.push(problem(key, wrong));
    else fields[key] = value;
  }
  if (input.comment === undefined) {
    if (mode === 'new') fields.comment = null;
  } else if (input.comment === null) {
    fields.comment = null;
  } else {
    const cleaned = cleanText(input.comment, 'reason');
    if (!cleaned.ok) problems.push(problem('comment', cleaned.message));
    else fields.comment = cleaned.value === '' ? null : cleaned.value;
  }
  return { problems, fields };
}

/** A period that opens at `from` and lasts `days`: open while now is before its end. */
export interface Period {
  readonly open: boolean;
  readonly closesAt: Date;
}

export function periodOf(from: Date, days: number, now: Date): Period {
  const closesAt = new Date(from.getTime() + days * 86_400_000);
  return { open: now.getTime() < closesAt.getTime(), closesAt };
}

/** What the rating service knows of a visit (appointments.events.v1). */
export interface VisitFacts {
  readonly patientId: string;
  readonly status: string;
  readonly completedAt: Date | null;
}

export type Eligibility =
  | { readonly verdict: 'ok'; readonly closesAt: Date }
  /** Unknown, or someone else's: answered alike, so neither confirms that a visit exists. */
  | { readonly verdict: 'not-found' }
  | { readonly verdict: 'not-completed'; readonly status: string }
  | { readonly verdict: 'too-late'; readonly closesAt: Date };

/** Whether `patientId` may rate this visit now: only their own, only COMPLETED, only within the window. */
export function eligibility(visit: VisitFacts | null, patientId: string, now: Date, policy: FeedbackPolicy): Eligibility {
  if (!visit || visit.patientId !== patientId) return { verdict: 'not-found' };
  if (visit.status !== 'COMPLETED' || !visit.completedAt) return { verdict: 'not-completed', status: visit.status };
  const window = periodOf(visit.completedAt, policy.windowDays, now);
  return window.open ? { verdict: 'ok', closesAt: window.closesAt } : { verdict: 'too-late', closesAt: window.closesAt };
}

/** Why a hide is refused (a comment is what is hidden: scores always count), or nothing. */
export function hideProblems(feedback: { comment: string | null }, reason: string): { problems: Problem[]; reason: string } {
  const cleaned = cleanText(reason, 'reason', { required: true });
  const problems: Problem[] = [];
  if (feedback.comment === null) problems.push(problem('id', 'has no comment to hide: its scores always count'));
  if (!cleaned.ok) problems.push(problem('reason', cleaned.message));
  return { problems, reason: cleaned.ok ? cleaned.value : '' };
}

/** An id that is not a UUID names no row and must not reach Postgres: the wording appointments uses. */
export function idProblems(field: string, value: string): Problem[] {
  return isUuid(value) ? [] : [problem(field, 'is not a valid ID: ids are UUIDs such as 3f2b9c1e-8a4d-4e7b-9c2a-1b2c3d4e5f60')];
}
