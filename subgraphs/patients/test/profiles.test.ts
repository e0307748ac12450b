import { describe, expect, it } from 'vitest';
import { errorCodes } from '@medappt/testkit';
import { accountWithRole, c, patientWithProfile } from './fixtures.ts';

const PROFILE = 'id name dateOfBirth sex phone emergencyContact { name phone } user { id }';
const save = (input: Record<string, unknown>, token: string) =>
  c.call<{ savePatientProfile: { id: string; name: string } }>(
    `mutation($input: PatientProfileInput!) { savePatientProfile(input: $input) { ${PROFILE} } }`,
    { input },
    { token },
  );
const read = (id: string, token: string) =>
  c.call<{ patient: { name: string } | null }>(`query($id: ID!) { patient(id: $id) { ${PROFILE} } }`, { id }, { token });

describe('patient profiles', () => {
  it('a patient saves and reads their own profile, also through their account', async () => {
    const patient = await patientWithProfile();
    const updated = await save(
      { name: 'Ana López', dateOfBirth: '1990-01-31', emergencyContact: { name: 'Luis', relationship: 'brother', phone: '+34 600 000 000' } },
      patient.accessToken,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.savePatientProfile).toMatchObject({ id: patient.user.id, name: 'Ana López' });
    const me = await c.call<{ me: { patientProfile: { name: string } } }>(
      '{ me { id patientProfile { name dateOfBirth } } }',
      {},
      { token: patient.accessToken },
    );
    expect(me.data?.me.patientProfile).toEqual({ name: 'Ana López', dateOfBirth: '1990-01-31' });
  });

  it('another patient and an unrelated doctor may not see it; staff may; admins see who it is, not the details', async () => {
    const patient = await patientWithProfile();
    const other = await patientWithProfile();
    const doctor = await accountWithRole('DOCTOR');
    const staff = await accountWithRole('STAFF');
    const admin = await accountWithRole('ADMIN');
    expect(errorCodes(await read(patient.user.id, other.accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await read(patient.user.id, doctor.accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await read(patient.user.id, ''))).toEqual(['UNAUTHENTICATED']);
    expect((await read(patient.user.id, staff.accessToken)).data?.patient?.name).toBe('Pat Ient');
    const byAdmin = await read(patient.user.id, admin.accessToken);
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data?.patient).toEqual({
      id: patient.user.id,
      name: 'Pat Ient',
      dateOfBirth: null,
      sex: null,
      phone: null,
      emergencyContact: null,
      user: { id: patient.user.id },
    });
    expect((await read(patient.user.id, staff.accessToken)).data?.patient).toMatchObject({ dateOfBirth: '1980-04-23', sex: 'FEMALE', phone: '+49 30 1234567' });
  });

  it('staff edit any profile, and the change is in the admin log; admins and doctors may not edit', async () => {
    const patient = await patientWithProfile();
    const staff = await accountWithRole('STAFF');
    const admin = await accountWithRole('ADMIN');
    const doctor = await accountWithRole('DOCTOR');
    expect(errorCodes(await save({ patientId: patient.user.id, name: 'X' }, admin.accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await save({ patientId: patient.user.id, name: 'X' }, doctor.accessToken))).toEqual(['FORBIDDEN']);
    const edited = await save({ patientId: patient.user.id, name: 'Pat Corrected', phone: '+49 30 7654321' }, staff.accessToken);
    expect(edited.data?.savePatientProfile.name).toBe('Pat Corrected');

    const log = await c.call<{ patientsAdminLog: { actorId: string; action: string; changes: string }[] }>(
      'query($id: ID) { patientsAdminLog(entityId: $id) { actorId actorRole action entityType entityId changes requestId at } }',
      { id: patient.user.id },
      { token: admin.accessToken },
    );
    expect(log.data?.patientsAdminLog).toHaveLength(1);
    expect(log.data?.patientsAdminLog[0]).toMatchObject({ actorId: staff.user.id, action: 'patient.update' });
    expect(JSON.parse(log.data!.patientsAdminLog[0]!.changes)).toMatchObject({ name: 'Pat Corrected', phone: '+49 30 7654321' });
    expect(errorCodes(await c.call('{ patientsAdminLog { id } }', {}, { token: staff.accessToken }))).toEqual(['FORBIDDEN']);
  });

  it.each([
    [{ name: '' }, 'input.name'],
    [{ name: 'A', dateOfBirth: '2999-01-01' }, 'input.dateOfBirth'],
    [{ name: 'A', phone: 'call me maybe' }, 'input.phone'],
    [{ name: 'A', email: 'not-an-email' }, 'input.email'],
    [{ name: 'A', emergencyContact: { name: 'B', phone: 'x' } }, 'input.emergencyContact.phone'],
  ])('rejects %j naming %s, and changes nothing', async (input, field) => {
    const patient = await patientWithProfile();
    const result = await save(input, patient.accessToken);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
    expect((await read(patient.user.id, patient.accessToken)).data?.patient?.name).toBe('Pat Ient');
  });

  it('rejects a malformed date at the API edge', async () => {
    const patient = await patientWithProfile();
    const result = await save({ name: 'A', dateOfBirth: '2026-02-30' }, patient.accessToken);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
  });

  it('lets staff search patients page by page', async () => {
    const staff = await accountWithRole('STAFF');
    const patient = await patientWithProfile();
    const query =
      'query($s: String, $after: String) { patients(search: $s, first: 1, after: $after) { edges { node { id name } cursor } pageInfo { hasNextPage endCursor } } }';
    const page1 = await c.call<{ patients: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      query,
      { s: 'pat ient' },
      { token: staff.accessToken },
    );
    expect(page1.data?.patients.edges).toHaveLength(1);
    expect(page1.data?.patients.pageInfo.hasNextPage).toBe(true);
    const page2 = await c.call<typeof page1.data>(query, { s: 'pat ient', after: page1.data!.patients.pageInfo.endCursor }, { token: staff.accessToken });
    expect(page2.data?.patients.edges[0]?.node.id).not.toBe(page1.data!.patients.edges[0]!.node.id);
    expect(errorCodes(await c.call(query, { after: 'garbage' }, { token: staff.accessToken }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await c.call(query, {}, { token: patient.accessToken }))).toEqual(['FORBIDDEN']);
  });
});
