import { describe, expect, it } from 'vitest';
import { accountWithRole, adminSession, eventually } from '@medappt/testkit';
import { book, c, freeSlots, patient, practice, type Practice } from './fixtures.ts';

const DAY = 86_400_000;

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

describe('what each role sees of appointments and hours', () => {
  it('admins read a schedule without visit reasons, patients or history; the doctor and staff see them', async () => {
    const p = await practice();
    const pat = await patient();
    await c.call('mutation($i: PatientProfileInput!) { savePatientProfile(input: $i) { id } }', { i: { name: 'Bea Patient', dateOfBirth: '1975-02-01', phone: '+49 30 5550000' } }, { token: pat.accessToken });
    const { id } = await bookedBy(p, pat.accessToken, { reason: 'Chest pain when climbing stairs' });
    const vars = { d: p.doctorId, f: new Date().toISOString(), t: new Date(Date.now() + 14 * DAY).toISOString() };

    const admin = await adminSession(c);
    const byAdmin = await c.call<Schedule>(SCHEDULE, vars, { token: admin.accessToken });
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data?.doctor.schedule).toEqual([{ id, status: 'REQUESTED', start: expect.any(String), reason: null, patient: null, history: [] }]);
    expect(JSON.stringify(byAdmin)).not.toMatch(/Chest|Bea|1975|5550000/);
    expect(JSON.stringify(byAdmin)).not.toContain(pat.user.id);

    for (const [who, token] of [['the doctor', p.doctor.accessToken], ['staff', p.staff.accessToken]] as const) {
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
    const p = await practice();
    const start = new Date(Date.now() + 5 * DAY);
    const added = await c.call<{ addTimeOff: { id: string; reason: string } }>(
      'mutation($i: TimeOffInput!) { addTimeOff(input: $i) { id reason } }',
      { i: { doctorId: p.doctorId, start: start.toISOString(), end: new Date(start.getTime() + DAY).toISOString(), reason: 'chemotherapy' } },
      { token: p.doctor.accessToken },
    );
    expect(added.data?.addTimeOff.reason).toBe('chemotherapy');
    const HOURS = 'query($d: ID!) { doctor(id: $d) { availability { timeOff { id start end reason } } } }';
    const timeOff = async (token?: string) => {
      const result = await c.call<{ doctor: { availability: { timeOff: { id: string; start: string; reason: string | null }[] } } }>(HOURS, { d: p.doctorId }, { token });
      expect(result.errors).toBeUndefined();
      return result.data!.doctor.availability.timeOff;
    };
    const [pat, otherDoctor, admin] = [await patient(), await accountWithRole('DOCTOR'), await adminSession(c)];
    for (const [who, token] of [['anonymous', undefined], ['a patient', pat.accessToken], ['another doctor', otherDoctor.accessToken], ['an admin', admin.accessToken]] as const) {
      expect(await timeOff(token), who).toEqual([{ id: added.data!.addTimeOff.id, start: start.toISOString(), end: expect.any(String), reason: null }]);
    }
    expect((await timeOff(p.doctor.accessToken))[0]?.reason).toBe('chemotherapy');
    expect((await timeOff(p.staff.accessToken))[0]?.reason).toBe('chemotherapy');
  });
});
