/**
 * An invoice's life (FHIR R5 Invoice: draft / issued / balanced / cancelled):
 * DRAFT → ISSUED → PARTIALLY_PAID → PAID, or VOID with a reason from DRAFT or from ISSUED while
 * nothing is paid on it (refund first). The paid states follow from the payments, never set by hand.
 */
export const InvoiceStatuses = ['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID'] as const;
export type InvoiceStatus = (typeof InvoiceStatuses)[number];

export type InvoiceAction = 'ISSUE' | 'VOID' | 'PAY';

export type StatusDecision = { ok: true } | { ok: false; message: string };

const WORDS: Record<InvoiceStatus, string> = { DRAFT: 'a draft', ISSUED: 'issued', PARTIALLY_PAID: 'partially paid', PAID: 'paid', VOID: 'void' };

export function decideInvoiceAction(status: InvoiceStatus, action: InvoiceAction, paidCents: number): StatusDecision {
  const refuse = (message: string): StatusDecision => ({ ok: false, message });
  switch (action) {
    case 'ISSUE':
      return status === 'DRAFT' ? { ok: true } : refuse(`This invoice is ${WORDS[status]}; only a draft can be issued.`);
    case 'VOID':
      if (status === 'VOID') return refuse('This invoice is already void.');
      if (paidCents !== 0) return refuse('Payments were recorded on this invoice; refund them before voiding it.');
      return status === 'DRAFT' || status === 'ISSUED'
        ? { ok: true }
        : refuse(`This invoice is ${WORDS[status]}; only a draft or an unpaid issued invoice can be voided.`);
    case 'PAY':
      return status === 'ISSUED' || status === 'PARTIALLY_PAID' || status === 'PAID'
        ? { ok: true }
        : refuse(`This invoice is ${WORDS[status]}; payments are recorded on issued invoices only.`);
  }
}

/** The status an issued invoice has with `paidCents` of `grossCents` paid. */
export function statusForPaid(grossCents: number, paidCents: number): InvoiceStatus {
  if (paidCents >= grossCents) return 'PAID';
  return paidCents > 0 ? 'PARTIALLY_PAID' : 'ISSUED';
}
