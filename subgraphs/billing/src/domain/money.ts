import { problem, type Problem } from '@medappt/platform/domain';

/**
 * Money is integer minor units of an ISO 4217 currency, never a float (adr/014). Prices are net;
 * tax is added on top, per line, rounded half up to the minor unit, and the invoice's totals are
 * the sums of its lines, so every line on paper adds up to the totals.
 */
export interface Money {
  readonly amountCents: number;
  readonly currency: string;
}

export const BASIS_POINTS = 10_000;
/** A billion minor units (ten million euros): no visit or fee comes near it, and sums stay exact in a double. */
export const MAX_AMOUNT_CENTS = 1_000_000_000;

/** `value / divisor` rounded to the nearest integer, halves away from zero; integers only, so exact. */
export function divideRoundHalfUp(value: number, divisor: number): number {
  const sign = value < 0 ? -1 : 1;
  const magnitude = Math.abs(value);
  return sign * Math.floor((magnitude * 2 + divisor) / (divisor * 2));
}

/** The tax on a net amount at `basisPoints` (1900 = 19 %), half up to the minor unit. */
export const taxOf = (netCents: number, basisPoints: number): number => divideRoundHalfUp(netCents * basisPoints, BASIS_POINTS);

export interface PricedLine {
  readonly description: string;
  readonly netCents: number;
}

export interface Totals {
  readonly lines: readonly (PricedLine & { readonly taxCents: number })[];
  readonly netCents: number;
  readonly taxCents: number;
  readonly grossCents: number;
}

/** Tax once per line, then sums: the totals are what the lines say. */
export function invoiceTotals(lines: readonly PricedLine[], taxRateBasisPoints: number): Totals {
  const taxed = lines.map((line) => ({ ...line, taxCents: taxOf(line.netCents, taxRateBasisPoints) }));
  const netCents = taxed.reduce((sum, l) => sum + l.netCents, 0);
  const taxCents = taxed.reduce((sum, l) => sum + l.taxCents, 0);
  return { lines: taxed, netCents, taxCents, grossCents: netCents + taxCents };
}

export const isCurrencyCode = (code: string): boolean => /^[A-Z]{3}$/.test(code);

/** An amount as input: whole minor units within bounds, in `currency`. Fields relative to the money (`amountCents`, `currency`). */
export function moneyProblems(money: Money, rules: { currency: string; allowNegative?: boolean; allowZero?: boolean }): Problem[] {
  const problems: Problem[] = [];
  const { amountCents } = money;
  const min = rules.allowNegative ? -MAX_AMOUNT_CENTS : 0;
  if (!Number.isSafeInteger(amountCents) || amountCents < min || amountCents > MAX_AMOUNT_CENTS) {
    problems.push(problem('amountCents', `must be a whole number of minor units from ${min} to ${MAX_AMOUNT_CENTS}`));
  } else if (amountCents === 0 && rules.allowZero === false) {
    problems.push(problem('amountCents', 'must not be zero'));
  }
  if (money.currency !== rules.currency) problems.push(problem('currency', `must be ${rules.currency}, the currency of this clinic's invoices`));
  return problems;
}
