import { describe, expect, it } from 'vitest';
import {
  checkFeedbackFields,
  DEFAULT_FEEDBACK_POLICY,
  eligibility,
  hideProblems,
  idProblems,
  periodOf,
  type FeedbackInputFields,
} from '../../src/domain/feedback-rules.ts';

const SCORE = 'must be a whole number from 1 to 5';

describe('checkFeedbackFields for a new rating', () => {
  it.each<[FeedbackInputFields, { field: string; message: string }[], Record<string, unknown> | null]>([
    [{ overall: 5 }, [], { overall: 5, bedsideManner: null, waitTime: null, comment: null }],
    [
      { overall: 1, bedsideManner: 5, waitTime: 3, comment: '  Kind and thorough.\r\nWould return. ' },
      [],
      { overall: 1, bedsideManner: 5, waitTime: 3, comment: 'Kind and thorough.\nWould return.' },
    ],
    [{ overall: 4, comment: '   ' }, [], { overall: 4, bedsideManner: null, waitTime: null, comment: null }],
    [{ overall: 4, bedsideManner: null, waitTime: null, comment: null }, [], { overall: 4, bedsideManner: null, waitTime: null, comment: null }],
    [{}, [{ field: 'overall', message: 'is required: rate the visit from 1 to 5' }], null],
    [{ overall: null }, [{ field: 'overall', message: 'is required: rate the visit from 1 to 5' }], null],
    [{ overall: 0 }, [{ field: 'overall', message: SCORE }], null],
    [{ overall: 6 }, [{ field: 'overall', message: SCORE }], null],
    [{ overall: 2.5 }, [{ field: 'overall', message: SCORE }], null],
    [
      { overall: 3, bedsideManner: -1, waitTime: 9 },
      [
        { field: 'bedsideManner', message: SCORE },
        { field: 'waitTime', message: SCORE },
      ],
      null,
    ],
    [{ overall: 3, comment: 'x'.repeat(2001) }, [{ field: 'comment', message: 'must be at most 2000 characters' }], null],
    [{ overall: 3, comment: 'bad\u0007bell' }, [{ field: 'comment', message: 'must not contain control characters (found U+0007)' }], null],
  ])('%j', (input, problems, fields) => {
    const checked = checkFeedbackFields(input, 'new');
    expect(checked.problems).toEqual(problems);
    if (fields) expect(checked.fields).toEqual(fields);
  });
});

describe('checkFeedbackFields for a change', () => {
  it.each<[FeedbackInputFields, { field: string; message: string }[], Record<string, unknown>]>([
    [{}, [], {}],
    [{ waitTime: 2 }, [], { waitTime: 2 }],
    [{ bedsideManner: null, comment: null }, [], { bedsideManner: null, comment: null }],
    [{ comment: '' }, [], { comment: null }],
    [{ overall: null }, [{ field: 'overall', message: 'is required: rate the visit from 1 to 5' }], {}],
    [{ overall: 7, waitTime: 1 }, [{ field: 'overall', message: SCORE }], { waitTime: 1 }],
  ])('%j', (input, problems, fields) => {
    const checked = checkFeedbackFields(input, 'change');
    expect(checked.problems).toEqual(problems);
    expect(checked.fields).toEqual(fields);
  });
});

describe('periodOf', () => {
  const from = new Date('2026-11-01T10:00:00Z');
  it.each([
    ['2026-11-01T10:00:00Z', 30, true],
    ['2026-12-01T09:59:59.999Z', 30, true],
    ['2026-12-01T10:00:00Z', 30, false],
    ['2026-11-08T09:59:59Z', 7, true],
    ['2026-11-08T10:00:00Z', 7, false],
    ['2027-01-01T00:00:00Z', 7, false],
  ])('now %s, %i days → open %s', (now, days, open) => {
    expect(periodOf(from, days, new Date(now))).toEqual({ open, closesAt: new Date(from.getTime() + days * 86_400_000) });
  });
});

describe('eligibility', () => {
  const me = '11111111-1111-4111-8111-111111111111';
  const other = '22222222-2222-4222-8222-222222222222';
  const completedAt = new Date('2026-11-01T10:00:00Z');
  const closesAt = new Date('2026-12-01T10:00:00Z');
  const now = new Date('2026-11-05T00:00:00Z');
  it.each([
    ['unknown visit', null, now, { verdict: 'not-found' }],
    ["someone else's", { patientId: other, status: 'COMPLETED', completedAt }, now, { verdict: 'not-found' }],
    ["someone else's, not completed", { patientId: other, status: 'CONFIRMED', completedAt: null }, now, { verdict: 'not-found' }],
    ['mine, confirmed', { patientId: me, status: 'CONFIRMED', completedAt: null }, now, { verdict: 'not-completed', status: 'CONFIRMED' }],
    ['mine, no-show', { patientId: me, status: 'NO_SHOW', completedAt: null }, now, { verdict: 'not-completed', status: 'NO_SHOW' }],
    ['mine, completed', { patientId: me, status: 'COMPLETED', completedAt }, now, { verdict: 'ok', closesAt }],
    ['mine, completed, last moment', { patientId: me, status: 'COMPLETED', completedAt }, new Date(closesAt.getTime() - 1), { verdict: 'ok', closesAt }],
    ['mine, completed, window over', { patientId: me, status: 'COMPLETED', completedAt }, closesAt, { verdict: 'too-late', closesAt }],
  ])('%s', (_label, visit, at, verdict) => {
    expect(eligibility(visit, me, at, DEFAULT_FEEDBACK_POLICY)).toEqual(verdict);
  });
});

describe('hideProblems', () => {
  it.each([
    [{ comment: 'You are a quack' }, 'abusive', [], 'abusive'],
    [{ comment: 'You are a quack' }, '  insults the doctor  ', [], 'insults the doctor'],
    [{ comment: 'You are a quack' }, '   ', [{ field: 'reason', message: 'is required' }], ''],
    [{ comment: null }, 'abusive', [{ field: 'id', message: 'has no comment to hide: its scores always count' }], 'abusive'],
    [{ comment: 'x' }, 'y'.repeat(2001), [{ field: 'reason', message: 'must be at most 2000 characters' }], ''],
  ])('%j, %j', (feedback, reason, problems, cleaned) => {
    expect(hideProblems(feedback, reason)).toEqual({ problems, reason: cleaned });
  });
});

describe('idProblems', () => {
  it.each([
    ['3f2b9c1e-8a4d-4e7b-9c2a-1b2c3d4e5f60', 0],
    ['3F2B9C1E-8A4D-4E7B-9C2A-1B2C3D4E5F60', 0],
    ['x', 1],
    ['', 1],
    ["1' or '1'='1", 1],
  ])('%j → %i problems', (id, count) => {
    expect(idProblems('appointmentId', id)).toHaveLength(count);
  });
});
