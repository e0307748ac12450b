import { describe, expect, it } from 'vitest';
import { accountWithRole, errorCodes, fetchAsRouter, testEnv, book, freeSlots, seed, type BookAppointmentInput } from '@medappt/testkit';
import { c } from './fixtures.ts';

const DAY = 86_400_000;
const tomorrow = (): Date => new Date(Date.now() + DAY);

const DESK = `query($c: ID!, $f: DateTime!, $t: DateTime!) { clinic(id: $c) {
  schedule(from: $f, to: $t) { id status start doctor { id } patient { id } reason }
  pendingRequests { id start doctor { id } }
} }`;
type Desk = {
  clinic: {
    schedule: { id: string; status: string; start: string; doctor: { id: string }; patient: { id: string } | null; reason: string | null }[];
    pendingRequests: { id: string; start: string; doctor: { id: string } }[];
  };
};

async function booked(token: string, input: BookAppointmentInput): Promise<string> {
  const result = await book(token, input);
  const appointment = result.data?.bookAppointment;
  if (appointment?.__typename !== 'Appointment') throw new Error(JSON.stringify(result));
  return appointment.id;
}

describe('the front desk sees the whole clinic', () => {
  it("staff get every doctor's appointments and the pending queue of their clinic in one view, by start, in one query per list", async () => {
    const p = await seed.practice();
    const other = await seed.colleague(p);
    const elsewhereClinic = (await seed.clinic({ timeZone: 'Europe/Berlin' })).clinicId;
    const elsewhere = await seed.colleague(p, { clinicId: elsewhereClinic });
    const [ann, ben, cem] = [await seed.patient(), await seed.patient(), await seed.patient()];
    const mine = await freeSlots(p, tomorrow());
    const theirs = await freeSlots({ ...p, doctorId: other.doctorId }, tomorrow());
    const late = await booked(ann.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: mine[4]!.start, reason: 'Check-up' });
    const early = await booked(ben.accessToken, { doctorId: other.doctorId, serviceId: p.serviceId, start: theirs[0]!.start });
    const middle = await booked(cem.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: mine[2]!.start });
    await c.call('mutation($id: ID!) { approveAppointment(id: $id) { status } }', { id: middle }, { token: p.doctor.accessToken });
    const [away] = await freeSlots({ ...p, doctorId: elsewhere.doctorId }, tomorrow());
    await booked(ann.accessToken, { doctorId: elsewhere.doctorId, serviceId: p.serviceId, start: away!.start });

    const range = { c: p.clinicId, f: new Date().toISOString(), t: new Date(Date.now() + 3 * DAY).toISOString() };
    const desk = await c.call<Desk>(DESK, range, { token: p.staff.accessToken });
    expect(desk.errors).toBeUndefined();
    expect(desk.data?.clinic.schedule.map((a) => [a.id, a.status, a.doctor.id])).toEqual([
      [early, 'REQUESTED', other.doctorId],
      [middle, 'CONFIRMED', p.doctorId],
      [late, 'REQUESTED', p.doctorId],
    ]);
    expect(desk.data?.clinic.schedule.find((a) => a.id === late)).toMatchObject({ patient: { id: ann.user.id }, reason: 'Check-up' });
    expect(desk.data?.clinic.pendingRequests.map((a) => a.id)).toEqual([early, late]);

    // Only the front desk: a doctor has their own schedule, an admin runs accounts, not the calendar.
    const admin = await accountWithRole('ADMIN', c);
    for (const token of [p.doctor.accessToken, admin.accessToken, ann.accessToken]) {
      const refused = await c.call<Desk>(DESK, range, { token });
      expect(refused.data?.clinic ?? null).toBeNull();
      expect([...new Set(errorCodes(refused))]).toEqual(['FORBIDDEN']);
    }
    expect([...new Set(errorCodes(await c.call(DESK, range)))]).toEqual(['UNAUTHENTICATED']);
    const tooLong = await c.call(DESK, { ...range, t: new Date(Date.now() + 63 * DAY).toISOString() }, { token: p.staff.accessToken });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const backwards = await c.call(DESK, { ...range, t: range.f, f: range.t }, { token: p.staff.accessToken });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });

    // Two clinics at once: one SQL query per list, not one per clinic or doctor.
    const response = await fetchAsRouter(
      testEnv().appointmentsUrl,
      {
        query:
          'query($r: [_Any!]!, $f: DateTime!, $t: DateTime!) { _entities(representations: $r) { ... on Clinic { id schedule(from: $f, to: $t) { id } pendingRequests { id } } } }',
        variables: {
          r: [
            { __typename: 'Clinic', id: p.clinicId },
            { __typename: 'Clinic', id: elsewhereClinic },
          ],
          f: range.f,
          t: range.t,
        },
      },
      { token: p.staff.accessToken },
    );
    const body = (await response.json()) as { data: { _entities: { id: string; schedule: { id: string }[]; pendingRequests: { id: string }[] }[] } };
    expect(body.data._entities.map((e) => e.schedule.length)).toEqual([3, 1]);
    expect(body.data._entities.map((e) => e.pendingRequests.length)).toEqual([2, 1]);
    expect(Number(/sql;desc="(\d+) queries"/.exec(response.headers.get('server-timing') ?? '')?.[1])).toBe(2);
  });
});
