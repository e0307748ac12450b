import { currency } from './service-rules.ts';
import { anyValue, codeProblem, fail, ok, requiredText, type Rule } from './validation.ts';
import { cleanText, isIanaTimeZone } from '@medappt/platform/domain';

/**
 * The platform's zone rule (`isIanaTimeZone`), the one appointments and notifications check too: a
 * zone this accepts is one they accept. Intl alone would also take legacy names such as CET or EST
 * and offsets like +01:00, which ignore or fix daylight saving.
 */
export const timeZone: Rule<string, string> = (raw) => {
  const value = raw.trim();
  if (value === '') return fail('is required');
  const text = codeProblem(value);
  if (text) return fail(text);
  let spelled = value;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    // Fix the spelling's case, but keep a valid alias as typed (ICU would turn Asia/Kolkata into Asia/Calcutta).
    if (canonical.toLowerCase() === value.toLowerCase()) spelled = canonical;
  } catch {
    /* refused below */
  }
  if (!isIanaTimeZone(spelled)) {
    return fail(
      `"${value}" is not an IANA time zone (Area/Location, or UTC; legacy names such as CET or EST are refused); use a name such as Europe/Berlin or America/New_York`,
    );
  }
  return ok(spelled);
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
  active: anyValue<boolean>(),
  currency,
};
