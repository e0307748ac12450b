import { describe, expect, it } from 'vitest';
import type { Role } from '@medappt/platform';
import { mayEditProfile, mayReadProfile, mayReadRecord, mayWriteRecord } from '../../src/domain/phi-policy.ts';

const PATIENT = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const viewer = (role: Role, userId = OTHER) => ({ role, userId });

// [who, careRelation, readProfile, readRecord, writeRecord, editProfile]
const table: [string, ReturnType<typeof viewer>, boolean, boolean, boolean, boolean, boolean][] = [
  ['the patient themselves', viewer('PATIENT', PATIENT), false, true, true, false, true],
  ['another patient', viewer('PATIENT'), false, false, false, false, false],
  ['a doctor with a care relation', viewer('DOCTOR'), true, true, true, true, false],
  ['a doctor without one', viewer('DOCTOR'), false, false, false, false, false],
  ['staff', viewer('STAFF'), false, true, false, false, true],
  ['staff (relation irrelevant)', viewer('STAFF'), true, true, false, false, true],
  ['an admin', viewer('ADMIN'), false, true, false, false, false],
];

describe('PHI policy', () => {
  it.each(table)('%s', (_who, v, careRelation, readProfile, readRecord, writeRecord, editProfile) => {
    const subject = { patientId: PATIENT, careRelation };
    expect(mayReadProfile(v, subject).allowed).toBe(readProfile);
    expect(mayReadRecord(v, subject).allowed).toBe(readRecord);
    expect(mayWriteRecord(v, subject).allowed).toBe(writeRecord);
    expect(mayEditProfile(v, subject).allowed).toBe(editProfile);
  });
});
