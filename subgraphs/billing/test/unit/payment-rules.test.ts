import { describe, expect, it } from 'vitest';
import { paymentProblems } from '../../src/domain/payment-rules.ts';

const invoice = (paidCents: number) => ({ grossCents: 10_000, paidCents, currency: 'EUR' });
const eur = (amountCents: number) => ({ amountCents, currency: 'EUR' });

describe('payments and refunds', () => {
  it.each<[string, number, { amountCents: number; currency: string }, string | null, string[]]>([
    ['in full', 0, eur(10_000), null, []],
    ['a part', 0, eur(4000), null, []],
    ['the rest', 4000, eur(6000), null, []],
    ['one cent too much', 4000, eur(6001), null, ['amount.amountCents']],
    ['on a paid invoice', 10_000, eur(1), null, ['amount.amountCents']],
    ['zero', 0, eur(0), null, ['amount.amountCents']],
    ['a fraction', 0, eur(10.5), null, ['amount.amountCents']],
    ['another currency', 0, { amountCents: 100, currency: 'USD' }, null, ['amount.currency']],
    ['a refund with a reason', 4000, eur(-4000), 'returned', []],
    ['a refund without a reason', 4000, eur(-1000), null, ['reason']],
    ['a refund of more than paid', 4000, eur(-4001), 'returned', ['amount.amountCents']],
    ['a refund with nothing paid', 0, eur(-1), 'returned', ['amount.amountCents']],
  ])('%s', (_name, paid, amount, reason, fields) => {
    expect(paymentProblems(invoice(paid), { amount, reason }).map((p) => p.field)).toEqual(fields);
  });
});
