import type { InvoiceNotificationType } from './notification-types.ts';

/** What of a billing.events.v1 payload decides the patient's notice. */
export interface BillingNoticeFacts {
  /** payment.recorded: the payment (negative: a refund) and what is due after it. */
  amountCents?: number;
  balanceCents?: number;
  /** The invoice's number: null on a draft (absent in events from before billing sent it). */
  number?: string | null;
}

/**
 * The patient's notice about a billing event, or null. One notice per thing the patient should
 * know: a payment that settles the invoice is INVOICE_PAID (with its amount), so the invoice.paid
 * that follows it in the same transaction tells nothing more, nor does the one of an invoice of 0
 * (paid as it is issued: its INVOICE_ISSUED says nothing is due). A voided draft was never sent to
 * the patient (a draft has no number), so its voiding is no news to them either.
 */
export function billingNoticeFor(eventType: string, facts: BillingNoticeFacts): InvoiceNotificationType | null {
  switch (eventType) {
    case 'invoice.issued':
      return 'INVOICE_ISSUED';
    case 'payment.recorded':
      if ((facts.amountCents ?? 0) < 0) return 'PAYMENT_REFUNDED';
      return facts.balanceCents === 0 ? 'INVOICE_PAID' : 'PAYMENT_RECORDED';
    case 'invoice.voided':
      return facts.number ? 'INVOICE_VOIDED' : null;
    default:
      return null;
  }
}
