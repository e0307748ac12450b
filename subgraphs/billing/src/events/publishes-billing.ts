import { Topics, writeEvent } from '@medappt/platform';
import type { InvoiceRow, PaymentRow } from '../db/schema.ts';
import type { BillingDbOrTx } from '../repository/db.ts';

// Written in the transaction of the change (the outbox), keyed by invoice id: ids, amounts, the
// number and dates only (what the patient's notice needs), never a line's description or a void's
// reason (docs/events.md).

const factsOf = (invoice: InvoiceRow) => ({
  invoiceId: invoice.id,
  clinicId: invoice.clinicId,
  patientId: invoice.patientId,
  appointmentId: invoice.appointmentId,
  kind: invoice.kind,
  currency: invoice.currency,
  grossCents: invoice.grossCents,
  number: invoice.number,
});

export async function publishInvoiceIssued(tx: BillingDbOrTx, invoice: InvoiceRow): Promise<void> {
  await writeEvent(tx, Topics.billing.name, {
    type: 'invoice.issued',
    key: invoice.id,
    payload: { ...factsOf(invoice), number: invoice.number ?? '', dueDate: invoice.dueDate ?? '', issuedAt: (invoice.issuedAt ?? new Date()).toISOString() },
  });
}

export async function publishInvoicePaid(tx: BillingDbOrTx, invoice: InvoiceRow): Promise<void> {
  await writeEvent(tx, Topics.billing.name, {
    type: 'invoice.paid',
    key: invoice.id,
    payload: { ...factsOf(invoice), paidAt: (invoice.paidAt ?? new Date()).toISOString() },
  });
}

export async function publishInvoiceVoided(tx: BillingDbOrTx, invoice: InvoiceRow): Promise<void> {
  await writeEvent(tx, Topics.billing.name, {
    type: 'invoice.voided',
    key: invoice.id,
    payload: { ...factsOf(invoice), voidedAt: (invoice.voidedAt ?? new Date()).toISOString() },
  });
}

export async function publishPaymentRecorded(tx: BillingDbOrTx, invoice: InvoiceRow, payment: PaymentRow): Promise<void> {
  await writeEvent(tx, Topics.billing.name, {
    type: 'payment.recorded',
    key: invoice.id,
    payload: {
      paymentId: payment.id,
      invoiceId: invoice.id,
      clinicId: invoice.clinicId,
      patientId: invoice.patientId,
      amountCents: payment.amountCents,
      currency: payment.currency,
      method: payment.method,
      balanceCents: invoice.grossCents - invoice.paidCents,
      receivedAt: payment.receivedAt.toISOString(),
      appointmentId: invoice.appointmentId,
      number: invoice.number,
      dueDate: invoice.dueDate,
    },
  });
}
