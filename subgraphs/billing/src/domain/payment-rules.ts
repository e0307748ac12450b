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
