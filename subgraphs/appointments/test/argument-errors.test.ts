import { describe, expect, it } from 'vitest';
import { errorCodes, type GraphQLResult, book, freeSlots, seed } from '@medappt/testkit';
import { c } from './fixtures.ts';

const DAY = 86_400_000;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const fieldError = (result: GraphQLResult<unknown>): unknown => ({ codes: errorCodes(result), field: result.errors?.[0]?.extensions?.['field'] });

// Issue #11, item 12: an error names the argument as the client wrote it.
describe('errors name the argument as written, through the router', () => {
  it('a patient moving to a service the doctor does not offer is told `serviceId`, not `reschedule.serviceId`', async () => {
    const [p, other] = [await seed.practice(), await seed.practice()];
    const pat = await seed.patient();
    const [slot, later] = await freeSlots(p, new Date(Date.now() + DAY));
    const { id } = (await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start })).data!.bookAppointment as { id: string };
    const MOVE =
      'mutation($id: ID!, $s: DateTime!, $d: ID, $svc: ID) { rescheduleAppointment(id: $id, start: $s, doctorId: $d, serviceId: $svc) { __typename } }';
    const move = (variables: Record<string, unknown>) => c.call(MOVE, { id, s: later!.start, ...variables }, { token: pat.accessToken });

    const wrongService = await move({ svc: other.serviceId });
    expect(fieldError(wrongService)).toEqual({ codes: ['BAD_USER_INPUT'], field: 'serviceId' });
    expect(wrongService.errors?.[0]?.message).toMatch(/^serviceId: Dr\. .* does not offer/);
    // A new doctor who does not offer the kept service: the doctor is what to change.
    expect(fieldError(await move({ d: other.doctorId }))).toEqual({ codes: ['BAD_USER_INPUT'], field: 'doctorId' });
    expect(fieldError(await move({ s: new Date(new Date(later!.start).getTime() + 7 * 60_000).toISOString() }))).toEqual({
      codes: ['BAD_USER_INPUT'],
      field: 'start',
    });
    expect(fieldError(await move({ svc: 'not-a-uuid' }))).toEqual({ codes: ['BAD_USER_INPUT'], field: 'serviceId' });
    expect(fieldError(await move({ d: 'not-a-uuid' }))).toEqual({ codes: ['BAD_USER_INPUT'], field: 'doctorId' });
    expect(fieldError(await move({ id: 'not-a-uuid' }))).toEqual({ codes: ['BAD_USER_INPUT'], field: 'id' });
    expect(fieldError(await move({ d: UNKNOWN }))).toEqual({ codes: ['NOT_FOUND'], field: undefined });
  });

  it('a malformed id is BAD_USER_INPUT naming its argument everywhere; an unknown one is NOT_FOUND', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const [slot] = await freeSlots(p, new Date(Date.now() + DAY));
    const wanted = { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start };
    const from = new Date(Date.now() + DAY).toISOString();
    const to = new Date(Date.now() + 2 * DAY).toISOString();
    const SEARCH = 'query($s: ID!, $d: ID, $f: DateTime!, $t: DateTime!) { availableSlots(serviceId: $s, doctorId: $d, from: $f, to: $t) { start } }';
    const FREE = 'query($d: ID!, $s: ID!, $f: DateTime!, $t: DateTime!) { doctor(id: $d) { freeSlots(serviceId: $s, from: $f, to: $t) { start } } }';
    const cases: [string, Promise<GraphQLResult<unknown>>, string | undefined, string][] = [
      ['book: doctor', book(pat.accessToken, { ...wanted, doctorId: 'x' }), 'input.doctorId', 'BAD_USER_INPUT'],
      ['book: service', book(pat.accessToken, { ...wanted, serviceId: 'x' }), 'input.serviceId', 'BAD_USER_INPUT'],
      ['book: patient', book(p.staff.accessToken, { ...wanted, patientId: 'x' }), 'input.patientId', 'BAD_USER_INPUT'],
      ['search: service', c.call(SEARCH, { s: 'x', f: from, t: to }), 'serviceId', 'BAD_USER_INPUT'],
      ['search: doctor', c.call(SEARCH, { s: p.serviceId, d: 'x', f: from, t: to }), 'doctorId', 'BAD_USER_INPUT'],
      ['search: unknown doctor', c.call(SEARCH, { s: p.serviceId, d: UNKNOWN, f: from, t: to }), undefined, 'NOT_FOUND'],
      ['search: unknown service', c.call(SEARCH, { s: UNKNOWN, f: from, t: to }), undefined, 'NOT_FOUND'],
      ['free slots: service', c.call(FREE, { d: p.doctorId, s: 'x', f: from, t: to }), 'serviceId', 'BAD_USER_INPUT'],
      ['appointment', c.call('query($id: ID!) { appointment(id: $id) { id } }', { id: 'x' }, { token: pat.accessToken }), 'id', 'BAD_USER_INPUT'],
      ['approve', c.call('mutation { approveAppointment(id: "x") { id } }', {}, { token: p.doctor.accessToken }), 'id', 'BAD_USER_INPUT'],
      ['decline', c.call('mutation { declineAppointment(id: "x", reason: "no") { id } }', {}, { token: p.doctor.accessToken }), 'id', 'BAD_USER_INPUT'],
      ['cancel', c.call('mutation { cancelAppointment(id: "x", reason: "no") { id } }', {}, { token: pat.accessToken }), 'id', 'BAD_USER_INPUT'],
      ['complete', c.call('mutation { completeAppointment(id: "x") { id } }', {}, { token: p.doctor.accessToken }), 'id', 'BAD_USER_INPUT'],
      ['no-show', c.call('mutation { markNoShow(id: "x") { id } }', {}, { token: p.doctor.accessToken }), 'id', 'BAD_USER_INPUT'],
      ['unknown appointment', c.call(`mutation { markNoShow(id: "${UNKNOWN}") { id } }`, {}, { token: p.doctor.accessToken }), undefined, 'NOT_FOUND'],
      ['leave waitlist', c.call('mutation { leaveWaitlist(id: "x") }', {}, { token: pat.accessToken }), 'id', 'BAD_USER_INPUT'],
      [
        'join waitlist: service',
        c.call('mutation($i: WaitlistInput!) { joinWaitlist(input: $i) { id } }', { i: { serviceId: 'x', from, to } }, { token: pat.accessToken }),
        'input.serviceId',
        'BAD_USER_INPUT',
      ],
      [
        'join waitlist: doctor',
        c.call(
          'mutation($i: WaitlistInput!) { joinWaitlist(input: $i) { id } }',
          { i: { serviceId: p.serviceId, doctorId: 'x', from, to } },
          { token: pat.accessToken },
        ),
        'input.doctorId',
        'BAD_USER_INPUT',
      ],
      ['remove time off', c.call('mutation { removeTimeOff(id: "x") }', {}, { token: p.doctor.accessToken }), 'id', 'BAD_USER_INPUT'],
      [
        'add time off',
        c.call('mutation($i: TimeOffInput!) { addTimeOff(input: $i) { id } }', { i: { doctorId: 'x', start: from, end: to } }, { token: p.staff.accessToken }),
        'input.doctorId',
        'BAD_USER_INPUT',
      ],
      [
        'clinic policy',
        c.call(
          'mutation($i: ClinicPolicyInput!) { setClinicPolicy(input: $i) { custom } }',
          { i: { clinicId: 'x', minimumNoticeMinutes: 0, patientCutoffMinutes: 0 } },
          { token: p.staff.accessToken },
        ),
        'input.clinicId',
        'BAD_USER_INPUT',
      ],
    ];
    for (const [what, call, field, code] of cases) {
      const result = await call;
      expect(fieldError(result), what).toEqual({ codes: [code], field });
      if (field) expect(result.errors?.[0]?.message, what).toBe(`${field}: is not a valid ID: ids are UUIDs such as 3f2b9c1e-8a4d-4e7b-9c2a-1b2c3d4e5f60`);
    }
  });
});
