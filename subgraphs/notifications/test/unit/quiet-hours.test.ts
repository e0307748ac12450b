import { describe, expect, it } from 'vitest';
import { problemOf } from './problem.ts';
import type { QuietHours } from '../../src/domain/quiet-hours.ts';
import { deliverAt, validateQuietHours } from '../../src/domain/quiet-hours.ts';

const quiet = (start: string, end: string, timeZone = 'Europe/Berlin'): QuietHours => ({ start, end, timeZone });

describe('deliverAt', () => {
  it.each<[string, QuietHours | null, string, string]>([
    // what, quiet hours, now, delivered at (Berlin is UTC+1 in winter, UTC+2 in summer)
    ['no quiet hours', null, '2026-06-01T23:00:00Z', '2026-06-01T23:00:00.000Z'],
    ['overnight: before the start', quiet('22:00', '07:00'), '2026-06-01T21:59:00+02:00', '2026-06-01T19:59:00.000Z'],
    ['overnight: at the start', quiet('22:00', '07:00'), '2026-06-01T22:00:00+02:00', '2026-06-02T05:00:00.000Z'],
    ['overnight: before midnight', quiet('22:00', '07:00'), '2026-06-01T23:30:00+02:00', '2026-06-02T05:00:00.000Z'],
    ['overnight: after midnight', quiet('22:00', '07:00'), '2026-06-02T03:00:00+02:00', '2026-06-02T05:00:00.000Z'],
    ['overnight: a second before the end', quiet('22:00', '07:00'), '2026-06-02T06:59:59+02:00', '2026-06-02T05:00:00.000Z'],
    ['overnight: at the end', quiet('22:00', '07:00'), '2026-06-02T07:00:00+02:00', '2026-06-02T05:00:00.000Z'],
    ['overnight: midday', quiet('22:00', '07:00'), '2026-06-02T12:00:00+02:00', '2026-06-02T10:00:00.000Z'],
    ['same day: before', quiet('13:00', '14:00'), '2026-06-01T12:59:00+02:00', '2026-06-01T10:59:00.000Z'],
    ['same day: at the start', quiet('13:00', '14:00'), '2026-06-01T13:00:00+02:00', '2026-06-01T12:00:00.000Z'],
    ['same day: inside', quiet('13:00', '14:00'), '2026-06-01T13:45:30+02:00', '2026-06-01T12:00:00.000Z'],
    ['same day: at the end', quiet('13:00', '14:00'), '2026-06-01T14:00:00+02:00', '2026-06-01T12:00:00.000Z'],
    ['same day: late evening', quiet('13:00', '14:00'), '2026-06-01T23:00:00+02:00', '2026-06-01T21:00:00.000Z'],
    ['from midnight', quiet('00:00', '06:00'), '2026-06-01T00:00:00+02:00', '2026-06-01T04:00:00.000Z'],
    ['until midnight', quiet('20:00', '00:00'), '2026-06-01T23:59:00+02:00', '2026-06-01T22:00:00.000Z'],
    // Berlin springs forward on 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00Z.
    ['spring forward: a short night', quiet('22:00', '07:00'), '2026-03-28T23:30:00+01:00', '2026-03-29T05:00:00.000Z'],
    ['spring forward: end in the gap', quiet('00:00', '02:30'), '2026-03-29T01:30:00+01:00', '2026-03-29T01:00:00.000Z'],
    ['spring forward: end at the skipped hour', quiet('01:00', '02:00'), '2026-03-29T01:15:00+01:00', '2026-03-29T01:00:00.000Z'],
    ['spring forward: after the gap, past the end', quiet('00:00', '02:30'), '2026-03-29T03:15:00+02:00', '2026-03-29T01:15:00.000Z'],
    ['spring forward: start in the gap', quiet('02:30', '07:00'), '2026-03-29T03:10:00+02:00', '2026-03-29T05:00:00.000Z'],
    // Berlin falls back on 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00Z; 02:00-03:00 happens twice.
    ['fall back: a long night', quiet('22:00', '07:00'), '2026-10-24T23:00:00+02:00', '2026-10-25T06:00:00.000Z'],
    ['fall back: end in the repeated hour, first pass', quiet('00:00', '02:30'), '2026-10-25T01:00:00+02:00', '2026-10-25T00:30:00.000Z'],
    ['fall back: between the two readings of the end', quiet('00:00', '02:30'), '2026-10-25T02:45:00+02:00', '2026-10-25T00:45:00.000Z'],
    ['fall back: end in the repeated hour, second pass', quiet('00:00', '02:30'), '2026-10-25T02:10:00+01:00', '2026-10-25T01:30:00.000Z'],
    // New York springs forward on 2026-03-08 (07:00Z) and falls back on 2026-11-01 (06:00Z).
    ['New York spring forward', quiet('22:00', '07:00', 'America/New_York'), '2026-03-07T23:00:00-05:00', '2026-03-08T11:00:00.000Z'],
    ['New York: end in the gap', quiet('01:00', '02:30', 'America/New_York'), '2026-03-08T01:30:00-05:00', '2026-03-08T07:00:00.000Z'],
    ['New York fall back', quiet('21:00', '07:00', 'America/New_York'), '2026-10-31T22:00:00-04:00', '2026-11-01T12:00:00.000Z'],
    ['New York: end in the repeated hour', quiet('00:00', '01:30', 'America/New_York'), '2026-11-01T01:10:00-05:00', '2026-11-01T06:30:00.000Z'],
    ['a zone ahead of UTC across the UTC date line', quiet('22:00', '07:00', 'Pacific/Auckland'), '2026-06-01T10:30:00Z', '2026-06-01T19:00:00.000Z'],
  ])('%s', (_what, hours, now, expected) => {
    expect(deliverAt(new Date(now), hours).toISOString()).toBe(expected);
  });

  it('refuses quiet hours that were never validated', () => {
    expect(() => deliverAt(new Date(), quiet('7:00', '08:00'))).toThrow(RangeError);
    expect(() => deliverAt(new Date(), quiet('08:00', '08:00'))).toThrow(RangeError);
  });
});

describe('validateQuietHours', () => {
  it.each<[string, { start: string; end: string; timeZone: string }, string | undefined, { field: string; message: string } | null]>([
    ['overnight', quiet('22:00', '07:00'), undefined, null],
    ['same day', quiet('13:00', '14:00', 'America/New_York'), undefined, null],
    ['UTC', quiet('00:00', '23:59', 'UTC'), undefined, null],
    ['a zone alias missing from Intl.supportedValuesOf', quiet('22:00', '06:00', 'Asia/Kolkata'), undefined, null],
    [
      'a start without a leading zero',
      quiet('7:00', '08:00'),
      undefined,
      { field: 'quietHours.start', message: 'quietHours.start: must be a time like 22:00 (HH:MM, 00:00-23:59), got "7:00"' },
    ],
    [
      'an end of 24:00',
      quiet('22:00', '24:00'),
      'input.quietHours',
      { field: 'input.quietHours.end', message: 'input.quietHours.end: must be a time like 07:00 (HH:MM, 00:00-23:59), got "24:00"' },
    ],
    [
      'start equal to end',
      quiet('22:00', '22:00'),
      undefined,
      { field: 'quietHours.end', message: 'quietHours.end: must differ from start (22:00); for overnight quiet hours give an earlier end, like 22:00-07:00' },
    ],
    [
      'an unknown zone',
      quiet('22:00', '07:00', 'Mars/Olympus'),
      undefined,
      { field: 'quietHours.timeZone', message: 'quietHours.timeZone: must be an IANA time zone like Europe/Berlin, got "Mars/Olympus"' },
    ],
    [
      'an abbreviation without DST',
      quiet('22:00', '07:00', 'EST'),
      'input.quietHours',
      { field: 'input.quietHours.timeZone', message: 'input.quietHours.timeZone: must be an IANA time zone like Europe/Berlin, got "EST"' },
    ],
  ])('%s', (_what, input, field, problem) => {
    const problems = validateQuietHours(input);
    if (!problem) expect(problems).toEqual([]);
    else expect(problemOf(problems, field ?? 'quietHours')).toEqual({ code: 'BAD_USER_INPUT', ...problem });
  });
});
