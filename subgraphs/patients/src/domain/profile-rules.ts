/** Input rules for patient profiles and record entries. Pure: each returns the problem or null. */

const PHONE = /^\+?[0-9 ()./-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function requiredText(value: string, max: number): string | null {
  if (value.trim() === '') return 'is required';
  if (value.length > max) return `must be at most ${max} characters`;
  return null;
}

export function optionalText(value: string | null | undefined, max: number): string | null {
  return value && value.length > max ? `must be at most ${max} characters` : null;
}

export function phoneProblem(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return PHONE.test(value) ? null : 'must be a phone number like +49 30 1234567';
}

export function emailProblem(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return EMAIL.test(value.trim()) ? null : 'must be an email address like name@example.com';
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
