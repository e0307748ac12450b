/** Input rules for patient profiles and record entries. Pure: each returns the problem or null. */

import { textProblem, type TextKind } from '@medappt/platform';

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

/** A real calendar date (no 2026-02-30), not in the future when `notFuture`. */
export function dateProblem(value: string | null | undefined, options: { notFuture?: boolean; today?: string } = {}): string | null {
  if (value === null || value === undefined) return null;
  if (!DATE.test(value)) return 'must be a date like 1980-04-23';
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) return 'is not a real calendar date';
  if (parsed.getUTCFullYear() < 1900) return 'must be after 1900';
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (options.notFuture && value > today) return 'must not be in the future';
  return null;
}

export function periodProblem(since: string | null | undefined, until: string | null | undefined): string | null {
  return since && until && until < since ? 'must not be before since' : null;
}
