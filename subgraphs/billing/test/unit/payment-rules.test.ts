import { describe, expect, it } from 'vitest';
import { paymentProblems, receivedAtProblems } from '../../src/domain/payment-rules.ts';

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

describe('when a payment was received', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  const issuedAt = new Date('2026-03-01T09:00:00.000Z');
  const at = (iso: string) => new Date(iso);
  it.each<[string, Date, Date | null, string[]]>([
    ['now', now, issuedAt, []],
    ['between issue and now', at('2026-03-05T10:00:00.000Z'), issuedAt, []],
    ['at the moment of issue', issuedAt, issuedAt, []],
    ['a clock a few minutes ahead', at('2026-03-10T12:05:00.000Z'), issuedAt, []],
    ['beyond the skew', at('2026-03-10T12:05:00.001Z'), issuedAt, ['receivedAt']],
    ['tomorrow', at('2026-03-11T12:00:00.000Z'), issuedAt, ['receivedAt']],
    ['before the issue', at('2026-03-01T08:59:59.999Z'), issuedAt, ['receivedAt']],
    ['not a time', new Date(Number.NaN), issuedAt, ['receivedAt']],
  ])('%s', (_name, receivedAt, issued, fields) => {
    expect(receivedAtProblems(receivedAt, { now, issuedAt: issued }).map((p) => p.field)).toEqual(fields);
  });
});
