import { randomUUID } from 'node:crypto';
import { checkOptionalText, codedError, rejectProblems, requireRole } from '@medappt/platform';
import type { BillingContext } from '../context.ts';
import type { InvoiceRow } from '../db/schema.ts';
import type { RecordPaymentInput } from '../generated/resolvers-types.ts';
import { decideInvoiceAction, statusForPaid } from '../domain/invoice-status.ts';
import { paymentProblems, receivedAtProblems } from '../domain/payment-rules.ts';
import { publishInvoicePaid, publishPaymentRecorded } from '../events/publishes-billing.ts';
import { updateInvoice } from '../repository/invoices.ts';
import { insertPayment } from '../repository/payments.ts';
import { checkId } from './check-input.ts';
import { lockedInvoice } from './issue-invoice.ts';

/**
 * A payment or a refund, under the invoice's row lock: two payments racing are applied one after
 * the other, so the second sees the first and an overpayment is refused whichever comes last.
 * An invoice is paid when the payment that settles it was received, not when it was recorded.
 */
export async function recordPayment(ctx: BillingContext, input: RecordPaymentInput): Promise<InvoiceRow> {
  const viewer = requireRole(ctx.auth, 'STAFF');
  checkId('input.invoiceId', input.invoiceId);
  const reference = checkOptionalText('input.reference', input.reference, 'code');
  const reason = checkOptionalText('input.reason', input.reason, 'reason');
  const now = ctx.now();
  const receivedAt = input.receivedAt ?? now;
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockedInvoice(tx, input.invoiceId);
    const decision = decideInvoiceAction(invoice.status, 'PAY', invoice.paidCents);
    if (!decision.ok) throw codedError('INVALID_TRANSITION', decision.message);
    rejectProblems(
      [...paymentProblems(invoice, { amount: input.amount, reason }), ...receivedAtProblems(receivedAt, { now, issuedAt: invoice.issuedAt })],
      'input',
    );
    const payment = await insertPayment(tx, {
      id: randomUUID(),
      invoiceId: invoice.id,
      amountCents: input.amount.amountCents,
      currency: input.amount.currency,
      method: input.method,
      reference,
      reason,
      receivedAt,
      recordedBy: viewer.userId,
    });
    const paidCents = invoice.paidCents + payment.amountCents;
    const status = statusForPaid(invoice.grossCents, paidCents);
    const updated = await updateInvoice(tx, invoice.id, { paidCents, status, paidAt: status === 'PAID' ? payment.receivedAt : null });
    await publishPaymentRecorded(tx, updated, payment);
    if (status === 'PAID' && invoice.status !== 'PAID') await publishInvoicePaid(tx, updated);
    return updated;
  });
}
