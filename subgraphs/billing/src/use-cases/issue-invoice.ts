import { codedError, notFound, requireRole } from '@medappt/platform';
import type { BillingContext } from '../context.ts';
import type { InvoiceRow } from '../db/schema.ts';
import { clinicDate, dueDateOf, invoiceNumber, settingsAtClinic } from '../domain/billing-settings.ts';
import { decideInvoiceAction, statusForPaid } from '../domain/invoice-status.ts';
import { publishInvoiceIssued, publishInvoicePaid } from '../events/publishes-billing.ts';
import { findClinic } from '../repository/catalogue.ts';
import type { BillingDbOrTx } from '../repository/db.ts';
import { lockInvoice, nextInvoiceSequence, updateInvoice } from '../repository/invoices.ts';
import { findSettings } from '../repository/settings.ts';
import { checkId } from './check-input.ts';

/**
 * Numbers a (locked) draft and makes it due, in the caller's transaction: the clinic's counter row
 * for the year is locked until it commits, so numbers are gapless. An invoice of 0 is paid at once.
 */
export async function issueDraft(tx: BillingDbOrTx, invoice: InvoiceRow, now: Date): Promise<InvoiceRow> {
  const clinic = await findClinic(tx, invoice.clinicId);
  const settings = settingsAtClinic(await findSettings(tx, invoice.clinicId), clinic?.currency ?? invoice.currency);
  const issueDate = clinicDate(clinic?.timeZone ?? 'UTC', now);
  const year = Number(issueDate.slice(0, 4));
  const sequence = await nextInvoiceSequence(tx, invoice.clinicId, year);
  const status = statusForPaid(invoice.grossCents, invoice.paidCents);
  const issued = await updateInvoice(tx, invoice.id, {
    number: invoiceNumber(settings.invoicePrefix, year, sequence),
    status,
    dueDate: dueDateOf(issueDate, invoice.paymentTermsDays),
    issuedAt: now,
    ...(status === 'PAID' && { paidAt: now }),
  });
  await publishInvoiceIssued(tx, issued);
  if (status === 'PAID') await publishInvoicePaid(tx, issued);
  return issued;
}

/** Locks the invoice, or NOT_FOUND. */
export async function lockedInvoice(tx: BillingDbOrTx, id: string): Promise<InvoiceRow> {
  const invoice = await lockInvoice(tx, id);
  if (!invoice) throw notFound('Invoice', id);
  return invoice;
}

export async function issueInvoice(ctx: BillingContext, input: { id: string }): Promise<InvoiceRow> {
  requireRole(ctx.auth, 'STAFF');
  checkId('id', input.id);
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockedInvoice(tx, input.id);
    const decision = decideInvoiceAction(invoice.status, 'ISSUE', invoice.paidCents);
    if (!decision.ok) throw codedError('INVALID_TRANSITION', decision.message);
    return issueDraft(tx, invoice, ctx.now());
  });
}
