import { describe, expect, it } from 'vitest';
import { fetchAsRouter, testEnv } from '@medappt/testkit';
import { c, doctorWithProfile, seed } from './fixtures.ts';

/** Straight to the subgraph, as the router does: `_entities` is not part of the public API. */
async function entities(
  representations: Record<string, unknown>[],
  selection: string,
): Promise<{ body: { data?: { _entities: unknown[] }; errors?: unknown }; sqlQueries: number }> {
  const response = await fetchAsRouter(testEnv().doctorsUrl, {
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
    variables: { r: representations },
  });
  const sqlQueries = Number(/sql;desc="(\d+) queries"/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? NaN);
  return { body: (await response.json()) as { data?: { _entities: unknown[] } }, sqlQueries };
}

describe('doctors in the supergraph', () => {
  it('resolves each @key entity from its representation, and null for unknown or malformed ids', async () => {
    const clinic = await seed.clinic({ name: 'Entity Clinic' });
    const service = await seed.service({ name: 'Entity Service' });
    const doctor = await seed.doctor({ clinicId: clinic.id, name: 'Entity Doctor', serviceIds: [service.id] });
    const { body } = await entities(
      [
        { __typename: 'Doctor', id: doctor.id },
        { __typename: 'Clinic', id: clinic.id },
        { __typename: 'MedicalService', id: service.id },
        { __typename: 'User', id: doctor.id },
        { __typename: 'Doctor', id: '00000000-0000-4000-8000-000000000009' },
        { __typename: 'Clinic', id: 'not-a-uuid' },
      ],
      `... on Doctor { id name user { id } clinic { name } }
       ... on Clinic { id name timeZone }
       ... on MedicalService { id name doctors { id } }
       ... on User { id doctorProfile { name } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { id: doctor.id, name: 'Entity Doctor', user: { id: doctor.id }, clinic: { name: 'Entity Clinic' } },
      { id: clinic.id, name: 'Entity Clinic', timeZone: 'Europe/Berlin' },
      { id: service.id, name: 'Entity Service', doctors: [{ id: doctor.id }] },
      { id: doctor.id, doctorProfile: { name: 'Entity Doctor' } },
      null,
      null,
    ]);
  });

  it('resolves 50 doctors with their clinics and services in 3 SQL queries, not 50+', async () => {
    const clinics = [await seed.clinic(), await seed.clinic(), await seed.clinic()];
    const services = [await seed.service(), await seed.service(), await seed.service()];
    const doctors = [];
    for (let i = 0; i < 50; i += 10) {
      doctors.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, j) =>
            seed.doctor({ clinicId: clinics[(i + j) % 3]!.id, serviceIds: [services[(i + j) % 3]!.id, services[(i + j + 1) % 3]!.id] }),
          ),
        )),
      );
    }
    const { body, sqlQueries } = await entities(
      doctors.map((d) => ({ __typename: 'Doctor', id: d.id })),
      '... on Doctor { id name clinic { id name } services { id name } }',
    );
    expect(body.errors).toBeUndefined();
    const resolved = body.data!._entities as { id: string; clinic: { id: string }; services: unknown[] }[];
    expect(resolved.map((d) => d.id)).toEqual(doctors.map((d) => d.id));
    expect(resolved.map((d) => d.clinic.id)).toEqual(doctors.map((d) => d.clinic.id));
    expect(resolved.every((d) => d.services.length === 2)).toBe(true);
    // One query each: doctors by id, their clinics, their services.
    expect(sqlQueries).toBe(3);
  });

  it('batches services and their doctors too', async () => {
    const clinic = await seed.clinic();
    const services = await Promise.all(Array.from({ length: 20 }, () => seed.service()));
    await seed.doctor({ clinicId: clinic.id, serviceIds: services.map((s) => s.id) });
    const { body, sqlQueries } = await entities(
      services.map((s) => ({ __typename: 'MedicalService', id: s.id })),
      '... on MedicalService { id doctors { id clinic { id } services { id } } }',
    );
    expect(body.errors).toBeUndefined();
    expect((body.data!._entities as { doctors: unknown[] }[]).every((s) => s.doctors.length === 1)).toBe(true);
    // Services by id, doctors of services, the doctors' clinics, the doctors' services.
    expect(sqlQueries).toBe(4);
  });

  it("joins the users subgraph through the router: an account's doctor profile and a doctor's account", async () => {
    const clinic = await seed.clinic();
    const { session, profile } = await doctorWithProfile(clinic.id);
    const me = await c.call<{ me: { role: string; doctorProfile: { id: string; clinic: { id: string } } } }>(
      '{ me { role doctorProfile { id clinic { id } } } }',
      {},
      { token: session.accessToken },
    );
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toEqual({ role: 'DOCTOR', doctorProfile: { id: session.user.id, clinic: { id: clinic.id } } });

    const doctor = await c.call<{ doctor: { user: { name: string; role: string } } }>('query($id: ID!) { doctor(id: $id) { user { id name role } } }', {
      id: profile.id,
    });
    expect(doctor.data?.doctor.user).toEqual({ id: session.user.id, name: session.user.name, role: 'DOCTOR' });
  });
});
