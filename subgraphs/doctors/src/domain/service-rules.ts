import { anyValue, codeProblem, fail, ok, optionalText, requiredText, type Rule } from './validation.ts';

export const SERVICE_KINDS = ['CHECKUP', 'SPECIALIST_CONSULTATION', 'LAB_TEST', 'FOLLOW_UP', 'VACCINATION', 'IMAGING', 'OTHER'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const MAX_DURATION_MINUTES = 24 * 60;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const durationMinutes: Rule<number, number> = (value) => {
  if (!Number.isInteger(value) || value <= 0) return fail('must be a whole number of minutes greater than zero');
  if (value > MAX_DURATION_MINUTES) return fail(`must be at most ${MAX_DURATION_MINUTES} minutes`);
  return ok(value);
};

export const currency: Rule<string, string> = (raw) => {
  const text = codeProblem(raw);
  if (text) return fail(text);
  const value = raw.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(value) || !CURRENCIES.has(value)) return fail(`"${raw}" is not an ISO 4217 currency code such as EUR or USD`);
  return ok(value);
};

export interface Price {
  priceCents: number;
  currency: string;
}

export const price: Rule<{ readonly amountCents: number; readonly currency: string }, Price> = (raw) => {
  if (!Number.isInteger(raw.amountCents) || raw.amountCents < 0) return fail('must be zero or more (in cents)', 'amountCents');
  const code = currency(raw.currency);
  if (!code.ok) return fail(code.message, 'currency');
  return ok({ priceCents: raw.amountCents, currency: code.value });
};

export const serviceRules = {
  name: requiredText(200),
  kind: anyValue<ServiceKind>(),
  description: optionalText(2000),
  durationMinutes,
  price,
  active: anyValue<boolean>(),
};
