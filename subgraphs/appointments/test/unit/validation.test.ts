import { describe, expect, it } from 'vitest';
import type { Availability, WeeklyRule } from '../../src/domain/availability.ts';
import type { Problem } from '@medappt/platform/domain';
import type { WorkingHours } from '../../src/domain/validation.ts';
import { explainUnbookableStart, isOnSlotBoundary, validateAvailability, validateTimeOff } from '../../src/domain/validation.ts';

const rule = (weekday: number, start: string, end: string, extra: Partial<WeeklyRule> = {}): WeeklyRule => ({ weekday, start, end, ...extra });

const valid: WorkingHours = {
  timeZone: 'Europe/Berlin',
  rules: [rule(1, '09:00', '12:00'), rule(1, '14:00', '17:00'), rule(2, '09:00', '12:00')],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  minimumNoticeMinutes: 60,
  bookingHorizonDays: 90,
};

describe('validateAvailability', () => {
  it.each<[string, Partial<WorkingHours>, Problem[]]>([
    ['a valid week', {}, []],
    ['a day until midnight', { rules: [rule(5, '18:00', '24:00')] }, []],
    ['no rules (not working)', { rules: [] }, []],
    ['back-to-back intervals', { rules: [rule(1, '09:00', '12:00'), rule(1, '12:00', '13:00')] }, []],
    [
      'the same hours in different periods',
      { rules: [rule(1, '09:00', '12:00', { validUntil: '2026-06-30' }), rule(1, '10:00', '11:00', { validFrom: '2026-07-01' })] },
      [],
    ],
    ['an unknown zone', { timeZone: 'Mars/Olympus' }, [{ field: 'timeZone', message: 'must be an IANA time zone like Europe/Berlin, got "Mars/Olympus"' }]],
    ['a zone with a NUL', { timeZone: 'Europe/Berlin\u0000' }, [{ field: 'timeZone', message: 'must not contain control characters (found U+0000)' }]],
    ['a zone abbreviation without DST', { timeZone: 'EST' }, [{ field: 'timeZone', message: 'must be an IANA time zone like Europe/Berlin, got "EST"' }]],
    [
      'a bad start',
      { rules: [rule(1, '09:00', '10:00'), rule(2, '09:00', '10:00'), rule(3, '9:00', '10:00')] },
      [{ field: 'rules[2].start', message: 'must be a time like 09:00 (HH:MM, 00:00-23:59)' }],
    ],
    ['a start of 24:00', { rules: [rule(1, '24:00', '24:00')] }, [{ field: 'rules[0].start', message: 'must be a time like 09:00 (HH:MM, 00:00-23:59)' }]],
    ['a bad end', { rules: [rule(1, '09:00', '25:00')] }, [{ field: 'rules[0].end', message: 'must be a time like 17:30 (HH:MM, 00:00-24:00)' }]],
    ['end before start', { rules: [rule(1, '17:00', '09:00')] }, [{ field: 'rules[0].end', message: 'must be after start (17:00) on the same day' }]],
    ['end equal to start', { rules: [rule(1, '09:00', '09:00')] }, [{ field: 'rules[0].end', message: 'must be after start (09:00) on the same day' }]],
    ['weekday 0', { rules: [rule(0, '09:00', '10:00')] }, [{ field: 'rules[0].weekday', message: 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)' }]],
    ['weekday 8', { rules: [rule(8, '09:00', '10:00')] }, [{ field: 'rules[0].weekday', message: 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)' }]],
    [
      'a fractional weekday',
      { rules: [rule(1.5, '09:00', '10:00')] },
      [{ field: 'rules[0].weekday', message: 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)' }],
    ],
    [
      'overlapping rules on a weekday',
      { rules: [rule(1, '09:00', '12:00'), rule(2, '09:00', '12:00'), rule(3, '09:00', '12:00'), rule(2, '10:00', '13:00')] },
      [{ field: 'rules[3]', message: 'overlaps rules[1] on Tuesday 10:00-12:00' }],
    ],
    [
      'overlapping validity periods',
      { rules: [rule(7, '08:00', '10:00', { validUntil: '2026-07-01' }), rule(7, '09:00', '11:00', { validFrom: '2026-07-01' })] },
      [{ field: 'rules[1]', message: 'overlaps rules[0] on Sunday 09:00-10:00' }],
    ],
    [
      'validUntil before validFrom',
      { rules: [rule(1, '09:00', '10:00', { validFrom: '2026-05-01', validUntil: '2026-04-30' })] },
      [{ field: 'rules[0].validUntil', message: 'must not be before validFrom (2026-05-01)' }],
    ],
    [
      'a date that does not exist',
      { rules: [rule(1, '09:00', '10:00', { validFrom: '2026-02-30' })] },
      [{ field: 'rules[0].validFrom', message: 'must be a real date like 2026-04-01' }],
    ],
    ['a negative buffer', { bufferBeforeMinutes: -5 }, [{ field: 'bufferBeforeMinutes', message: 'must be a whole number of minutes, from 0 to 1440' }]],
    ['a fractional buffer', { bufferAfterMinutes: 2.5 }, [{ field: 'bufferAfterMinutes', message: 'must be a whole number of minutes, from 0 to 1440' }]],
    ['a negative notice', { minimumNoticeMinutes: -1 }, [{ field: 'minimumNoticeMinutes', message: 'must be a whole number of minutes, 0 or more' }]],
    ['a horizon of 0 days', { bookingHorizonDays: 0 }, [{ field: 'bookingHorizonDays', message: 'must be a whole number of days, from 1 to 365' }]],
    ['a horizon of 366 days', { bookingHorizonDays: 366 }, [{ field: 'bookingHorizonDays', message: 'must be a whole number of days, from 1 to 365' }]],
    ['a horizon of 365 days', { bookingHorizonDays: 365 }, []],
    [
      'notice as long as the horizon',
      { bookingHorizonDays: 1, minimumNoticeMinutes: 1440 },
      [{ field: 'minimumNoticeMinutes', message: 'must be shorter than the booking horizon (1 day), or nothing could ever be booked' }],
    ],
    [
      'too many rules',
      { rules: Array.from({ length: 101 }, () => rule(1, '09:00', '10:00')) },
      [{ field: 'rules', message: 'must have at most 100 rules, got 101' }],
    ],
  ])('%s', (_what, overrides, problems) => {
    expect(validateAvailability({ ...valid, ...overrides })).toEqual(problems);
  });

  it('reports every problem at once', () => {
    const problems = validateAvailability({ ...valid, timeZone: 'Nowhere', rules: [rule(9, 'x', '10:00')], bookingHorizonDays: 0 });
    expect(problems.map((p) => p.field)).toEqual(['timeZone', 'rules[0].weekday', 'rules[0].start', 'bookingHorizonDays']);
  });
});

describe('validateTimeOff', () => {
  it.each([
    ['2026-06-01T10:00:00Z', '2026-06-01T12:00:00Z', []],
    ['2026-06-01T10:00:00Z', '2026-06-01T10:00:00Z', [{ field: 'end', message: 'must be after start' }]],
    ['2026-06-01T10:00:00Z', 'nonsense', [{ field: 'end', message: 'must be a date-time' }]],
  ])('%s - %s', (start, end, problems) => {
    expect(validateTimeOff({ start: new Date(start), end: new Date(end) })).toEqual(problems);
  });

  it.each([
    ['conference', []],
    ['two\r\nlines', []],
    ['off\u0000', [{ field: 'reason', message: 'must not contain control characters (found U+0000)' }]],
    ['x'.repeat(2001), [{ field: 'reason', message: 'must be at most 2000 characters' }]],
  ])('reason %j', (reason, problems) => {
    expect(validateTimeOff({ start: new Date('2026-06-01T10:00:00Z'), end: new Date('2026-06-01T12:00:00Z'), reason })).toEqual(problems);
  });
});

// Monday 2026-06-01, Berlin summer time (UTC+2); the afternoon's first hour is off.
const berlin: Availability = {
  ...valid,
  bufferAfterMinutes: 0,
  bookingHorizonDays: 30,
  timeOff: [{ start: new Date('2026-06-01T14:00:00+02:00'), end: new Date('2026-06-01T15:00:00+02:00') }],
};
const NOW = new Date('2026-05-31T12:00:00+02:00');

describe('explainUnbookableStart', () => {
  it.each<[string, string, string | null, string?]>([
    ['a slot', '2026-06-01T09:00:00+02:00', null],
    ['the last slot of an interval', '2026-06-01T11:30:00+02:00', null],
    [
      'off the grid',
      '2026-06-01T09:10:00+02:00',
      'NOT_ON_SLOT_BOUNDARY',
      '(2026-06-01 09:10 Europe/Berlin) is not on the 30-minute slot grid; the nearest start times that day are 09:00 and 09:30',
    ],
    ['off by seconds', '2026-06-01T09:00:30+02:00', 'NOT_ON_SLOT_BOUNDARY'],
    [
      'off the grid next to time off: suggests bookable starts',
      '2026-06-01T14:10:00+02:00',
      'NOT_ON_SLOT_BOUNDARY',
      '(2026-06-01 14:10 Europe/Berlin) is not on the 30-minute slot grid; the nearest start times that day are 11:30 and 15:00',
    ],
    ['off the grid after the last slot', '2026-06-01T16:40:00+02:00', 'OUTSIDE_WORKING_HOURS'],
    ['running past the end of the interval', '2026-06-01T11:45:00+02:00', 'OUTSIDE_WORKING_HOURS'],
    [
      'at the end of the interval',
      '2026-06-01T12:00:00+02:00',
      'OUTSIDE_WORKING_HOURS',
      "(2026-06-01 12:00 Europe/Berlin) is outside the doctor's working hours for a 30-minute appointment; pick one of the free slots",
    ],
    ['a day without hours', '2026-06-03T09:00:00+02:00', 'OUTSIDE_WORKING_HOURS'],
    ['in time off', '2026-06-01T14:30:00+02:00', 'IN_TIME_OFF', "(2026-06-01 14:30 Europe/Berlin) falls in the doctor's time off; pick another slot"],
    ['in the past', '2026-05-25T09:00:00+02:00', 'IN_THE_PAST', '(2026-05-25 09:00 Europe/Berlin) is in the past; choose a future slot'],
    [
      'beyond the horizon',
      '2026-07-06T09:00:00+02:00',
      'BEYOND_HORIZON',
      '(2026-07-06 09:00 Europe/Berlin) is more than 30 days ahead; book before 2026-06-30 12:00',
    ],
  ])('%s', (_what, start, reason, message) => {
    const problem = explainUnbookableStart({ start: new Date(start), availability: berlin, slotMinutes: 30, now: NOW });
    expect(problem?.reason ?? null).toBe(reason);
    if (problem) expect(problem.field).toBe('start');
    if (message) expect(problem?.message).toBe(message);
  });

  it('names the earliest time the minimum notice allows', () => {
    const problem = explainUnbookableStart({
      start: new Date('2026-06-01T09:00:00+02:00'),
      availability: berlin,
      slotMinutes: 30,
      now: new Date('2026-06-01T08:30:00+02:00'),
    });
    expect(problem).toMatchObject({
      reason: 'WITHIN_MINIMUM_NOTICE',
      earliest: new Date('2026-06-01T09:30:00+02:00'),
      message: '(2026-06-01 09:00 Europe/Berlin) is less than 60 minutes from now; the earliest bookable time is 2026-06-01 09:30',
    });
  });

  it('suggests only starts the notice still allows', () => {
    const problem = explainUnbookableStart({
      start: new Date('2026-06-01T11:20:00+02:00'),
      availability: berlin,
      slotMinutes: 30,
      now: new Date('2026-06-01T10:15:00+02:00'),
    });
    expect(problem).toMatchObject({
      reason: 'NOT_ON_SLOT_BOUNDARY',
      previous: null,
      next: new Date('2026-06-01T11:30:00+02:00'),
      message: '(2026-06-01 11:20 Europe/Berlin) is not on the 30-minute slot grid; the nearest start time that day is 11:30',
    });
  });
});

describe('booking checks with a bad slot length', () => {
  it('refuse it instead of looping', () => {
    expect(() => isOnSlotBoundary(new Date('2026-06-01T09:00:00+02:00'), berlin, 0)).toThrow(RangeError);
    expect(() => explainUnbookableStart({ start: new Date('2026-06-01T09:00:00+02:00'), availability: berlin, slotMinutes: -30, now: NOW })).toThrow(
      RangeError,
    );
  });
});

describe('slot boundaries across DST changes', () => {
  const sundays: Availability = { ...berlin, rules: [rule(7, '01:00', '04:00'), rule(7, '09:00', '10:00')], timeOff: [], bookingHorizonDays: 365 };
  it.each([
    ['09:00 local on the spring-forward day', '2026-03-29T07:00:00Z', null],
    ['08:00 UTC, 09:00 the day before, is 10:00 now', '2026-03-29T08:00:00Z', 'OUTSIDE_WORKING_HOURS'],
    ['the first 02:00 on the fall-back day', '2026-10-25T00:00:00Z', null],
    ['the second 02:00 on the fall-back day', '2026-10-25T01:00:00Z', 'NOT_ON_SLOT_BOUNDARY'],
    ['03:00 after the repeated hour', '2026-10-25T02:00:00Z', null],
  ])('%s', (_what, start, reason) => {
    expect(isOnSlotBoundary(new Date(start), sundays, 60)).toBe(reason === null);
    const problem = explainUnbookableStart({ start: new Date(start), availability: sundays, slotMinutes: 60, now: new Date('2026-03-01T00:00:00Z') });
    expect(problem?.reason ?? null).toBe(reason);
  });
});
