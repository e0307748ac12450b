import { problem, type Problem } from '@medappt/platform/domain';
import { moneyProblems, type Money } from './money.ts';

/**
 * A payment adds to what was paid, never past the gross (an overpayment is refused, not kept as
 * credit); a refund is a negative payment with a reason, never more than what was paid.
 * Fields relative to the payment input (`amount.amountCents`, `reason`).
 */
export function paymentProblems(
  invoice: { grossCents: number; paidCents: number; currency: string },
  payment: { amount: Money; reason: string | null },
): Problem[] {
  const money = moneyProblems(payment.amount, { currency: invoice.currency, allowNegative: true, allowZero: false }).map((p) =>
    problem(`amount.${p.field}`, p.message),
  );
  if (money.length > 0) return money;
  const { amountCents } = payment.amount;
  const balance = invoice.grossCents - invoice.paidCents;
  if (amountCents > balance) {
    return [
      problem(
        'amount.amountCents',
        balance === 0 ? 'the invoice is paid in full; nothing more can be paid on it' : `is more than the balance of ${balance}: overpayments are refused`,
      ),
    ];
  }
  if (amountCents < 0) {
    if (-amountCents > invoice.paidCents) return [problem('amount.amountCents', `refunds at most what was paid (${invoice.paidCents})`)];
    if (!payment.reason) return [problem('reason', 'is required for a refund (a negative amount)')];
  }
  return [];
}

/** Clocks of tills and terminals run a little ahead of ours: this much of the future is taken as now. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * When a payment was received: not in the future (beyond the clocks' skew), and not before the
 * invoice was issued (nothing was owed then). Field relative to the payment input (`receivedAt`).
 */
export function receivedAtProblems(receivedAt: Date, rules: { now: Date; issuedAt: Date | null }): Problem[] {
  if (Number.isNaN(receivedAt.getTime())) return [problem('receivedAt', 'is not a time')];
  if (receivedAt.getTime() > rules.now.getTime() + CLOCK_SKEW_MS) return [problem('receivedAt', 'is in the future; a payment is recorded once received')];
  if (rules.issuedAt && receivedAt < rules.issuedAt) {
    return [problem('receivedAt', `is before the invoice was issued (${rules.issuedAt.toISOString()}); nothing was owed then`)];
  }
  return [];
}
