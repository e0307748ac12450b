/**
 * Input rules for patient profiles, and the single-value rules record entries share. Pure: a
 * value rule returns the rule broken or null; an input's rules return its Problems.
 */

import { isUuid, problem, textProblem, type Problem, type TextKind } from '@medappt/platform/domain';

const PHONE = /^\+?[0-9 ()./-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `trim: false` for fields stored as typed (record entries); the length is then of the value as typed. */
export function requiredText(value: string, max: number, kind: TextKind = 'name', options: { trim?: boolean } = {}): string | null {
  return textProblem(value, kind, { ...options, maxLength: max, required: true });
}

export function optionalText(value: string | null | undefined, max: number, kind: TextKind = 'name', options: { trim?: boolean } = {}): string | null {
  return textProblem(value, kind, { ...options, maxLength: max });
}

export function phoneProblem(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return textProblem(value, 'phone') ?? (PHONE.test(value) ? null : 'must be a phone number like +49 30 1234567');
}

export function emailProblem(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return textProblem(value, 'email') ?? (EMAIL.test(value.trim()) ? null : 'must be an email address like name@example.com');
}

/** The calendar day (UTC) of an instant, as dates are written here: what "today" is to the rules below. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** A real calendar date (no 2026-02-30), not in the future when `notFuture`. */
export function dateProblem(value: string | null | undefined, options: { notFuture?: boolean; today?: string } = {}): string | null {
  if (value === null || value === undefined) return null;
  if (!DATE.test(value)) return 'must be a date like 1980-04-23';
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) return 'is not a real calendar date';
  if (parsed.getUTCFullYear() < 1900) return 'must be after 1900';
  const today = options.today ?? dayOf(new Date());
  if (options.notFuture && value > today) return 'must not be in the future';
  return null;
}

export function periodProblem(since: string | null | undefined, until: string | null | undefined): string | null {
  return since && until && until < since ? 'must not be before since' : null;
}

/** The Problems among (field relative to the input, rule it breaks or null) pairs, in their order. */
export function problemsOf(checks: readonly (readonly [field: string, message: string | null])[]): Problem[] {
  return checks.flatMap(([field, message]) => (message ? [problem(field, message)] : []));
}

export interface ProfileFields {
  /** Whose profile: the patient's own id for a patient, else what staff named ('' when nobody). */
  patientId: string;
  name: string;
  dateOfBirth?: string | null;
  phone?: string | null;
  email?: string | null;
  emergencyContact?: { name: string; relationship?: string | null; phone: string } | null;
}

/** A profile's problems, in the order a form lists its fields. */
export function profileProblems(profile: ProfileFields, options: { today?: string } = {}): Problem[] {
  const contact = profile.emergencyContact;
  return problemsOf([
    ['patientId', !profile.patientId ? 'is required when staff save a profile' : isUuid(profile.patientId) ? null : 'must be a user id (UUID)'],
    ['name', requiredText(profile.name, 200)],
    ['dateOfBirth', dateProblem(profile.dateOfBirth, { notFuture: true, ...options })],
    ['phone', phoneProblem(profile.phone)],
    ['email', emailProblem(profile.email)],
    ['emergencyContact.name', contact ? requiredText(contact.name, 200) : null],
    ['emergencyContact.relationship', optionalText(contact?.relationship, 100)],
    ['emergencyContact.phone', contact ? (requiredText(contact.phone, 30, 'phone') ?? phoneProblem(contact.phone)) : null],
  ]);
}
