import { describe, expect, it } from 'vitest';
import { errorCodes, type GraphQLResult, book, freeSlots, seed } from '@medappt/testkit';
import { c, SLOTS } from './fixtures.ts';

const ADD_TIME_OFF = 'mutation($i: TimeOffInput!) { addTimeOff(input: $i) { id reason } }';
const TIME_OFF = 'query($d: ID!) { doctor(id: $d) { availability { timeOff { id reason } } } }';
const badInput = (result: GraphQLResult<unknown>, field: string, message: RegExp | string): void => {
  expect(errorCodes(result), field).toEqual(['BAD_USER_INPUT']);
  expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
  expect(result.errors?.[0]?.message).toMatch(message);
};

// Postgres refuses U+0000 in text: each NUL here used to come back as INTERNAL_SERVER_ERROR.
describe('text input rules for appointments, through the router', () => {
  it('booking refuses a NUL in the reason or the idempotency key, and books nothing', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const [slot] = await freeSlots(p, new Date(Date.now() + 2 * 86_400_000), 1);
    const wanted = { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start };
    badInput(
      await book(pat.accessToken, { ...wanted, reason: 'Cough\u0000' }),
      'input.reason',
      'input.reason: must not contain control characters (found U+0000)',
    );
    badInput(await book(pat.accessToken, { ...wanted, idempotencyKey: 'key\u0000' }), 'input.idempotencyKey', /control characters/);
    badInput(await book(pat.accessToken, { ...wanted, reason: 'x'.repeat(2001) }), 'input.reason', 'input.reason: must be at most 2000 characters');
    expect((await freeSlots(p, new Date(Date.now() + 2 * 86_400_000), 1)).map((s) => s.start)).toContain(slot!.start);
    // A multi-line reason is fine, CRLF stored as LF.
    const booked = await book(pat.accessToken, { ...wanted, reason: 'Cough\r\nfor 3 weeks' });
    expect(booked.data?.bookAppointment.__typename).toBe('Appointment');
  });

  it('time off refuses a NUL in the reason, and a 500,000-character reason by its length; nothing is written', async () => {
    const p = await seed.practice();
    const day = new Date(Date.now() + 3 * 86_400_000);
    const span = { doctorId: p.doctorId, start: day.toISOString(), end: new Date(day.getTime() + 3_600_000).toISOString() };
    badInput(
      await c.call(ADD_TIME_OFF, { i: { ...span, reason: 'holiday\u0000' } }, { token: p.doctor.accessToken }),
      'input.reason',
      'input.reason: must not contain control characters (found U+0000)',
    );
    // Past any field's own limit, the guard every server runs refuses it before it fans out.
    badInput(
      await c.call(ADD_TIME_OFF, { i: { ...span, reason: 'x'.repeat(500_000) } }, { token: p.doctor.accessToken }),
      'input.reason',
      'input.reason: must be at most 100000 characters',
    );
    badInput(
      await c.call(ADD_TIME_OFF, { i: { ...span, reason: 'x'.repeat(2001) } }, { token: p.doctor.accessToken }),
      'input.reason',
      'input.reason: must be at most 2000 characters',
    );
    const shown = await c.call<{ doctor: { availability: { timeOff: unknown[] } } }>(TIME_OFF, { d: p.doctorId }, { token: p.staff.accessToken });
    expect(shown.data?.doctor.availability.timeOff).toEqual([]);
  });

  it('decline, cancel, reschedule and override reasons refuse a NUL; the appointment stays as it was', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const slots = await freeSlots(p, new Date(Date.now() + 2 * 86_400_000), 1);
    const booked = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slots[0]!.start });
    const { id } = booked.data!.bookAppointment as { id: string };
    const STATUS = 'query($id: ID!) { appointment(id: $id) { status start } }';
    badInput(
      await c.call(
        'mutation($id: ID!, $r: String!) { declineAppointment(id: $id, reason: $r) { status } }',
        { id, r: 'busy\u0000' },
        { token: p.doctor.accessToken },
      ),
      'reason',
      /control characters/,
    );
    badInput(
      await c.call('mutation($id: ID!, $r: String!) { cancelAppointment(id: $id, reason: $r) { status } }', { id, r: 'ill\u0000' }, { token: pat.accessToken }),
      'reason',
      /control characters/,
    );
    badInput(
      await c.call(
        'mutation($id: ID!, $r: String!) { cancelAppointment(id: $id, reason: "ill", override: { reason: $r }) { status } }',
        { id, r: 'staff\u0000' },
        { token: p.staff.accessToken },
      ),
      'override.reason',
      /control characters/,
    );
    badInput(
      await c.call(
        'mutation($id: ID!, $s: DateTime!, $r: String) { rescheduleAppointment(id: $id, start: $s, reason: $r) { __typename } }',
        { id, s: slots[1]!.start, r: 'later\u0000' },
        { token: pat.accessToken },
      ),
      'reason',
      /control characters/,
    );
    const after = await c.call<{ appointment: { status: string; start: string } }>(STATUS, { id }, { token: pat.accessToken });
    expect(after.data?.appointment).toEqual({ status: 'REQUESTED', start: slots[0]!.start });
  });

  it('slot search and working hours refuse a NUL in their strings', async () => {
    const p = await seed.practice();
    const from = new Date();
    const search = await c.call(SLOTS.replace('doctorId: $d', 'doctorId: $d, specialty: $sp').replace('$d: ID)', '$d: ID, $sp: String)'), {
      s: p.serviceId,
      f: from.toISOString(),
      t: new Date(from.getTime() + 86_400_000).toISOString(),
      sp: 'General\u0000',
    });
    badInput(search, 'specialty', /control characters/);
    const hours = { doctorId: p.doctorId, timeZone: 'Europe/Berlin\u0000', rules: [{ weekday: 1, start: '09:00', end: '12:00' }] };
    badInput(
      await c.call('mutation($i: AvailabilityInput!) { setAvailability(input: $i) { doctorId } }', { i: hours }, { token: p.doctor.accessToken }),
      'input.timeZone',
      /control characters/,
    );
  });
});
