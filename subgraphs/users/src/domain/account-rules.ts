/** Input rules for accounts. Pure: each returns the problems of the input it is given (none when it is fine). */

import { problem, textProblem, type Problem } from '@medappt/platform/domain';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;

// Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is proven by email, not regex.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewAccount {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function emailRule(email: string): string | null {
  const text = textProblem(email, 'email', { required: true, maxLength: EMAIL_MAX_LENGTH });
  if (text) return text;
  if (!EMAIL.test(normaliseEmail(email))) return 'must be an email address like name@example.com';
  return null;
}

function passwordRule(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (password.trim() === '') return 'must not be only spaces';
  return null;
}

function nameRule(name: string): string | null {
  return textProblem(name, 'name', { required: true, maxLength: NAME_MAX_LENGTH });
}

const problems = (checks: [field: string, message: string | null][]): Problem[] =>
  checks.flatMap(([field, message]) => (message === null ? [] : [problem(field, message)]));

/** The email a sign-in is tried with (`email`). */
export function emailProblems(email: string): Problem[] {
  return problems([['email', emailRule(email)]]);
}

/** A new account's email, password and name, in that order (the first is the one a client is told of first). */
export function accountProblems(account: NewAccount): Problem[] {
  return problems([
    ['email', emailRule(account.email)],
    ['password', passwordRule(account.password)],
    ['name', nameRule(account.name)],
  ]);
}
