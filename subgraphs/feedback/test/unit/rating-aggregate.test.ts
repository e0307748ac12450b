import { describe, expect, it } from 'vitest';
import { addTotals, averageOf, NO_RATINGS, ratingDelta, ratingView, type RatingTotals } from '../../src/domain/rating-aggregate.ts';

const s = (overall: number, bedsideManner: number | null = null, waitTime: number | null = null) => ({ overall, bedsideManner, waitTime });

describe('ratingDelta', () => {
  it.each<[string, ReturnType<typeof s> | null, ReturnType<typeof s> | null, RatingTotals]>([
    ['nothing to nothing', null, null, NO_RATINGS],
    ['a new 5', null, s(5), { ...NO_RATINGS, count: 1, overallSum: 5, overallCounts: [0, 0, 0, 0, 1] }],
    [
      'a new 2 with both optional scores',
      null,
      s(2, 4, 1),
      { count: 1, overallSum: 2, overallCounts: [0, 1, 0, 0, 0], bedsideMannerCount: 1, bedsideMannerSum: 4, waitTimeCount: 1, waitTimeSum: 1 },
    ],
    ['an edit from 2 to 4', s(2), s(4), { ...NO_RATINGS, count: 0, overallSum: 2, overallCounts: [0, -1, 0, 1, 0] }],
    ['an edit adding a wait time', s(3), s(3, null, 5), { ...NO_RATINGS, overallCounts: [0, 0, 0, 0, 0], waitTimeCount: 1, waitTimeSum: 5 }],
    ['an edit removing bedside manner', s(3, 2), s(3), { ...NO_RATINGS, overallCounts: [0, 0, 0, 0, 0], bedsideMannerCount: -1, bedsideMannerSum: -2 }],
    ['an edit changing nothing', s(4, 4, 4), s(4, 4, 4), { ...NO_RATINGS, overallCounts: [0, 0, 0, 0, 0] }],
  ])('%s', (_label, before, after, delta) => {
    expect(ratingDelta(before, after)).toEqual(delta);
  });

  it('adds up over a history of submits and edits to the totals of the final scores', () => {
    let totals = NO_RATINGS;
    const apply = (before: ReturnType<typeof s> | null, after: ReturnType<typeof s>) => (totals = addTotals(totals, ratingDelta(before, after)));
    apply(null, s(5, 5));
    apply(null, s(1));
    apply(s(1), s(2, null, 3));
    apply(null, s(4, 3, 2));
    expect(totals).toEqual({
      count: 3,
      overallSum: 11,
      overallCounts: [0, 1, 0, 1, 1],
      bedsideMannerCount: 2,
      bedsideMannerSum: 8,
      waitTimeCount: 2,
      waitTimeSum: 5,
    });
  });
});

describe('averageOf', () => {
  it.each([
    [0, 0, null],
    [5, 1, 5],
    [13, 3, 4.33],
    [14, 3, 4.67],
    [9, 2, 4.5],
    [1, 3, 0.33],
  ])('%i / %i → %j', (sum, count, average) => {
    expect(averageOf(sum, count)).toBe(average);
  });
});

describe('ratingView', () => {
  it('shows no ratings as a null average and every score at 0', () => {
    expect(ratingView(NO_RATINGS)).toEqual({
      average: null,
      count: 0,
      distribution: [5, 4, 3, 2, 1].map((score) => ({ score, count: 0 })),
      bedsideManner: { average: null, count: 0 },
      waitTime: { average: null, count: 0 },
    });
  });

  it('lists the distribution from 5 down to 1', () => {
    const view = ratingView({
      count: 3,
      overallSum: 11,
      overallCounts: [0, 1, 0, 1, 1],
      bedsideMannerCount: 2,
      bedsideMannerSum: 8,
      waitTimeCount: 1,
      waitTimeSum: 3,
    });
    expect(view).toEqual({
      average: 3.67,
      count: 3,
      distribution: [
        { score: 5, count: 1 },
        { score: 4, count: 1 },
        { score: 3, count: 0 },
        { score: 2, count: 1 },
        { score: 1, count: 0 },
      ],
      bedsideManner: { average: 4, count: 2 },
      waitTime: { average: 3, count: 1 },
    });
  });
});
