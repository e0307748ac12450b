import { MAX_SCORE, MIN_SCORE, type Scores } from './feedback-rules.ts';

/** A doctor's rating as sums and counts: what is stored, and what a change adds to it. */
export interface RatingTotals {
  readonly count: number;
  readonly overallSum: number;
  /** How many gave 1, 2, 3, 4 and 5 (index 0 is a score of 1). */
  readonly overallCounts: readonly [number, number, number, number, number];
  readonly bedsideMannerCount: number;
  readonly bedsideMannerSum: number;
  readonly waitTimeCount: number;
  readonly waitTimeSum: number;
}

export const NO_RATINGS: RatingTotals = {
  count: 0,
  overallSum: 0,
  overallCounts: [0, 0, 0, 0, 0],
  bedsideMannerCount: 0,
  bedsideMannerSum: 0,
  waitTimeCount: 0,
  waitTimeSum: 0,
};

function totalsOf(scores: Scores | null, sign: 1 | -1): RatingTotals {
  if (!scores) return NO_RATINGS;
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  counts[scores.overall - MIN_SCORE] = sign;
  return {
    count: sign,
    overallSum: sign * scores.overall,
    overallCounts: counts,
    bedsideMannerCount: scores.bedsideManner === null ? 0 : sign,
    bedsideMannerSum: sign * (scores.bedsideManner ?? 0),
    waitTimeCount: scores.waitTime === null ? 0 : sign,
    waitTimeSum: sign * (scores.waitTime ?? 0),
  };
}

export function addTotals(a: RatingTotals, b: RatingTotals): RatingTotals {
  return {
    count: a.count + b.count,
    overallSum: a.overallSum + b.overallSum,
    overallCounts: a.overallCounts.map((n, i) => n + b.overallCounts[i]!) as unknown as RatingTotals['overallCounts'],
    bedsideMannerCount: a.bedsideMannerCount + b.bedsideMannerCount,
    bedsideMannerSum: a.bedsideMannerSum + b.bedsideMannerSum,
    waitTimeCount: a.waitTimeCount + b.waitTimeCount,
    waitTimeSum: a.waitTimeSum + b.waitTimeSum,
  };
}

/**
 * What a rating's change adds to its doctor's totals: a new one (before null) adds its scores, an
 * edit takes the old scores out and puts the new in. Hiding a comment changes no score.
 */
export function ratingDelta(before: Scores | null, after: Scores | null): RatingTotals {
  return addTotals(totalsOf(before, -1), totalsOf(after, 1));
}

/** Two decimals, as shown; null when nobody gave this score. */
export function averageOf(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 100) / 100;
}

export interface RatingView {
  readonly average: number | null;
  readonly count: number;
  /** Every score from 5 down to 1, also those nobody gave. */
  readonly distribution: readonly { score: number; count: number }[];
  readonly bedsideManner: { average: number | null; count: number };
  readonly waitTime: { average: number | null; count: number };
}

export function ratingView(totals: RatingTotals): RatingView {
  const distribution = [];
  for (let score = MAX_SCORE; score >= MIN_SCORE; score -= 1) distribution.push({ score, count: totals.overallCounts[score - MIN_SCORE]! });
  return {
    average: averageOf(totals.overallSum, totals.count),
    count: totals.count,
    distribution,
    bedsideManner: { average: averageOf(totals.bedsideMannerSum, totals.bedsideMannerCount), count: totals.bedsideMannerCount },
    waitTime: { average: averageOf(totals.waitTimeSum, totals.waitTimeCount), count: totals.waitTimeCount },
  };
}
