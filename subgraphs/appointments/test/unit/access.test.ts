import { Roles, type Role as PlatformRole } from '@medappt/platform';
import { describe, expect, it } from 'vitest';
import {
  clinicScheduleRefusal,
  doctorScheduleRefusal,
  managesHoursOf,
  maySeeAppointment,
  patientRecordsRefusal,
  type Caller,
  type Role,
} from '../../src/domain/access.ts';

const PATIENT = '11111111-1111-4111-8111-111111111111';
const DOCTOR = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const appointment = { patientId: PATIENT, doctorId: DOCTOR };
const as = (role: Role, userId = OTHER): Caller => ({ role, userId });

describe('the roles here', () => {
  it('are the platform roles', () => {
    // Both ways: a role added on one side only fails the typecheck here.
    const fromPlatform: readonly Role[] = Roles;
    const toPlatform: readonly PlatformRole[] = fromPlatform;
    expect(toPlatform).toEqual(Roles);
  });
});

describe('maySeeAppointment', () => {
  it.each<[string, Caller | null, boolean]>([
    ['its patient', as('PATIENT', PATIENT), true],
    ['its doctor', as('DOCTOR', DOCTOR), true],
    ['staff', as('STAFF'), true],
    ['another patient', as('PATIENT'), false],
    ['another doctor', as('DOCTOR'), false],
    ['an admin', as('ADMIN'), false],
    ['nobody signed in', null, false],
  ])('%s: %s', (_who, caller, expected) => {
    expect(maySeeAppointment(caller, appointment)).toBe(expected);
  });
});

describe('managesHoursOf', () => {
  it.each<[string, Caller | null, boolean]>([
    ['the doctor', as('DOCTOR', DOCTOR), true],
    ['staff', as('STAFF'), true],
    ['another doctor', as('DOCTOR'), false],
    ['a patient with the same id', as('PATIENT', DOCTOR), false],
    ['an admin', as('ADMIN'), false],
    ['nobody signed in', null, false],
  ])('%s: %s', (_who, caller, expected) => {
    expect(managesHoursOf(caller, DOCTOR)).toBe(expected);
  });
});

describe('refusals', () => {
  it.each<[string, string | null, string | null]>([
    ["the doctor's schedule to the doctor", doctorScheduleRefusal(as('DOCTOR', DOCTOR), DOCTOR), null],
    ["the doctor's schedule to staff", doctorScheduleRefusal(as('STAFF'), DOCTOR), null],
    ["the doctor's schedule to an admin", doctorScheduleRefusal(as('ADMIN'), DOCTOR), null],
    ["the doctor's schedule to another doctor", doctorScheduleRefusal(as('DOCTOR'), DOCTOR), "Only the doctor and clinic staff see a doctor's schedule."],
    ["the doctor's schedule to a patient", doctorScheduleRefusal(as('PATIENT', PATIENT), DOCTOR), "Only the doctor and clinic staff see a doctor's schedule."],
    ["a clinic's schedule to staff", clinicScheduleRefusal(as('STAFF')), null],
    ["a clinic's schedule to a doctor", clinicScheduleRefusal(as('DOCTOR', DOCTOR)), "Only clinic staff see a clinic's schedule and pending requests."],
    ["a clinic's schedule to an admin", clinicScheduleRefusal(as('ADMIN')), "Only clinic staff see a clinic's schedule and pending requests."],
    ["a patient's waitlist to the patient", patientRecordsRefusal(as('PATIENT', PATIENT), PATIENT, 'waitlist'), null],
    ["a patient's waitlist to staff", patientRecordsRefusal(as('STAFF'), PATIENT, 'waitlist'), null],
    [
      "a patient's appointments to their doctor",
      patientRecordsRefusal(as('DOCTOR', DOCTOR), PATIENT, 'appointments'),
      "Only the patient and clinic staff see a patient's appointments.",
    ],
    [
      "a patient's waitlist to an admin",
      patientRecordsRefusal(as('ADMIN'), PATIENT, 'waitlist'),
      "Only the patient and clinic staff see a patient's waitlist.",
    ],
  ])('%s', (_what, refusal, expected) => {
    expect(refusal).toBe(expected);
  });
});
