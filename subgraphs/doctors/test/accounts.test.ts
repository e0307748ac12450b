import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorCodes, eventually, registeredPatient } from '@medappt/testkit';
import { DOCTOR_FIELDS, adminToken, c, doctorAccount, field, seed, staffToken } from './fixtures.ts';

const CREATE = `mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { ${DOCTOR_FIELDS} } }`;
const listed = async (id: string, search: string): Promise<boolean> => {
  const page = await c.call<{ doctors: { edges: { node: { id: string } }[] } }>(
    'query($s: String) { doctors(filter: { search: $s }) { edges { node { id } } } }',
    { s: search },
  );
  return page.data!.doctors.edges.some((e) => e.node.id === id);
};
const doctorActive = async (id: string): Promise<boolean | undefined> =>
  (await c.call<{ doctor: { active: boolean } | null }>('query($id: ID!) { doctor(id: $id) { active } }', { id })).data?.doctor?.active;

describe('a doctor profile is for a DOCTOR account only', () => {
  it('refuses a patient account, an unknown id and a disabled doctor, naming input.userId; nothing is listed', async () => {
    const clinic = await seed.clinic();
    const token = await staffToken();
    const { session: patient } = await registeredPatient();
    const disabled = await doctorAccount();
    await c.call('mutation($id: ID!) { disableUser(id: $id) { id } }', { id: disabled }, { token: await adminToken() });

    const cases: [string, RegExp][] = [
      [patient.user.id, /is a PATIENT account; only DOCTOR accounts/],
      [await doctorAccount('STAFF'), /is a STAFF account/],
      [randomUUID(), /is not an account/],
    ];
    for (const [userId, message] of cases) {
      const name = `Dr. Impostor ${userId.slice(0, 8)}`;
      const result = await c.call(CREATE, { input: { userId, name, specialties: ['GP'], clinicId: clinic.id } }, { token });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(field(result)).toBe('input.userId');
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(await listed(userId, name)).toBe(false);
    }
    // The disable reaches the read model through Kafka.
    const refused = await eventually(async () => {
      const result = await c.call(CREATE, { input: { userId: disabled, name: 'Dr. Disabled', specialties: ['GP'], clinicId: clinic.id } }, { token });
      return result.errors ? result : undefined;
    });
    expect(field(refused)).toBe('input.userId');
    expect(refused.errors?.[0]?.message).toMatch(/disabled/);
  });

  it('takes a doctor out of the directory when their role changes, and keeps them out', async () => {
    const clinic = await seed.clinic();
    const doctor = await seed.doctor({ clinicId: clinic.id });
    expect(await doctorActive(doctor.id)).toBe(true);

    const changed = await c.call('mutation($id: ID!) { setUserRole(id: $id, role: PATIENT) { role } }', { id: doctor.id }, { token: await adminToken() });
    expect(changed.errors).toBeUndefined();
    expect(await eventually(async () => ((await doctorActive(doctor.id)) === false ? true : undefined))).toBe(true);

    const token = await staffToken();
    const back = await eventually(async () => {
      const result = await c.call('mutation($id: ID!) { updateDoctor(id: $id, input: { active: true }) { id } }', { id: doctor.id }, { token });
      return result.errors ? result : undefined;
    });
    expect(errorCodes(back)).toEqual(['BAD_USER_INPUT']);
    expect(field(back)).toBe('input.active');
    expect(back.errors?.[0]?.message).toMatch(/PATIENT account/);
  });
});
