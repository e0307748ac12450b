import { describe, expect, it } from 'vitest';
import { eventually, freeSlots, seed } from '@medappt/testkit';
import { c } from './fixtures.ts';

const BOOK_WITH_PATIENT = 'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { ... on Appointment { id patient { id name } } } }';

describe('a patient who never saved a profile (issue 11.1)', () => {
  it('is named by the name they signed up with, in the booking answer and in the doctor’s schedule', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    // The profile starts from the account (users.events.v1), before the patient fills in anything.
    await eventually(async () => {
      const me = await c.call<{ me: { patientProfile: { name: string } | null } }>('{ me { patientProfile { name } } }', {}, { token: pat.accessToken });
      return me.data?.me.patientProfile?.name === 'Pat Ient' ? true : undefined;
    });
    const [slot] = await freeSlots(p, new Date(Date.now() + 2 * 86_400_000));
    const booked = await c.call<{ bookAppointment: { id: string; patient: { id: string; name: string } } }>(
      BOOK_WITH_PATIENT,
      { i: { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start } },
      { token: pat.accessToken },
    );
    expect(booked.errors).toBeUndefined();
    expect(booked.data?.bookAppointment.patient).toEqual({ id: pat.user.id, name: 'Pat Ient' });

    // The doctor sees who asked once the request has reached the patients subgraph (care relation).
    const schedule = await eventually(async () => {
      const result = await c.call<{ doctor: { schedule: { id: string; patient: { name: string } | null }[] } }>(
        'query($id: ID!, $f: DateTime!, $t: DateTime!) { doctor(id: $id) { id name schedule(from: $f, to: $t) { id patient { id name } } } }',
        { id: p.doctorId, f: new Date().toISOString(), t: new Date(Date.now() + 8 * 86_400_000).toISOString() },
        { token: p.doctor.accessToken },
      );
      return result.errors ? undefined : result;
    });
    expect(schedule.data?.doctor.schedule.find((a) => a.id === booked.data?.bookAppointment.id)?.patient?.name).toBe('Pat Ient');
  });
});
