import { describe, expect, it } from 'vitest';
import { accountWithRole, adminSession, errorCodes, eventually, type GraphQLResult, book, freeSlots, type Practice, seed } from '@medappt/testkit';
import { c } from './fixtures.ts';

const DAY = 86_400_000;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

async function bookedBy(p: Practice, token: string, extra: Record<string, unknown> = {}): Promise<{ id: string; start: string }> {
  const [slot] = await freeSlots(p, new Date(Date.now() + 3 * DAY));
  const result = await book(token, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start, ...extra });
  const appointment = result.data?.bookAppointment;
  if (appointment?.__typename !== 'Appointment') throw new Error(JSON.stringify(result));
  return { id: appointment.id, start: appointment.start };
}

const SCHEDULE = `query($d: ID!, $f: DateTime!, $t: DateTime!) { doctor(id: $d) { schedule(from: $f, to: $t) {
  id status start reason patient { id name dateOfBirth phone } history { action actorId reason }
} } }`;
type Schedule = { doctor: { schedule: { id: string; reason: string | null; patient: { name: string } | null; history: unknown[] }[] } };

/** The error as a caller sees it, with the id they sent replaced, so two answers can be compared. */
function refusal(result: GraphQLResult<unknown>, id: string): unknown {
  expect(result.data ?? null, JSON.stringify(result)).toBeNull();
  return result.errors?.map((e) => ({ message: e.message.replace(id, '<id>'), code: e.extensions?.['code'], path: e.path }));
}

describe('what each role sees of appointments and hours', () => {
  it('admins read a schedule without visit reasons, patients or history; the doctor and staff see them', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    await c.call(
      'mutation($i: PatientProfileInput!) { savePatientProfile(input: $i) { id } }',
      { i: { name: 'Bea Patient', dateOfBirth: '1975-02-01', phone: '+49 30 5550000' } },
      { token: pat.accessToken },
    );
    const { id } = await bookedBy(p, pat.accessToken, { reason: 'Chest pain when climbing stairs' });
    const vars = { d: p.doctorId, f: new Date().toISOString(), t: new Date(Date.now() + 14 * DAY).toISOString() };

    const admin = await adminSession(c);
    const byAdmin = await c.call<Schedule>(SCHEDULE, vars, { token: admin.accessToken });
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data?.doctor.schedule).toEqual([{ id, status: 'REQUESTED', start: expect.any(String), reason: null, patient: null, history: [] }]);
    expect(JSON.stringify(byAdmin)).not.toMatch(/Chest|Bea|1975|5550000/);
    expect(JSON.stringify(byAdmin)).not.toContain(pat.user.id);

    for (const [who, token] of [
      ['the doctor', p.doctor.accessToken],
      ['staff', p.staff.accessToken],
    ] as const) {
      // The doctor sees the patient once the booking's event has reached the patients subgraph.
      const seen = await eventually(async () => {
        const result = await c.call<Schedule>(SCHEDULE, vars, { token });
        return result.data?.doctor.schedule[0]?.patient ? result : undefined;
      });
      expect(seen.errors, who).toBeUndefined();
      expect(seen.data?.doctor.schedule[0], who).toMatchObject({
        reason: 'Chest pain when climbing stairs',
        patient: { name: 'Bea Patient', dateOfBirth: '1975-02-01', phone: '+49 30 5550000' },
        history: [{ action: 'REQUEST', actorId: pat.user.id, reason: 'Chest pain when climbing stairs' }],
      });
    }
  });

  it("time-off reasons are the doctor's and staff's; everyone sees the period", async () => {
    const p = await seed.practice();
    const start = new Date(Date.now() + 5 * DAY);
    const added = await c.call<{ addTimeOff: { id: string; reason: string } }>(
      'mutation($i: TimeOffInput!) { addTimeOff(input: $i) { id reason } }',
      { i: { doctorId: p.doctorId, start: start.toISOString(), end: new Date(start.getTime() + DAY).toISOString(), reason: 'chemotherapy' } },
      { token: p.doctor.accessToken },
    );
    expect(added.data?.addTimeOff.reason).toBe('chemotherapy');
    const HOURS = 'query($d: ID!) { doctor(id: $d) { availability { timeOff { id start end reason } } } }';
    const timeOff = async (token?: string) => {
      const result = await c.call<{ doctor: { availability: { timeOff: { id: string; start: string; reason: string | null }[] } } }>(
        HOURS,
        { d: p.doctorId },
        { token },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.doctor.availability.timeOff;
    };
    const [pat, otherDoctor, admin] = [await seed.patient(), await accountWithRole('DOCTOR'), await adminSession(c)];
    for (const [who, token] of [
      ['anonymous', undefined],
      ['a patient', pat.accessToken],
      ['another doctor', otherDoctor.accessToken],
      ['an admin', admin.accessToken],
    ] as const) {
      expect(await timeOff(token), who).toEqual([{ id: added.data!.addTimeOff.id, start: start.toISOString(), end: expect.any(String), reason: null }]);
    }
    expect((await timeOff(p.doctor.accessToken))[0]?.reason).toBe('chemotherapy');
    expect((await timeOff(p.staff.accessToken))[0]?.reason).toBe('chemotherapy');
  });

  it("a change to someone else's appointment is answered exactly like an unknown id, before anything else is checked", async () => {
    const p = await seed.practice();
    const other = await seed.practice();
    const [owner, stranger] = [await seed.patient(), await seed.patient()];
    const { id, start } = await bookedBy(p, owner.accessToken);
    const admin = await adminSession(c);
    const offGrid = new Date(new Date(start).getTime() + 7 * 60_000).toISOString();

    const attempts: [string, string, Record<string, unknown>][] = [
      // A doctor who does not offer the service: the answer once named them.
      [
        'reschedule to another doctor',
        'mutation($id: ID!, $s: DateTime!, $d: ID) { rescheduleAppointment(id: $id, start: $s, doctorId: $d) { __typename } }',
        { s: start, d: other.doctorId },
      ],
      ['reschedule off the slot grid', 'mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, start: $s) { __typename } }', { s: offGrid }],
      ['cancel without a reason', 'mutation($id: ID!) { cancelAppointment(id: $id, reason: " ") { status } }', {}],
      ['cancel', 'mutation($id: ID!) { cancelAppointment(id: $id, reason: "x") { status } }', {}],
      ['decline', 'mutation($id: ID!) { declineAppointment(id: $id, reason: "x") { status } }', {}],
      ['approve', 'mutation($id: ID!) { approveAppointment(id: $id) { status } }', {}],
      ['complete', 'mutation($id: ID!) { completeAppointment(id: $id) { status } }', {}],
      ['mark no-show', 'mutation($id: ID!) { markNoShow(id: $id) { status } }', {}],
    ];
    for (const [what, mutation, variables] of attempts) {
      for (const [who, token] of [
        ['another patient', stranger.accessToken],
        ["another practice's doctor", other.doctor.accessToken],
        ['an admin', admin.accessToken],
      ] as const) {
        const theirs = await c.call(mutation, { id, ...variables }, { token });
        const unknown = await c.call(mutation, { id: UNKNOWN, ...variables }, { token });
        expect(errorCodes(theirs), `${what} by ${who}`).toEqual(['NOT_FOUND']);
        expect(refusal(theirs, id), `${what} by ${who}`).toEqual(refusal(unknown, UNKNOWN));
        expect(JSON.stringify(theirs), `${what} by ${who}`).not.toMatch(/Dr\./);
      }
    }
    const batch = await c.call<{ approveAppointments: { error: { code: string; message: string } | null }[] }>(
      'mutation($ids: [ID!]!) { approveAppointments(ids: $ids) { id error { code message } } }',
      { ids: [id, UNKNOWN] },
      { token: other.doctor.accessToken },
    );
    const [theirs, unknown] = batch.data!.approveAppointments.map((r) => r.error);
    expect(theirs?.code).toBe('NOT_FOUND');
    expect(theirs?.message.replace(id, '<id>')).toBe(unknown?.message.replace(UNKNOWN, '<id>'));

    // Nothing moved: the owner still sees it as booked.
    const still = await c.call<{ appointment: { status: string; start: string } }>(
      'query($id: ID!) { appointment(id: $id) { status start } }',
      { id },
      { token: owner.accessToken },
    );
    expect(still.data?.appointment).toEqual({ status: 'REQUESTED', start });
  });
});
