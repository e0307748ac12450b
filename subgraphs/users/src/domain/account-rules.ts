/** Input rules for accounts. Pure: each returns the problem in words, or null when the value is fine. */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 200;

// Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is proven by email, not regex.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailProblem(email: string): string | null {
  const value = normaliseEmail(email);
  if (value === '') return 'is required';
  if (value.length > 254) return 'must be at most 254 characters';
  if (!EMAIL.test(value)) return 'must be an email address like name@example.com';
  return null;
}

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (password.trim() === '') return 'must not be only spaces';
  return null;
}

export function nameProblem(name: string): string | null {
  const value = name.trim();
  if (value === '') return 'is required';
  if (value.length > NAME_MAX_LENGTH) return `must be at most ${NAME_MAX_LENGTH} characters`;
  return null;
}
