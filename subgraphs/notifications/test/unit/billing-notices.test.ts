import { describe, expect, it } from 'vitest';
import { billingNoticeFor, type BillingNoticeFacts } from '../../src/domain/billing-notices.ts';

describe('billingNoticeFor', () => {
  it.each<[string, string, BillingNoticeFacts, string | null]>([
    ['an issued invoice', 'invoice.issued', { number: 'MITTE-2026-000001' }, 'INVOICE_ISSUED'],
    ['a payment with something still due', 'payment.recorded', { amountCents: 4000, balanceCents: 6000 }, 'PAYMENT_RECORDED'],
    ['the payment that settles the invoice', 'payment.recorded', { amountCents: 6000, balanceCents: 0 }, 'INVOICE_PAID'],
    ['a refund', 'payment.recorded', { amountCents: -2500, balanceCents: 2500 }, 'PAYMENT_REFUNDED'],
    ['a refund of everything paid', 'payment.recorded', { amountCents: -10_000, balanceCents: 10_000 }, 'PAYMENT_REFUNDED'],
    // The settling payment told it already (an invoice of 0: its INVOICE_ISSUED says nothing is due).
    ['invoice.paid', 'invoice.paid', { number: 'MITTE-2026-000001' }, null],
    ['an issued invoice voided', 'invoice.voided', { number: 'MITTE-2026-000001' }, 'INVOICE_VOIDED'],
    // A draft never reached the patient: its voiding is no news to them.
    ['a voided draft', 'invoice.voided', { number: null }, null],
    ['a voided invoice in an event from before the number was sent', 'invoice.voided', {}, null],
    ['a type it does not know', 'invoice.reminded', { number: 'MITTE-2026-000001' }, null],
  ])('%s → %s', (_what, eventType, facts, expected) => {
    expect(billingNoticeFor(eventType, facts)).toBe(expected);
  });
});
