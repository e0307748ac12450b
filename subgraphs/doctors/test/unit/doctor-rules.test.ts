import { describe, expect, it } from 'vitest';
import { fieldDoctorMayNotChange, userId } from '../../src/domain/doctor-rules.ts';

describe('userId', () => {
  it.each([
    ['0b9c3f8e-6a1d-4c2e-9f3a-1b2c3d4e5f60', { ok: true, value: '0b9c3f8e-6a1d-4c2e-9f3a-1b2c3d4e5f60' }],
    [' 0B9C3F8E-6A1D-4C2E-9F3A-1B2C3D4E5F60 ', { ok: true, value: '0b9c3f8e-6a1d-4c2e-9f3a-1b2c3d4e5f60' }],
    ['42', { ok: false, message: 'must be the id (a UUID) of an existing user account' }],
    ['', { ok: false, message: 'must be the id (a UUID) of an existing user account' }],
  ])('%j → %j', (raw, outcome) => {
    expect(userId(raw)).toEqual(outcome);
  });
});

describe('fieldDoctorMayNotChange', () => {
  it.each([
    [{ bio: 'Hi' }, null],
    [{ bio: 'Hi', languages: ['English'], qualifications: ['MD'] }, null],
    [{ bio: 'Hi', name: null, active: undefined }, null],
    [{}, null],
    [{ name: 'Dr. New' }, 'name'],
    [{ bio: 'Hi', specialties: ['Surgery'] }, 'specialties'],
    [{ clinicId: 'x' }, 'clinicId'],
    [{ active: true }, 'active'],
    [{ active: false }, 'active'],
  ])('%j → %j', (input, field) => {
    expect(fieldDoctorMayNotChange(input)).toBe(field);
  });
});
