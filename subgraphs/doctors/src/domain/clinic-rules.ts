import { codeProblem, fail, ok, requiredText, type Rule } from './validation.ts';
import { cleanText } from '@medappt/platform';

/** Area/Location names (and UTC); Intl alone would also take offsets like +01:00, which ignore daylight saving. */
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

export const timeZone: Rule<string, string> = (raw) => {
  const value = raw.trim();
  if (value === '') return fail('is required');
  const text = codeProblem(value);
  if (text) return fail(text);
  let canonical: string;
  try {
    if (!IANA_SHAPE.test(value)) throw new RangeError(value);
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return fail(`"${value}" is not an IANA time zone; use a name such as Europe/Berlin or America/New_York`);
  }
  // Fix the spelling's case, but keep a valid alias as typed (ICU would turn Asia/Kolkata into Asia/Calcutta).
  return ok(canonical.toLowerCase() === value.toLowerCase() ? canonical : value);
};

export const phone: Rule<string, string | null> = (raw) => {
  const text = cleanText(raw, 'phone');
  if (!text.ok) return fail(text.message);
  const value = text.value.replace(/\s+/g, ' ');
  if (value === '') return ok(null);
  const digits = value.replace(/\D/g, '').length;
  if (!/^\+?[0-9(][0-9 ()./-]*$/.test(value) || digits < 5 || digits > 15) {
    return fail('must be a phone number of 5 to 15 digits, e.g. +49 30 1234567');
  }
  return ok(value);
};

export const clinicRules = {
  name: requiredText(200),
  address: requiredText(500, 'text'),
  timeZone,
  phone,
};
