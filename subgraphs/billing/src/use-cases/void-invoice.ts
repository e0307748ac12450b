import { checkText, codedError, requireRole } from '@medappt/platform';
import type { BillingContext } from '../context.ts';
import type { InvoiceRow } from '../db/schema.ts';
import { decideInvoiceAction } from '../domain/invoice-status.ts';
import { publishInvoiceVoided } from '../events/publishes-billing.ts';
import { updateInvoice } from '../repository/invoices.ts';
import { checkId } from './check-input.ts';
import { lockedInvoice } from './issue-invoice.ts';

/** A draft, or an issued invoice with nothing paid on it, becomes VOID; an issued one keeps its number (no gap). */
export async function voidInvoice(ctx: BillingContext, input: { id: string; reason: string }): Promise<InvoiceRow> {
  requireRole(ctx.auth, 'STAFF');
  checkId('id', input.id);
  const reason = checkText('reason', input.reason, 'reason');
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockedInvoice(tx, input.id);
    const decision = decideInvoiceAction(invoice.status, 'VOID', invoice.paidCents);
    if (!decision.ok) throw codedError('INVALID_TRANSITION', decision.message);
    const voided = await updateInvoice(tx, invoice.id, { status: 'VOID', voidedAt: ctx.now(), voidReason: reason });
    await publishInvoiceVoided(tx, voided);
    return voided;
  });
}
