/** Input rules for accounts. Pure: each returns the problem in words, or null when the value is fine. */

import { textProblem } from '@medappt/platform';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;

// Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is proven by email, not regex.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailProblem(email: string): string | null {
  const text = textProblem(email, 'email', { required: true, maxLength: EMAIL_MAX_LENGTH });
  if (text) return text;
  if (!EMAIL.test(normaliseEmail(email))) return 'must be an email address like name@example.com';
  return null;
}

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (password.trim() === '') return 'must not be only spaces';
  return null;
}

export function nameProblem(name: string): string | null {
  return textProblem(name, 'name', { required: true, maxLength: NAME_MAX_LENGTH });
}
