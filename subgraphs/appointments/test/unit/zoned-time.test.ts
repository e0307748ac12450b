import { describe, expect, it } from 'vitest';
import { isIanaTimeZone, offsetMsAt } from '@medappt/platform/domain';
import { instantToZonedWallTime, offsetMinutesAt, offsetMsOf, resolveWallTime, zonedWallTimeToInstant } from '../../src/domain/zoned-time.ts';

describe('resolveWallTime', () => {
  it.each([
    // zone, date, time, expected
    ['Europe/Berlin', '2026-03-29', '01:59', 'unique 2026-03-29T00:59:00.000Z'],
    ['Europe/Berlin', '2026-03-29', '02:00', 'skipped 2026-03-29T01:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29', '02:30', 'skipped 2026-03-29T01:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29', '03:00', 'unique 2026-03-29T01:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '01:59', 'unique 2026-10-24T23:59:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '02:00', 'ambiguous 2026-10-25T00:00:00.000Z 2026-10-25T01:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '02:30', 'ambiguous 2026-10-25T00:30:00.000Z 2026-10-25T01:30:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '03:00', 'unique 2026-10-25T02:00:00.000Z'],
    ['America/New_York', '2026-03-08', '02:30', 'skipped 2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-03-08', '03:00', 'unique 2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', 'ambiguous 2026-11-01T05:30:00.000Z 2026-11-01T06:30:00.000Z'],
    ['America/New_York', '2026-11-01', '02:00', 'unique 2026-11-01T07:00:00.000Z'],
    // Southern hemisphere: summer time ends in April and starts in October.
    ['Australia/Sydney', '2026-04-05', '02:30', 'ambiguous 2026-04-04T15:30:00.000Z 2026-04-04T16:30:00.000Z'],
    ['Australia/Sydney', '2026-10-04', '02:30', 'skipped 2026-10-03T16:00:00.000Z'],
    ['Australia/Sydney', '2026-10-04', '09:00', 'unique 2026-10-03T22:00:00.000Z'],
    // Half-hour shifts and a skipped calendar day.
    ['Australia/Lord_Howe', '2026-10-04', '02:15', 'skipped 2026-10-03T15:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', 'ambiguous 2026-04-04T14:45:00.000Z 2026-04-04T15:15:00.000Z'],
    ['Pacific/Apia', '2011-12-30', '12:00', 'skipped 2011-12-30T10:00:00.000Z'],
    ['Asia/Kolkata', '2026-06-01', '04:00', 'unique 2026-05-31T22:30:00.000Z'],
    ['UTC', '2026-03-29', '02:30', 'unique 2026-03-29T02:30:00.000Z'],
  ])('%s %s %s → %s', (zone, date, time, expected) => {
    const resolved = resolveWallTime(date, time, zone);
    const shown =
      resolved.kind === 'unique'
        ? `unique ${resolved.instant.toISOString()}`
        : resolved.kind === 'ambiguous'
          ? `ambiguous ${resolved.earlier.toISOString()} ${resolved.later.toISOString()}`
          : `skipped ${resolved.transition.toISOString()}`;
    expect(shown).toBe(expected);
  });

  it('rejects dates and times that are not real', () => {
    expect(() => resolveWallTime('2026-02-30', '09:00', 'Europe/Berlin')).toThrow(/2026-02-30/);
    expect(() => resolveWallTime('2026-02-03', '9:00', 'Europe/Berlin')).toThrow(/09:30/);
  });
});

describe('zonedWallTimeToInstant', () => {
  it.each([
    ['a normal time', 'Europe/Berlin', '2026-06-01', '09:00', '2026-06-01T07:00:00.000Z'],
    ['a time in the spring-forward gap has none', 'Europe/Berlin', '2026-03-29', '02:30', null],
    ['an ambiguous time is its first occurrence', 'Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['New York gap', 'America/New_York', '2026-03-08', '02:00', null],
    ['New York overlap', 'America/New_York', '2026-11-01', '01:00', '2026-11-01T05:00:00.000Z'],
    ['a local time on the previous UTC day', 'Pacific/Auckland', '2026-06-01', '09:00', '2026-05-31T21:00:00.000Z'],
  ])('%s', (_what, zone, date, time, expected) => {
    expect(zonedWallTimeToInstant(date, time, zone)?.toISOString() ?? null).toBe(expected);
  });
});

describe('offsets and wall-clock readings', () => {
  it.each([
    ['Europe/Berlin', '2026-03-29T00:59:59Z', 60],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 120],
    ['America/New_York', '2026-11-01T05:59:59Z', -240],
    ['America/New_York', '2026-11-01T06:00:00Z', -300],
    ['Asia/Kolkata', '2026-01-01T00:00:00Z', 330],
    ['Australia/Lord_Howe', '2026-01-01T00:00:00Z', 660],
    ['Australia/Lord_Howe', '2026-07-01T00:00:00Z', 630],
  ])('%s at %s is UTC%+d min', (zone, instant, minutes) => {
    expect(offsetMinutesAt(new Date(instant), zone)).toBe(minutes);
  });

  it('reads the wall clock of an instant, including the repeated hour', () => {
    expect(instantToZonedWallTime(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-10-25', time: '02:30', weekday: 7 });
    expect(instantToZonedWallTime(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-10-25', time: '02:30', weekday: 7 });
    expect(instantToZonedWallTime(new Date('2026-05-31T22:30:00Z'), 'Asia/Kolkata')).toEqual({ date: '2026-06-01', time: '04:00', weekday: 1 });
  });
});

describe('isIanaTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Asia/Kolkata', true],
    ['UTC', true],
    ['Etc/GMT+5', true],
    ['Mars/Olympus', false],
    ['europe/berlin', false],
    ['EST', false],
    ['+01:00', false],
    ['', false],
  ])('%j → %s', (zone, valid) => expect(isIanaTimeZone(zone)).toBe(valid));
});

describe('offsetMsOf (remembered per day) agrees with asking Intl at every instant', () => {
  // Every 28 min 53 s through 2026, so each day is sampled at other times of day, plus the second
  // before a sample that sees a new offset; the table below pins the changes to the second.
  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Asia/Kolkata', 'UTC'])('%s, 2026', (zone) => {
    const mismatches: string[] = [];
    let previous = offsetMsAt(zone, Date.UTC(2026, 0, 1));
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 1_733_000) {
      const expected = offsetMsAt(zone, t);
      const instants = expected === previous ? [t] : [t - 1000, t];
      previous = expected;
      for (const instant of instants) {
        if (offsetMsOf(zone, instant) !== offsetMsAt(zone, instant)) mismatches.push(new Date(instant).toISOString());
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    // zone, instant, offset in minutes: both sides of a change, to the second
    ['Europe/Berlin', '2026-03-29T00:59:59Z', 60],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 120],
    ['Europe/Berlin', '2026-10-25T00:59:59Z', 120],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', 60],
    ['Australia/Lord_Howe', '2026-10-03T15:29:59Z', 630],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', 660],
    ['Pacific/Apia', '2011-12-30T09:59:59Z', -600],
    ['Pacific/Apia', '2011-12-30T10:00:00Z', 840],
    ['Asia/Kolkata', '2026-06-01T12:00:00.500Z', 330],
  ])('%s at %s: %d minutes', (zone, iso, minutes) => {
    expect(offsetMsOf(zone, Date.parse(iso)) / 60_000).toBe(minutes);
  });
});
