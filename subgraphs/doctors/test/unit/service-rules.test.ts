import { describe, expect, it } from 'vitest';
import { currency, durationMinutes, price } from '../../src/domain/service-rules.ts';

describe('durationMinutes', () => {
  it.each([
    [15, true],
    [1, true],
    [1440, true],
    [0, false],
    [-30, false],
    [1441, false],
    [12.5, false],
  ])('%j → ok %j', (value, accepted) => {
    expect(durationMinutes(value).ok).toBe(accepted);
  });
});

describe('currency', () => {
  it.each([
    ['EUR', { ok: true, value: 'EUR' }],
    [' usd ', { ok: true, value: 'USD' }],
    ['INR', { ok: true, value: 'INR' }],
    ['EURO', { ok: false, message: '"EURO" is not an ISO 4217 currency code such as EUR or USD' }],
    ['ABC', { ok: false, message: '"ABC" is not an ISO 4217 currency code such as EUR or USD' }],
    ['€', { ok: false, message: '"€" is not an ISO 4217 currency code such as EUR or USD' }],
  ])('%j → %j', (raw, outcome) => {
    expect(currency(raw)).toEqual(outcome);
  });
});

describe('price', () => {
  it.each([
    [
      { amountCents: 4500, currency: 'eur' },
      { ok: true, value: { priceCents: 4500, currency: 'EUR' } },
    ],
    [
      { amountCents: 0, currency: 'USD' },
      { ok: true, value: { priceCents: 0, currency: 'USD' } },
    ],
    [
      { amountCents: -1, currency: 'USD' },
      { ok: false, message: 'must be zero or more (in cents)', at: 'amountCents' },
    ],
    [
      { amountCents: 100, currency: 'XX' },
      { ok: false, message: '"XX" is not an ISO 4217 currency code such as EUR or USD', at: 'currency' },
    ],
  ])('%j → %j', (raw, outcome) => {
    expect(price(raw)).toEqual(outcome);
  });
});
