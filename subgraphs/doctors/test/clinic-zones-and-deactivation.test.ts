import { describe, expect, it } from 'vitest';
import { Topics, isIanaTimeZone } from '@medappt/platform';
import { errorCodes, waitForMessage } from '@medappt/testkit';
import { c, doctorAccount, field, seed, staffToken, unique } from './fixtures.ts';

const CREATE_CLINIC = 'mutation($input: CreateClinicInput!) { createClinic(input: $input) { id timeZone active } }';
const CLINICS = 'query($all: Boolean) { clinics(includeInactive: $all) { id active } }';

describe('clinic time zones', () => {
  it('are refused exactly when the appointments subgraph would refuse them: "CET" is not a zone name', async () => {
    const token = await staffToken();
    for (const timeZone of ['CET', 'EST', 'MET', 'EST5EDT', 'Europe/Berlin', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+1']) {
      const result = await c.call<{ createClinic: { timeZone: string } }>(
        CREATE_CLINIC,
        { input: { name: unique('Zone Clinic'), address: '1 Main St', timeZone } },
        { token },
      );
      if (isIanaTimeZone(timeZone)) {
        expect(result.errors, timeZone).toBeUndefined();
        expect(result.data?.createClinic.timeZone).toBe(timeZone);
      } else {
        expect(errorCodes(result), timeZone).toEqual(['BAD_USER_INPUT']);
        expect(field(result)).toBe('input.timeZone');
        expect(result.errors?.[0]?.message).toMatch(/legacy names such as CET or EST are refused/);
      }
    }
    expect(isIanaTimeZone('CET')).toBe(false);
  });
});

describe('deactivating a clinic', () => {
  it('hides it from clinics unless includeInactive, closes it to new doctors, publishes it, and can be undone', async () => {
    const token = await staffToken();
    const clinic = await seed.clinic();
    const deactivated = await c.call<{ deactivateClinic: { id: string; active: boolean } }>(
      'mutation($id: ID!) { deactivateClinic(id: $id) { id active } }',
      { id: clinic.id },
      { token },
    );
    expect(deactivated.data?.deactivateClinic).toEqual({ id: clinic.id, active: false });

    const listed = async (all: boolean) =>
      (await c.call<{ clinics: { id: string; active: boolean }[] }>(CLINICS, { all })).data!.clinics.find((x) => x.id === clinic.id);
    expect(await listed(false)).toBeUndefined();
    expect(await listed(true)).toEqual({ id: clinic.id, active: false });
    expect((await c.call<{ clinic: { active: boolean } }>('query($id: ID!) { clinic(id: $id) { active } }', { id: clinic.id })).data?.clinic.active).toBe(
      false,
    );

    const doctor = await c.call(
      'mutation($i: CreateDoctorInput!) { createDoctor(input: $i) { id } }',
      { i: { userId: await doctorAccount(), name: 'Dr. Closed', specialties: ['GP'], clinicId: clinic.id } },
      { token },
    );
    expect(errorCodes(doctor)).toEqual(['BAD_USER_INPUT']);
    expect(field(doctor)).toBe('input.clinicId');

    const event = await waitForMessage(Topics.doctors.name, (m) => m.key === clinic.id && m.value.includes('"active":false'));
    expect(JSON.parse(event.value)).toMatchObject({ type: 'clinic.saved', payload: { clinicId: clinic.id, active: false } });

    const back = await c.call<{ updateClinic: { active: boolean } }>(
      'mutation($id: ID!) { updateClinic(id: $id, input: { active: true }) { active } }',
      { id: clinic.id },
      { token },
    );
    expect(back.data?.updateClinic.active).toBe(true);
    expect(await listed(false)).toEqual({ id: clinic.id, active: true });
  });
});
