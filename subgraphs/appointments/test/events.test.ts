import { describe, expect, it } from 'vitest';
import { Topics } from '@medappt/platform';
import { eventually, waitForMessage, book, freeSlots, seed } from '@medappt/testkit';
import { c } from './fixtures.ts';

describe('appointment events reach other subgraphs', () => {
  it('a booking gives the doctor access to the patient record, through the outbox, Kafka and the patients consumer', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    await c.call('mutation($i: PatientProfileInput!) { savePatientProfile(input: $i) { id } }', { i: { name: 'Eve Event' } }, { token: pat.accessToken });
    const readByDoctor = () =>
      c.call<{ patient: { name: string } | null }>('query($id: ID!) { patient(id: $id) { name } }', { id: pat.user.id }, { token: p.doctor.accessToken });
    expect((await readByDoctor()).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const [slot] = await freeSlots(p, new Date(Date.now() + 86_400_000));
    await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start });
    const name = await eventually(async () => (await readByDoctor()).data?.patient?.name);
    expect(name).toBe('Eve Event');
  });

  it('joins fields from three subgraphs on one appointment', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const [slot] = await freeSlots(p, new Date(Date.now() + 86_400_000));
    await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start });
    type Schedule = {
      doctor: { name: string; clinic: { timeZone: string }; schedule: { status: string; service: { durationMinutes: number }; doctor: { name: string } }[] };
    };
    const result = await c.call<Schedule>(
      `query($id: ID!, $f: DateTime!, $t: DateTime!) {
        doctor(id: $id) { name clinic { timeZone } schedule(from: $f, to: $t) { status localStart service { name durationMinutes } doctor { name } } }
      }`,
      { id: p.doctorId, f: new Date().toISOString(), t: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      { token: p.doctor.accessToken },
    );
    expect(result.errors).toBeUndefined();
    const doctor = result.data!.doctor;
    expect(doctor.clinic.timeZone).toBe('Europe/Berlin');
    expect(doctor.schedule).toHaveLength(1);
    expect(doctor.schedule[0]).toMatchObject({ status: 'REQUESTED', service: { durationMinutes: 30 }, doctor: { name: doctor.name } });
  });

  it('time off and working hours publish schedule.changed (the doctor and the window, never why the doctor is away)', async () => {
    const p = await seed.practice();
    const start = new Date(Date.now() + 3 * 86_400_000);
    const end = new Date(start.getTime() + 3_600_000);
    const off = await c.call<{ addTimeOff: { id: string } }>(
      'mutation($i: TimeOffInput!) { addTimeOff(input: $i) { id } }',
      { i: { doctorId: p.doctorId, start: start.toISOString(), end: end.toISOString(), reason: 'surgery of my own' } },
      { token: p.doctor.accessToken },
    );
    expect(off.errors).toBeUndefined();
    const scheduleEvent = async (change: string) => {
      const message = await waitForMessage(Topics.appointments.name, (m) => m.key === p.doctorId && m.value.includes(`"change":"${change}"`));
      return JSON.parse(message.value) as { type: string; payload: Record<string, unknown> };
    };
    const added = await scheduleEvent('time_off_added');
    expect(added.type).toBe('schedule.changed');
    expect(added.payload).toEqual({ doctorId: p.doctorId, change: 'time_off_added', from: start.toISOString(), to: end.toISOString() });

    await c.call('mutation($id: ID!) { removeTimeOff(id: $id) }', { id: off.data!.addTimeOff.id }, { token: p.doctor.accessToken });
    expect((await scheduleEvent('time_off_removed')).payload).toMatchObject({ from: start.toISOString(), to: end.toISOString() });
    // seed.practice() set the hours once already: an open window, any day may have changed.
    expect((await scheduleEvent('working_hours')).payload).toEqual({ doctorId: p.doctorId, change: 'working_hours', from: null, to: null });
  });

  it('carries ids and what filtering needs, never free text: no visit reason, no reason for a decline', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const [slot] = await freeSlots(p, new Date(Date.now() + 86_400_000));
    const booked = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start, reason: 'Chest pain since Monday' });
    const { id } = booked.data!.bookAppointment as { id: string };
    await c.call('mutation($id: ID!) { declineAppointment(id: $id, reason: "Go to the emergency room") { id } }', { id }, { token: p.doctor.accessToken });
    const declined = await waitForMessage(Topics.appointments.name, (m) => m.key === id && m.value.includes('appointment.declined'));
    const requested = await waitForMessage(Topics.appointments.name, (m) => m.key === id && m.value.includes('appointment.requested'));
    for (const message of [requested, declined]) {
      expect(message.value).not.toMatch(/Chest pain|emergency room/);
      expect(Object.keys((JSON.parse(message.value) as { payload: object }).payload)).not.toContain('reason');
    }
  });
});
