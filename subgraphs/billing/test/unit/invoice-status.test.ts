import { describe, expect, it } from 'vitest';
import { decideInvoiceAction, statusForPaid, type InvoiceAction, type InvoiceStatus } from '../../src/domain/invoice-status.ts';

describe('invoice status transitions', () => {
  it.each<[InvoiceStatus, InvoiceAction, number, boolean]>([
    ['DRAFT', 'ISSUE', 0, true],
    ['ISSUED', 'ISSUE', 0, false],
    ['PAID', 'ISSUE', 100, false],
    ['VOID', 'ISSUE', 0, false],
    ['DRAFT', 'VOID', 0, true],
    ['ISSUED', 'VOID', 0, true],
    ['PARTIALLY_PAID', 'VOID', 50, false],
    ['ISSUED', 'VOID', 50, false], // refunded back to ISSUED only when paid is 0 again
    ['PAID', 'VOID', 100, false],
    ['VOID', 'VOID', 0, false],
    ['DRAFT', 'PAY', 0, false],
    ['ISSUED', 'PAY', 0, true],
    ['PARTIALLY_PAID', 'PAY', 50, true],
    ['PAID', 'PAY', 100, true], // a refund
    ['VOID', 'PAY', 0, false],
  ])('%s, %s with %i paid: allowed %s', (status, action, paid, ok) => {
    const decision = decideInvoiceAction(status, action, paid);
    expect(decision.ok).toBe(ok);
    if (!decision.ok) expect(decision.message).toMatch(/\.$/);
  });

  it.each<[number, number, InvoiceStatus]>([
    [1000, 0, 'ISSUED'],
    [1000, 1, 'PARTIALLY_PAID'],
    [1000, 999, 'PARTIALLY_PAID'],
    [1000, 1000, 'PAID'],
    [0, 0, 'PAID'],
  ])('gross %i with %i paid is %s', (gross, paid, status) => {
    expect(statusForPaid(gross, paid)).toBe(status);
  });
});
