import { describe, expect, it } from 'vitest';
import { errorCodes, freeSlots, seed } from '@medappt/testkit';
import { c } from './fixtures.ts';

const SET = 'mutation($i: AvailabilityInput!) { setAvailability(input: $i) { doctorId timeZone rules { weekday start end } } }';

describe('working hours through the router', () => {
  it('names the bad field: zone, overlapping rules, times, buffers', async () => {
    const p = await seed.practice();
    const base = { doctorId: p.doctorId, timeZone: 'Europe/Berlin', rules: [{ weekday: 1, start: '09:00', end: '12:00' }] };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ timeZone: 'Mars/Olympus' }, 'input.timeZone', /IANA/],
      [{ timeZone: 'EST' }, 'input.timeZone', /IANA/],
      [
        {
          rules: [
            { weekday: 1, start: '09:00', end: '12:00' },
            { weekday: 1, start: '11:00', end: '13:00' },
          ],
        },
        'input.rules[1]',
        /overlaps rules\[0\]/,
      ],
      [{ rules: [{ weekday: 8, start: '09:00', end: '12:00' }] }, 'input.rules[0].weekday', /./],
      [{ rules: [{ weekday: 2, start: '12:00', end: '09:00' }] }, 'input.rules[0].end', /after start/],
      [{ bufferAfterMinutes: -5 }, 'input.bufferAfterMinutes', /whole number/],
    ];
    for (const [change, field, message] of cases) {
      const result = await c.call(SET, { i: { ...base, ...change } }, { token: p.doctor.accessToken });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0]?.message, field).toMatch(message);
    }
  });

  it('only the doctor and staff set hours; time off removes slots', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const hours = {
      doctorId: p.doctorId,
      timeZone: 'Europe/Berlin',
      rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    };
    expect(errorCodes(await c.call(SET, { i: hours }, { token: pat.accessToken }))).toEqual(['FORBIDDEN']);
    expect((await c.call(SET, { i: hours }, { token: p.staff.accessToken })).errors).toBeUndefined();

    const day = new Date(Date.now() + 2 * 86_400_000);
    const before = await freeSlots(p, day, 1);
    expect(before.length).toBeGreaterThan(0);
    const off = await c.call<{ addTimeOff: { id: string } }>(
      'mutation($i: TimeOffInput!) { addTimeOff(input: $i) { id start end } }',
      { i: { doctorId: p.doctorId, start: day.toISOString(), end: new Date(day.getTime() + 86_400_000).toISOString(), reason: 'conference' } },
      { token: p.doctor.accessToken },
    );
    expect(off.errors).toBeUndefined();
    expect(await freeSlots(p, day, 1)).toEqual([]);
    // The doctor's page shows the hours and the time off (both doctors in one request: one batch each).
    const other = await seed.practice();
    const HOURS =
      'query($a: ID!, $b: ID!) { a: doctor(id: $a) { availability { timeZone timeOff { id reason } } } b: doctor(id: $b) { availability { timeOff { id } } } }';
    const shown = await c.call<{
      a: { availability: { timeZone: string; timeOff: { id: string; reason: string }[] } };
      b: { availability: { timeOff: unknown[] } };
    }>(HOURS, { a: p.doctorId, b: other.doctorId }, { token: p.staff.accessToken });
    expect(shown.data?.a.availability).toEqual({ timeZone: 'Europe/Berlin', timeOff: [{ id: off.data!.addTimeOff.id, reason: 'conference' }] });
    expect(shown.data?.b.availability.timeOff).toEqual([]);
    expect(
      (await c.call('mutation($id: ID!) { removeTimeOff(id: $id) }', { id: off.data!.addTimeOff.id }, { token: p.doctor.accessToken })).errors,
    ).toBeUndefined();
    expect((await freeSlots(p, day, 1)).length).toBe(before.length);
  });
});
