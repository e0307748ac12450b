import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@medappt/testkit';
import { c, doctorAccount, seed, signedIn, unique, type ClinicView, type DoctorView, type ServiceView } from './fixtures.ts';

type Role = 'PATIENT' | 'DOCTOR' | 'STAFF' | 'ADMIN';
let clinic: ClinicView;
let service: ServiceView;
let assignable: ServiceView;
let doctor: DoctorView;

beforeAll(async () => {
  clinic = await seed.clinic();
  service = await seed.service();
  assignable = await seed.service();
  doctor = await seed.doctor({ clinicId: clinic.id });
});

/** Every staff operation, with variables that succeed for a caller who may run it. */
const operations: [string, string, () => Record<string, unknown> | Promise<Record<string, unknown>>][] = [
  [
    'createClinic',
    'mutation($i: CreateClinicInput!) { createClinic(input: $i) { id } }',
    () => ({ i: { name: unique('C'), address: 'A 1', timeZone: 'UTC' } }),
  ],
  ['updateClinic', 'mutation($id: ID!) { updateClinic(id: $id, input: { address: "B 2" }) { id } }', () => ({ id: clinic.id })],
  [
    'createService',
    'mutation($i: CreateServiceInput!) { createService(input: $i) { id } }',
    () => ({ i: { name: unique('S'), kind: 'OTHER', durationMinutes: 5, price: { amountCents: 1, currency: 'EUR' } } }),
  ],
  ['updateService', 'mutation($id: ID!) { updateService(id: $id, input: { durationMinutes: 40, active: true }) { id } }', () => ({ id: service.id })],
  ['deactivateService', 'mutation($id: ID!) { deactivateService(id: $id) { id } }', () => ({ id: service.id })],
  [
    'createDoctor',
    'mutation($i: CreateDoctorInput!) { createDoctor(input: $i) { id } }',
    async () => ({ i: { userId: await doctorAccount(), name: 'Dr. Auth', specialties: ['GP'], clinicId: clinic.id } }),
  ],
  ['updateDoctor', 'mutation($id: ID!) { updateDoctor(id: $id, input: { bio: "Hi", active: true }) { id } }', () => ({ id: doctor.id })],
  ['deactivateDoctor', 'mutation($id: ID!) { deactivateDoctor(id: $id) { id } }', () => ({ id: doctor.id })],
  ['assignServices', 'mutation($d: ID!, $s: ID!) { assignServices(doctorId: $d, serviceIds: [$s]) { id } }', () => ({ d: doctor.id, s: assignable.id })],
  ['unassignService', 'mutation($d: ID!, $s: ID!) { unassignService(doctorId: $d, serviceId: $s) { id } }', () => ({ d: doctor.id, s: assignable.id })],
];

const expected: Record<Role | 'nobody', string[]> = {
  nobody: ['UNAUTHENTICATED'],
  PATIENT: ['FORBIDDEN'],
  DOCTOR: ['FORBIDDEN'],
  STAFF: [],
  ADMIN: [],
};

describe('who may change the directory', () => {
  for (const [name, query, variables] of operations) {
    it.each(Object.keys(expected) as (Role | 'nobody')[])(`${name} as %s`, async (role) => {
      const token = role === 'nobody' ? undefined : (await signedIn(role)).accessToken;
      const result = await c.call(query, await variables(), { token });
      expect(errorCodes(result)).toEqual(expected[role]);
    });
  }

  it.each(['PATIENT', 'DOCTOR', 'STAFF'] as const)('doctorsAdminLog is for ADMIN only, not %s', async (role) => {
    const result = await c.call('{ doctorsAdminLog { id } }', {}, { token: (await signedIn(role)).accessToken });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await c.call('{ doctorsAdminLog { id } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('reads need no token', async () => {
    const result = await c.call<Record<string, unknown>>(
      'query($id: ID!, $s: ID!, $c: ID!) { doctors { totalCount } doctor(id: $id) { id } services { id } service(id: $s) { id } clinics { id } clinic(id: $c) { id } specialties }',
      { id: doctor.id, s: service.id, c: clinic.id },
    );
    expect(result.errors).toBeUndefined();
  });
});
