import { describe, expect, it } from 'vitest';
import type { Availability, ExpandSlotsInput, Interval, WeeklyRule } from '../../src/domain/availability.ts';
import { blockedInterval, expandSlots, slotExpander } from '../../src/domain/availability.ts';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const rulesOn = (weekdays: number[], start: string, end: string, extra: Partial<WeeklyRule> = {}): WeeklyRule[] =>
  weekdays.map((weekday) => ({ weekday, start, end, ...extra }));

function availability(overrides: Partial<Availability> = {}): Availability {
  return {
    timeZone: 'Europe/Berlin',
    rules: rulesOn([1], '09:00', '12:00'),
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    bookingHorizonDays: 365,
    timeOff: [],
    ...overrides,
  };
}

const at = (iso: string) => new Date(iso);
const span = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });

function expand(overrides: Partial<Availability>, input: Partial<Omit<ExpandSlotsInput, 'availability' | 'from' | 'to'>> & { from: string; to: string }) {
  return expandSlots({
    availability: availability(overrides),
    slotMinutes: 30,
    now: at('2026-01-01T00:00:00Z'),
    busy: [],
    ...input,
    from: at(input.from),
    to: at(input.to),
  });
}

/** Slots as the doctor's wall clock shows them, e.g. "2026-03-29 03:00", computed independently of the code under test. */
function localStarts(slots: Interval[], timeZone: string): string[] {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return slots.map((s) => format.format(s.start));
}
const utcStarts = (slots: Interval[]) => slots.map((s) => s.start.toISOString().slice(0, 16));
const times = (slots: Interval[], timeZone = 'Europe/Berlin') => localStarts(slots, timeZone).map((s) => s.slice(11));

// 2026-06-01 is a Monday; Berlin is on summer time (UTC+2) in June.
const MONDAY = { from: '2026-06-01T00:00:00+02:00', to: '2026-06-02T00:00:00+02:00' };

describe('expandSlots: the grid', () => {
  it.each([
    ['30-minute slots', 30, ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']],
    ['45-minute slots end within the interval', 45, ['09:00', '09:45', '10:30', '11:15']],
    ['50-minute slots stay on the rule grid', 50, ['09:00', '09:50', '10:40']],
    ['a service longer than the interval gets nothing', 200, []],
  ])('%s', (_what, slotMinutes, expected) => {
    expect(times(expand({}, { ...MONDAY, slotMinutes }))).toEqual(expected);
  });

  it('returns UTC instants with the service duration', () => {
    expect(expand({}, { ...MONDAY, slotMinutes: 60 })).toEqual([
      span('2026-06-01T07:00:00Z', '2026-06-01T08:00:00Z'),
      span('2026-06-01T08:00:00Z', '2026-06-01T09:00:00Z'),
      span('2026-06-01T09:00:00Z', '2026-06-01T10:00:00Z'),
    ]);
  });

  it('offers several intervals a day, sorted, whatever the rule order', () => {
    const rules = [...rulesOn([1], '14:00', '17:00'), ...rulesOn([1], '09:00', '12:00')];
    expect(times(expand({ rules }, { ...MONDAY, slotMinutes: 60 }))).toEqual(['09:00', '10:00', '11:00', '14:00', '15:00', '16:00']);
  });

  it('runs until midnight with an end of 24:00', () => {
    expect(times(expand({ rules: rulesOn([1], '22:00', '24:00') }, { ...MONDAY, slotMinutes: 60 }))).toEqual(['22:00', '23:00']);
  });

  it('offers only the weekdays of the rules', () => {
    const week = { from: '2026-06-01T00:00:00+02:00', to: '2026-06-08T00:00:00+02:00', slotMinutes: 60 };
    const slots = expand({ rules: [...rulesOn([2], '10:00', '11:00'), ...rulesOn([5], '15:00', '16:00')] }, week);
    expect(localStarts(slots, 'Europe/Berlin')).toEqual(['2026-06-02 10:00', '2026-06-05 15:00']);
  });

  it('gives each start once when (invalid) rules overlap', () => {
    const rules = [...rulesOn([1], '09:00', '11:00'), ...rulesOn([1], '10:00', '12:00')];
    expect(times(expand({ rules }, { ...MONDAY, slotMinutes: 60 }))).toEqual(['09:00', '10:00', '11:00']);
  });

  it('refuses a slot length that is not a positive whole number, and rules that were never valid', () => {
    expect(() => expand({}, { ...MONDAY, slotMinutes: 0 })).toThrow(RangeError);
    expect(() => expand({}, { ...MONDAY, slotMinutes: 12.5 })).toThrow(RangeError);
    expect(() => expand({ rules: rulesOn([1], '12:00', '09:00') }, MONDAY)).toThrow(/rules\[0\]/);
  });
});

describe('expandSlots: the window, notice and horizon', () => {
  it.each([
    [
      'a slot starting at `from` is in, one starting at `to` is out',
      { from: '2026-06-01T09:30:00+02:00', to: '2026-06-01T10:30:00+02:00' },
      ['09:30', '10:00'],
    ],
    ['a slot that started before `from` is out', { from: '2026-06-01T09:10:00+02:00', to: '2026-06-01T10:30:00+02:00' }, ['09:30', '10:00']],
    ['an empty window', { from: '2026-06-01T10:00:00+02:00', to: '2026-06-01T10:00:00+02:00' }, []],
    ['a reversed window', { from: '2026-06-02T00:00:00+02:00', to: '2026-06-01T00:00:00+02:00' }, []],
  ])('%s', (_what, window, expected) => {
    expect(times(expand({}, window))).toEqual(expected);
  });

  it.each([
    ['no notice: anything after now', '2026-06-01T09:40:00+02:00', 0, ['10:00', '10:30', '11:00', '11:30']],
    ['60 minutes: the first start at or after now + 60 min', '2026-06-01T08:10:00+02:00', 60, ['09:30', '10:00', '10:30', '11:00', '11:30']],
    ['exactly the notice is enough', '2026-06-01T08:00:00+02:00', 60, ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']],
    ['a day of notice empties today', '2026-06-01T08:00:00+02:00', 24 * 60, []],
  ])('minimum notice, %s', (_what, now, minimumNoticeMinutes, expected) => {
    expect(times(expand({ minimumNoticeMinutes }, { ...MONDAY, now: at(now) }))).toEqual(expected);
  });

  it('stops at the booking horizon (a slot exactly at now + horizon is beyond it)', () => {
    const slots = expand(
      { rules: rulesOn(EVERY_DAY, '09:00', '10:00'), bookingHorizonDays: 2 },
      { from: '2026-06-01T00:00:00+02:00', to: '2026-06-30T00:00:00+02:00', now: at('2026-06-01T09:00:00+02:00'), slotMinutes: 60 },
    );
    expect(localStarts(slots, 'Europe/Berlin')).toEqual(['2026-06-01 09:00', '2026-06-02 09:00']);
  });

  it('applies validFrom and validUntil (inclusive) by the local date', () => {
    const rules = rulesOn([1], '09:00', '10:00', { validFrom: '2026-06-08', validUntil: '2026-06-15' });
    const slots = expand({ rules }, { from: '2026-05-25T00:00:00Z', to: '2026-06-30T00:00:00Z', slotMinutes: 60 });
    expect(localStarts(slots, 'Europe/Berlin')).toEqual(['2026-06-08 09:00', '2026-06-15 09:00']);
  });

  it('switches to a new rule from its validFrom', () => {
    const rules = [...rulesOn([1], '09:00', '10:00', { validUntil: '2026-06-07' }), ...rulesOn([1], '14:00', '15:00', { validFrom: '2026-06-08' })];
    const slots = expand({ rules }, { from: '2026-06-01T00:00:00Z', to: '2026-06-16T00:00:00Z', slotMinutes: 60 });
    expect(localStarts(slots, 'Europe/Berlin')).toEqual(['2026-06-01 09:00', '2026-06-08 14:00', '2026-06-15 14:00']);
  });
});

describe('expandSlots: time off, bookings and buffers', () => {
  it.each([
    [
      'a lunch break splits the day',
      [span('2026-06-01T12:00:00+02:00', '2026-06-01T13:00:00+02:00')],
      ['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00'],
    ],
    [
      'a slot touched by time off is gone, the grid stays',
      [span('2026-06-01T12:10:00+02:00', '2026-06-01T13:00:00+02:00')],
      ['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00'],
    ],
    [
      'time off ending mid-slot blocks that slot',
      [span('2026-06-01T08:00:00+02:00', '2026-06-01T09:01:00+02:00')],
      ['10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00'],
    ],
    ['a whole-day holiday', [span('2026-06-01T00:00:00+02:00', '2026-06-02T00:00:00+02:00')], []],
    [
      'overlapping time-off entries',
      [span('2026-06-01T09:00:00+02:00', '2026-06-01T11:00:00+02:00'), span('2026-06-01T10:00:00+02:00', '2026-06-01T12:00:00+02:00')],
      ['12:00', '13:00', '14:00', '15:00', '16:00'],
    ],
  ])('%s', (_what, timeOff, expected) => {
    const slots = expand({ rules: rulesOn([1], '09:00', '17:00'), timeOff }, { ...MONDAY, slotMinutes: 60 });
    expect(times(slots)).toEqual(expected);
  });

  const booked = span('2026-06-01T10:00:00+02:00', '2026-06-01T10:30:00+02:00');
  it.each([
    ['no buffers: only the booked slot goes', 0, 0, ['09:00', '09:15', '09:30', '09:45', '10:30', '10:45', '11:00', '11:15']],
    // Needs bufferAfter + bufferBefore = 15 minutes between two appointments, either way round.
    ['10 before, 5 after', 10, 5, ['09:00', '09:15', '09:30', '10:45', '11:00', '11:15']],
    ['15 after only: the same gap', 0, 15, ['09:00', '09:15', '09:30', '10:45', '11:00', '11:15']],
  ])('buffers, %s', (_what, bufferBeforeMinutes, bufferAfterMinutes, expected) => {
    const slots = expand({ rules: rulesOn([1], '09:00', '11:30'), bufferBeforeMinutes, bufferAfterMinutes }, { ...MONDAY, slotMinutes: 15, busy: [booked] });
    expect(times(slots)).toEqual(expected);
  });

  it('keeps buffers off working-hour edges and time off', () => {
    const slots = expand(
      {
        rules: rulesOn([1], '09:00', '12:00'),
        bufferBeforeMinutes: 30,
        bufferAfterMinutes: 30,
        timeOff: [span('2026-06-01T10:00:00+02:00', '2026-06-01T11:00:00+02:00')],
      },
      { ...MONDAY, slotMinutes: 60 },
    );
    expect(times(slots)).toEqual(['09:00', '11:00']);
  });

  it('blocks every slot a booking of another length overlaps', () => {
    const busy = [span('2026-06-01T09:15:00+02:00', '2026-06-01T10:00:00+02:00'), span('2026-06-01T11:50:00+02:00', '2026-06-01T12:30:00+02:00')];
    expect(times(expand({}, { ...MONDAY, busy }))).toEqual(['10:00', '10:30', '11:00']);
  });

  it('widens an appointment by the buffers, as the database blocks it', () => {
    expect(blockedInterval(booked, { bufferBeforeMinutes: 10, bufferAfterMinutes: 5 })).toEqual(span('2026-06-01T09:50:00+02:00', '2026-06-01T10:35:00+02:00'));
  });
});

describe('expandSlots across DST changes: 09:00 stays 09:00 local', () => {
  it.each([
    ['Europe/Berlin', 'spring', '2026-03-28', ['2026-03-28T08:00', '2026-03-29T07:00', '2026-03-30T07:00']],
    ['Europe/Berlin', 'autumn', '2026-10-24', ['2026-10-24T07:00', '2026-10-25T08:00', '2026-10-26T08:00']],
    ['America/New_York', 'spring', '2026-03-07', ['2026-03-07T14:00', '2026-03-08T13:00', '2026-03-09T13:00']],
    ['America/New_York', 'autumn', '2026-10-31', ['2026-10-31T13:00', '2026-11-01T14:00', '2026-11-02T14:00']],
    ['Australia/Sydney', 'autumn (April)', '2026-04-04', ['2026-04-03T22:00', '2026-04-04T23:00', '2026-04-05T23:00']],
    ['Australia/Sydney', 'spring (October)', '2026-10-03', ['2026-10-02T23:00', '2026-10-03T22:00', '2026-10-04T22:00']],
    ['Pacific/Auckland', 'autumn (April)', '2026-04-04', ['2026-04-03T20:00', '2026-04-04T21:00', '2026-04-05T21:00']],
    ['Pacific/Auckland', 'spring (September)', '2026-09-26', ['2026-09-25T21:00', '2026-09-26T20:00', '2026-09-27T20:00']],
  ])('%s, %s', (timeZone, _season, firstDate, expectedUtc) => {
    const firstDay = new Date(`${firstDate}T00:00:00Z`).getTime();
    const slots = expandSlots({
      availability: availability({ timeZone, rules: rulesOn(EVERY_DAY, '09:00', '10:00') }),
      slotMinutes: 60,
      // A generous UTC window; the local dates below pin down the three days.
      from: new Date(firstDay - 86_400_000),
      to: new Date(firstDay + 4 * 86_400_000),
      now: at('2026-01-01T00:00:00Z'),
      busy: [],
    }).filter((s) => localStarts([s], timeZone)[0]!.slice(0, 10) >= firstDate);
    expect(utcStarts(slots).slice(0, 3)).toEqual(expectedUtc);
    expect(
      localStarts(slots, timeZone)
        .slice(0, 3)
        .map((s) => s.slice(11)),
    ).toEqual(['09:00', '09:00', '09:00']);
  });
});

describe('expandSlots on the DST change days themselves', () => {
  const sunday = (timeZone: string, date: string, start: string, end: string, slotMinutes: number) =>
    expandSlots({
      availability: availability({ timeZone, rules: rulesOn([7], start, end) }),
      slotMinutes,
      // Wide enough for the whole local Sunday; no other day has a rule.
      from: new Date(new Date(`${date}T00:00:00Z`).getTime() - 86_400_000),
      to: new Date(new Date(`${date}T00:00:00Z`).getTime() + 2 * 86_400_000),
      now: at('2026-01-01T00:00:00Z'),
      busy: [],
    });

  it.each([
    // what, zone, local Sunday, rule, slot minutes, local starts, UTC starts
    [
      'Berlin: a rule across the gap skips 02:00 and 02:30',
      'Europe/Berlin',
      '2026-03-29',
      '01:00',
      '05:00',
      30,
      ['01:00', '01:30', '03:00', '03:30', '04:00', '04:30'],
      ['2026-03-29T00:00', '2026-03-29T00:30', '2026-03-29T01:00', '2026-03-29T01:30', '2026-03-29T02:00', '2026-03-29T02:30'],
    ],
    [
      'Berlin: hourly slots across the gap',
      'Europe/Berlin',
      '2026-03-29',
      '01:00',
      '05:00',
      60,
      ['01:00', '03:00', '04:00'],
      ['2026-03-29T00:00', '2026-03-29T01:00', '2026-03-29T02:00'],
    ],
    // 01:30 CET + 90 minutes ends at 04:00 CEST, so 03:00 would overlap it and is dropped.
    [
      'Berlin: a slot straddling the gap keeps its length, the next one goes',
      'Europe/Berlin',
      '2026-03-29',
      '00:00',
      '06:00',
      90,
      ['00:00', '01:30', '04:30'],
      ['2026-03-28T23:00', '2026-03-29T00:30', '2026-03-29T02:30'],
    ],
    [
      'Berlin: 45-minute slots around the gap',
      'Europe/Berlin',
      '2026-03-29',
      '00:00',
      '04:30',
      45,
      ['00:00', '00:45', '01:30', '03:45'],
      ['2026-03-28T23:00', '2026-03-28T23:45', '2026-03-29T00:30', '2026-03-29T01:45'],
    ],
    // The interval ends when the clock jumps past 02:30, at 01:00 UTC: a slot may run up to it.
    ['Berlin: a rule ending inside the gap', 'Europe/Berlin', '2026-03-29', '00:00', '02:30', 60, ['00:00', '01:00'], ['2026-03-28T23:00', '2026-03-29T00:00']],
    ['Berlin: a rule starting inside the gap keeps its grid', 'Europe/Berlin', '2026-03-29', '02:30', '05:00', 60, ['03:30'], ['2026-03-29T01:30']],
    [
      'Berlin: the repeated hour yields one slot per wall time',
      'Europe/Berlin',
      '2026-10-25',
      '01:00',
      '04:00',
      60,
      ['01:00', '02:00', '03:00'],
      ['2026-10-24T23:00', '2026-10-25T00:00', '2026-10-25T02:00'],
    ],
    [
      'Berlin: 30-minute slots in the repeated hour',
      'Europe/Berlin',
      '2026-10-25',
      '02:00',
      '03:30',
      30,
      ['02:00', '02:30', '03:00'],
      ['2026-10-25T00:00', '2026-10-25T00:30', '2026-10-25T02:00'],
    ],
    [
      'New York: a rule across the gap',
      'America/New_York',
      '2026-03-08',
      '01:00',
      '04:00',
      30,
      ['01:00', '01:30', '03:00', '03:30'],
      ['2026-03-08T06:00', '2026-03-08T06:30', '2026-03-08T07:00', '2026-03-08T07:30'],
    ],
    [
      'New York: the repeated hour',
      'America/New_York',
      '2026-11-01',
      '00:00',
      '03:00',
      30,
      ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30'],
      ['2026-11-01T04:00', '2026-11-01T04:30', '2026-11-01T05:00', '2026-11-01T05:30', '2026-11-01T07:00', '2026-11-01T07:30'],
    ],
    [
      'Sydney: a rule across the October gap',
      'Australia/Sydney',
      '2026-10-04',
      '01:00',
      '04:00',
      60,
      ['01:00', '03:00'],
      ['2026-10-03T15:00', '2026-10-03T16:00'],
    ],
    [
      'Sydney: the repeated hour in April',
      'Australia/Sydney',
      '2026-04-05',
      '01:00',
      '04:00',
      60,
      ['01:00', '02:00', '03:00'],
      ['2026-04-04T14:00', '2026-04-04T15:00', '2026-04-04T17:00'],
    ],
  ] as const)('%s', (_what, timeZone, date, start, end, slotMinutes, local, utc) => {
    const slots = sunday(timeZone, date, start, end, slotMinutes);
    expect(times(slots, timeZone)).toEqual(local);
    expect(utcStarts(slots)).toEqual(utc);
    for (const [i, slot] of slots.entries()) {
      expect(slot.end.getTime() - slot.start.getTime()).toBe(slotMinutes * 60_000);
      if (i > 0) expect(slot.start.getTime()).toBeGreaterThanOrEqual(slots[i - 1]!.end.getTime());
    }
  });
});

describe('expandSlots across midnight of the UTC day', () => {
  it.each([
    // Local Monday morning is still Sunday in UTC.
    ['Asia/Kolkata', '04:00', '06:00', '2026-05-31T00:00:00Z', '2026-06-01T00:00:00Z', ['2026-05-31T22:30', '2026-05-31T23:30']],
    ['Pacific/Auckland', '09:00', '11:00', '2026-05-31T00:00:00Z', '2026-06-01T00:00:00Z', ['2026-05-31T21:00', '2026-05-31T22:00']],
    // Local Monday evening is already Tuesday in UTC.
    ['America/Los_Angeles', '16:00', '18:00', '2026-06-01T20:00:00Z', '2026-06-02T20:00:00Z', ['2026-06-01T23:00', '2026-06-02T00:00']],
  ])('%s Monday %s-%s inside UTC window %s', (timeZone, start, end, from, to, expected) => {
    const slots = expand({ timeZone, rules: rulesOn([1], start, end) }, { from, to, slotMinutes: 60 });
    expect(utcStarts(slots)).toEqual(expected);
  });

  it('applies validity by the doctor’s local date, not the UTC date', () => {
    // Monday 2026-06-08 09:00 in Auckland is Sunday 2026-06-07 21:00 UTC.
    const rules = rulesOn([1], '09:00', '10:00', { validFrom: '2026-06-08', validUntil: '2026-06-08' });
    const slots = expand({ timeZone: 'Pacific/Auckland', rules }, { from: '2026-06-01T00:00:00Z', to: '2026-06-30T00:00:00Z', slotMinutes: 60 });
    expect(utcStarts(slots)).toEqual(['2026-06-07T21:00']);
  });
});

describe('expandSlots agrees with reading the clock every quarter hour', () => {
  // An oracle independent of the code under test: walk UTC in 15-minute steps (every zone's offset
  // is a multiple of 15 minutes) and take the first instant at which the clock shows each full hour.
  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'])('%s, every hour of 2026', (timeZone) => {
    const from = at('2026-01-01T00:00:00Z');
    const to = at('2027-01-01T00:00:00Z');
    const format = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const firstSeen = new Map<string, number>();
    for (let t = from.getTime() - 2 * 86_400_000; t < to.getTime() + 2 * 86_400_000; t += 15 * 60_000) {
      const wall = format.format(t);
      if (wall.endsWith(':00') && !firstSeen.has(wall)) firstSeen.set(wall, t);
    }
    const expected = [...firstSeen.values()].filter((t) => t >= from.getTime() && t < to.getTime()).map((t) => new Date(t).toISOString());

    const slots = expandSlots({
      availability: availability({ timeZone, rules: rulesOn(EVERY_DAY, '00:00', '24:00') }),
      slotMinutes: 60,
      from,
      to,
      now: from,
      busy: [],
    });
    expect(slots.map((s) => s.start.toISOString())).toEqual(expected);
  });
});

describe('slotExpander: one doctor prepared once, expanded window by window', () => {
  // What a search does: the same doctor, day after day; each window must give what expandSlots gives.
  it.each([
    ['Europe/Berlin across the spring change', 'Europe/Berlin', '2026-03-26T00:00:00Z'],
    ['America/New_York across the autumn change', 'America/New_York', '2026-10-29T00:00:00Z'],
    ['Asia/Kolkata, windows cut at UTC midnight', 'Asia/Kolkata', '2026-06-01T00:00:00Z'],
  ])('%s', (_name, timeZone, fromIso) => {
    const hours = availability({
      timeZone,
      rules: [...rulesOn([1, 2, 3, 4, 5], '09:00', '12:00'), ...rulesOn([1, 2, 3, 4, 5], '13:00', '17:00'), ...rulesOn([7], '01:00', '04:00')],
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 5,
      minimumNoticeMinutes: 120,
      bookingHorizonDays: 5,
      timeOff: [span('2026-03-27T10:00:00Z', '2026-03-27T13:00:00Z'), span('2026-11-02T14:00:00Z', '2026-11-02T16:00:00Z')],
    });
    const from = at(fromIso).getTime();
    const busy = [span(new Date(from + 86_400_000 + 9 * 3_600_000).toISOString(), new Date(from + 86_400_000 + 10 * 3_600_000).toISOString())];
    const input = { availability: hours, slotMinutes: 45, now: at(new Date(from + 3 * 3_600_000).toISOString()), busy };
    const expander = slotExpander(input);
    // Days in order, then again out of order and in halves (each day's grid is remembered).
    const windows = [0, 1, 2, 3, 4, 5, 6, 7, 5, 2, 0].flatMap((day) => [
      [day * 24, day * 24 + 24],
      [day * 24 + 12, day * 24 + 24],
    ]);
    for (const [fromHour, toHour] of windows) {
      const window = { from: new Date(from + fromHour! * 3_600_000), to: new Date(from + toHour! * 3_600_000) };
      expect(expander.starts(window.from, window.to).map((start) => new Date(start).toISOString())).toEqual(
        expandSlots({ ...input, ...window }).map((s) => s.start.toISOString()),
      );
    }
  });

  it('checks the slot length when prepared, and the rules only when a window needs them', () => {
    expect(() => slotExpander({ availability: availability(), slotMinutes: 0, now: at('2026-01-01T00:00:00Z'), busy: [] })).toThrow(RangeError);
    const broken = slotExpander({
      availability: availability({ rules: [{ weekday: 9, start: '09:00', end: '10:00' }] }),
      slotMinutes: 30,
      now: at('2026-01-01T00:00:00Z'),
      busy: [],
    });
    expect(broken.starts(at('2025-01-01T00:00:00Z'), at('2025-01-02T00:00:00Z'))).toEqual([]);
    expect(() => broken.starts(at('2026-06-01T00:00:00Z'), at('2026-06-02T00:00:00Z'))).toThrow(RangeError);
  });
});
