import { isUuid } from '@medappt/platform/domain';
import { anyValue, fail, ok, optionalText, requiredText, textList, type Rule } from './validation.ts';

export const userId: Rule<string, string> = (raw) => {
  const value = raw.trim().toLowerCase();
  return isUuid(value) ? ok(value) : fail('must be the id (a UUID) of an existing user account');
};

export const doctorRules = {
  name: requiredText(200),
  specialties: textList({ maxItems: 10, maxLength: 100, atLeastOne: true }),
  qualifications: textList({ maxItems: 30, maxLength: 200 }),
  languages: textList({ maxItems: 20, maxLength: 50 }),
  bio: optionalText(5000),
  // Existence is checked against the database: an unknown clinic is NOT_FOUND, not bad input.
  clinicId: anyValue<string>(),
  active: anyValue<boolean>(),
};

/**
 * What doctors may change on their own profile: how they present themselves. Name, specialties
 * and clinic are vetted by the clinic (patients choose doctors by them), and only staff hide or
 * show a doctor.
 */
export const DOCTOR_SELF_EDITABLE = ['bio', 'languages', 'qualifications'] as const;

/** The first field of an update a doctor may not make to their own profile, or null. */
export function fieldDoctorMayNotChange(input: Readonly<Record<string, unknown>>): string | null {
  const allowed: readonly string[] = DOCTOR_SELF_EDITABLE;
  return Object.keys(input).find((key) => input[key] !== null && input[key] !== undefined && !allowed.includes(key)) ?? null;
}
