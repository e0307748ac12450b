import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@medappt/testkit';
import { DOCTOR_FIELDS, adminToken, c, doctorAccount, doctorWithProfile, field, seed, staffToken, type DoctorView } from './fixtures.ts';

const CREATE = `mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { ${DOCTOR_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateDoctorInput!) { updateDoctor(id: $id, input: $input) { ${DOCTOR_FIELDS} } }`;
const ASSIGN = `mutation($d: ID!, $s: [ID!]!) { assignServices(doctorId: $d, serviceIds: $s) { id services { id } } }`;
const UNASSIGN = `mutation($d: ID!, $s: ID!) { unassignService(doctorId: $d, serviceId: $s) { id services { id } } }`;
const read = async (id: string): Promise<DoctorView | null> =>
  (await c.call<{ doctor: DoctorView | null }>(`query($id: ID!) { doctor(id: $id) { ${DOCTOR_FIELDS} } }`, { id })).data?.doctor ?? null;

describe('doctor profiles', () => {
  it("staff create a doctor's profile for an account; its id is the account's id", async () => {
    const clinic = await seed.clinic();
    const service = await seed.service({ name: 'Zeta consultation' });
    const userId = await doctorAccount();
    const created = await c.call<{ createDoctor: DoctorView }>(
      CREATE,
      {
        input: {
          userId: userId.toUpperCase(),
          name: ' José  Müller  Sr. ',
          specialties: ['Cardiology', 'cardiology', ' Internal Medicine '],
          qualifications: ['MD, Universidad de Sevilla'],
          languages: ['Spanish', 'German', ''],
          bio: 'Heart health.',
          clinicId: clinic.id,
          serviceIds: [service.id, service.id],
        },
      },
      { token: await staffToken() },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createDoctor).toEqual({
      id: userId,
      name: 'José Müller Sr.',
      specialties: ['Cardiology', 'Internal Medicine'],
      qualifications: ['MD, Universidad de Sevilla'],
      languages: ['Spanish', 'German'],
      bio: 'Heart health.',
      active: true,
      clinic: { id: clinic.id, name: clinic.name, timeZone: 'Europe/Berlin' },
      services: [{ id: service.id, name: 'Zeta consultation' }],
    });

    const again = await c.call(CREATE, { input: { userId, name: 'Someone', specialties: ['X'], clinicId: clinic.id } }, { token: await staffToken() });
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(field(again)).toBe('input.userId');
    expect((await read(userId))?.name).toBe('José Müller Sr.');
  });

  it.each([
    [{ userId: 'not-a-uuid' }, 'input.userId'],
    [{ name: '' }, 'input.name'],
    [{ specialties: [] }, 'input.specialties'],
    [{ specialties: [' ', ''] }, 'input.specialties'],
    [{ bio: 'x'.repeat(5001) }, 'input.bio'],
    [{ languages: ['x'.repeat(51)] }, 'input.languages'],
  ])('rejects %j naming the field', async (override, name) => {
    const clinic = await seed.clinic();
    const result = await c.call(
      CREATE,
      { input: { userId: randomUUID(), name: 'Dr. X', specialties: ['GP'], clinicId: clinic.id, ...override } },
      { token: await staffToken() },
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(field(result)).toBe(name);
  });

  it('leaves nothing behind when part of a creation fails', async () => {
    const clinic = await seed.clinic();
    const retired = await seed.service();
    await c.call('mutation($id: ID!) { deactivateService(id: $id) { id } }', { id: retired.id }, { token: await staffToken() });
    const cases: [Record<string, unknown>, string][] = [
      [{ clinicId: randomUUID() }, 'NOT_FOUND'],
      [{ serviceIds: [randomUUID()] }, 'NOT_FOUND'],
      [{ serviceIds: [retired.id] }, 'BAD_USER_INPUT'],
    ];
    for (const [override, code] of cases) {
      const userId = await doctorAccount();
      const result = await c.call(
        CREATE,
        { input: { userId, name: 'Dr. Half', specialties: ['GP'], clinicId: clinic.id, ...override } },
        { token: await staffToken() },
      );
      expect(errorCodes(result)).toEqual([code]);
      expect(await read(userId)).toBeNull();
      const log = await c.call<{ doctorsAdminLog: unknown[] }>(
        'query($id: ID) { doctorsAdminLog(entityId: $id) { id } }',
        { id: userId },
        { token: await adminToken() },
      );
      expect(log.data?.doctorsAdminLog).toEqual([]);
    }
  });

  it('staff change any field; the change is checked and applied whole', async () => {
    const [clinic, other] = [await seed.clinic(), await seed.clinic({ timeZone: 'America/New_York' })];
    const doctor = await seed.doctor({ clinicId: clinic.id, name: 'Dr. Before' });
    const token = await staffToken();
    const updated = await c.call<{ updateDoctor: DoctorView }>(
      UPDATE,
      { id: doctor.id, input: { name: 'Dr. After', specialties: ['Pediatrics'], clinicId: other.id, bio: '' } },
      { token },
    );
    expect(updated.data?.updateDoctor).toMatchObject({
      name: 'Dr. After',
      specialties: ['Pediatrics'],
      bio: null,
      clinic: { id: other.id, timeZone: 'America/New_York' },
    });

    const bad = await c.call(UPDATE, { id: doctor.id, input: { name: 'Dr. Never', clinicId: randomUUID() } }, { token });
    expect(errorCodes(bad)).toEqual(['NOT_FOUND']);
    expect((await read(doctor.id))?.name).toBe('Dr. After');
    expect(errorCodes(await c.call(UPDATE, { id: randomUUID(), input: { name: 'X' } }, { token }))).toEqual(['NOT_FOUND']);
  });

  it('a doctor edits bio, languages and qualifications of their own profile, nothing else and no one else', async () => {
    const clinic = await seed.clinic();
    const { session, profile } = await doctorWithProfile(clinic.id);
    const other = await seed.doctor({ clinicId: clinic.id });
    const token = session.accessToken;

    const own = await c.call<{ updateDoctor: DoctorView }>(
      UPDATE,
      { id: profile.id, input: { bio: 'I listen.', languages: ['English', 'Hindi'], qualifications: ['MBBS'] } },
      { token },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.updateDoctor).toMatchObject({ bio: 'I listen.', languages: ['English', 'Hindi'], qualifications: ['MBBS'] });

    for (const input of [{ name: 'Dr. Famous' }, { specialties: ['Surgery'] }, { clinicId: clinic.id }, { active: false }, { bio: 'ok', active: true }]) {
      const result = await c.call(UPDATE, { id: profile.id, input }, { token });
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0]?.message).toMatch(/^input\.(name|specialties|clinicId|active):/);
    }
    expect(errorCodes(await c.call(UPDATE, { id: other.id, input: { bio: 'hacked' } }, { token }))).toEqual(['FORBIDDEN']);
    expect(await read(profile.id)).toMatchObject({ name: profile.name, bio: 'I listen.', active: true });
    expect((await read(other.id))?.bio).toBeNull();
  });

  it('assigns services (each once), unassigns one, and hides deactivated services and doctors', async () => {
    const clinic = await seed.clinic();
    const [a, b] = [await seed.service({ name: 'A service' }), await seed.service({ name: 'B service' })];
    const doctor = await seed.doctor({ clinicId: clinic.id, serviceIds: [a.id] });
    const token = await staffToken();

    const assigned = await c.call<{ assignServices: { services: { id: string }[] } }>(ASSIGN, { d: doctor.id, s: [a.id, b.id, b.id] }, { token });
    expect(assigned.data?.assignServices.services).toEqual([{ id: a.id }, { id: b.id }]);
    const offering = async () =>
      (await c.call<{ service: { doctors: { id: string }[] } }>('query($id: ID!) { service(id: $id) { doctors { id } } }', { id: b.id })).data?.service.doctors;
    expect(await offering()).toEqual([{ id: doctor.id }]);

    const unassigned = await c.call<{ unassignService: { services: { id: string }[] } }>(UNASSIGN, { d: doctor.id, s: a.id }, { token });
    expect(unassigned.data?.unassignService.services).toEqual([{ id: b.id }]);
    // Unassigning again is no error: the result is what was asked for.
    expect((await c.call(UNASSIGN, { d: doctor.id, s: a.id }, { token })).errors).toBeUndefined();

    await c.call('mutation($id: ID!) { deactivateService(id: $id) { id } }', { id: b.id }, { token });
    expect((await read(doctor.id))?.services).toEqual([]);
    await c.call('mutation($id: ID!) { updateService(id: $id, input: { active: true }) { id } }', { id: b.id }, { token });
    await c.call('mutation($id: ID!) { deactivateDoctor(id: $id) { id } }', { id: doctor.id }, { token });
    expect(await offering()).toEqual([]);
  });

  it('says NOT_FOUND for unknown doctors and services in assignments', async () => {
    const clinic = await seed.clinic();
    const [service, doctor] = [await seed.service(), await seed.doctor({ clinicId: clinic.id })];
    const token = await staffToken();
    expect(errorCodes(await c.call(ASSIGN, { d: randomUUID(), s: [service.id] }, { token }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await c.call(ASSIGN, { d: doctor.id, s: [service.id, 'bogus'] }, { token }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await c.call(UNASSIGN, { d: doctor.id, s: randomUUID() }, { token }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await c.call('mutation($id: ID!) { deactivateDoctor(id: $id) { id } }', { id: randomUUID() }, { token }))).toEqual(['NOT_FOUND']);
    expect((await read(doctor.id))?.services).toEqual([]);
  });
});
