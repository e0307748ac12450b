import { describe, expect, it } from 'vitest';
import { parseTimeOfDay } from '../../src/domain/calendar.ts';

describe('parseTimeOfDay: "HH:MM" to minutes since midnight', () => {
  it.each([
    ['00:00', 0],
    ['09:05', 545],
    ['19:59', 1199],
    ['23:59', 1439],
  ])('%s is %i', (value, minutes) => {
    expect(parseTimeOfDay(value)).toBe(minutes);
  });

  it.each(['24:00', '24:01', '25:00', '9:00', '09:5', '09:60', '0900', '09-00', '09:0a', 'a9:00', ' 9:00', '09:00 ', '', '１２:００', '09:00:00'])(
    '%j is no time of day',
    (value) => {
      expect(parseTimeOfDay(value)).toBeNull();
    },
  );

  it('takes 24:00 as the end of the day only when asked to', () => {
    expect(parseTimeOfDay('24:00', { endOfDay: true })).toBe(1440);
    expect(parseTimeOfDay('24:01', { endOfDay: true })).toBeNull();
    expect(parseTimeOfDay('23:30', { endOfDay: true })).toBe(1410);
  });
});
