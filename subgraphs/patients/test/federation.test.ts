import { describe, expect, it } from 'vitest';
import { errorCodes, fetchAsRouter, postAsRouter, postSubgraph } from '@medappt/testkit';
import { accountWithRole, appointmentEvent, patientWithProfile, testEnv, untilDoctorMayRead } from './fixtures.ts';

const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id name } } }';

async function sqlQueries(response: Response): Promise<number> {
  return Number(/sql;desc="(\d+) queries"/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? NaN);
}

function entities(reps: { id: string }[], token: string): Promise<Response> {
  return fetchAsRouter(testEnv().patientsUrl, { query: ENTITIES, variables: { r: reps.map((r) => ({ __typename: 'Patient', ...r })) } }, { token });
}

describe('patients in the supergraph', () => {
  it('resolves Patient references in one SQL query for 50 of them', async () => {
    const patients = await Promise.all(Array.from({ length: 50 }, () => patientWithProfile()));
    const staff = await accountWithRole('STAFF');
    const response = await entities(
      patients.map((p) => ({ id: p.user.id })),
      staff.accessToken,
    );
    const body = (await response.json()) as { data: { _entities: { id: string; name: string }[] } };
    expect(body.data._entities).toHaveLength(50);
    expect(body.data._entities.every((e, i) => e.id === patients[i]!.user.id && e.name === 'Pat Ient')).toBe(true);
    expect(await sqlQueries(response)).toBe(1);
  });

  it('gives a doctor only the patients they treat, with one care lookup for the whole batch', async () => {
    const doctor = await accountWithRole('DOCTOR');
    const [treated, other] = [await patientWithProfile(), await patientWithProfile()];
    await appointmentEvent(doctor.user.id, treated.user.id, 'CONFIRMED');
    await untilDoctorMayRead(treated.user.id, doctor.accessToken);
    const response = await entities([{ id: treated.user.id }, { id: other.user.id }], doctor.accessToken);
    const body = (await response.json()) as { data: { _entities: ({ id: string } | null)[] } };
    expect(body.data._entities).toEqual([{ id: treated.user.id, name: 'Pat Ient' }, null]);
    expect(await sqlQueries(response)).toBe(2);
  });

  it('is no back door: the subgraph refuses a record read without a token', async () => {
    const patient = await patientWithProfile();
    const query = 'query($id: ID!) { medicalRecord(patientId: $id) { allergies { id } } }';
    // Unsigned (not from the router): refused before anything runs, with or without a token.
    const unsigned = await postSubgraph(testEnv().patientsUrl, query, { id: patient.user.id }, { token: patient.accessToken });
    expect(unsigned.status).toBe(401);
    expect(errorCodes(unsigned)).toEqual(['UNAUTHENTICATED']);
    // Signed but without a token: the subgraph still judges the token itself.
    const direct = await postAsRouter(testEnv().patientsUrl, query, { id: patient.user.id });
    expect(errorCodes(direct)).toEqual(['UNAUTHENTICATED']);
  });
});
