import { describe, expect, it } from 'vitest';
import type { Role } from '@medappt/platform';
import { mayEditProfile, mayReadProfile, mayReadProfileDetails, mayReadRecord, mayWriteRecord } from '../../src/domain/phi-policy.ts';

const PATIENT = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const viewer = (role: Role, userId = OTHER) => ({ role, userId });

const NONE = { profile: false, record: false };
const PROFILE = { profile: true, record: false };
const TREATS = { profile: true, record: true };

// [who, care of a doctor viewer, readProfile, readDetails, readRecord, writeRecord, editProfile]
const table: [string, ReturnType<typeof viewer>, typeof NONE, boolean, boolean, boolean, boolean, boolean][] = [
  ['the patient themselves', viewer('PATIENT', PATIENT), NONE, true, true, true, false, true],
  ['another patient', viewer('PATIENT'), NONE, false, false, false, false, false],
  ['a doctor who treats them', viewer('DOCTOR'), TREATS, true, true, true, true, false],
  ['a doctor with a staff booking only', viewer('DOCTOR'), PROFILE, true, true, false, false, false],
  ['a doctor without any', viewer('DOCTOR'), NONE, false, false, false, false, false],
  ['staff', viewer('STAFF'), NONE, true, true, false, false, true],
  ['staff (care irrelevant)', viewer('STAFF'), TREATS, true, true, false, false, true],
  ['an admin', viewer('ADMIN'), NONE, true, false, false, false, false],
  ['an admin (care irrelevant)', viewer('ADMIN'), TREATS, true, false, false, false, false],
];

describe('PHI policy', () => {
  it.each(table)('%s', (_who, v, care, readProfile, readDetails, readRecord, writeRecord, editProfile) => {
    const subject = { patientId: PATIENT, care };
    expect(mayReadProfile(v, subject).allowed).toBe(readProfile);
    expect(mayReadProfileDetails(v, subject).allowed).toBe(readDetails);
    expect(mayReadRecord(v, subject).allowed).toBe(readRecord);
    expect(mayWriteRecord(v, subject).allowed).toBe(writeRecord);
    expect(mayEditProfile(v, subject).allowed).toBe(editProfile);
  });
});
