import { describe, expect, it } from 'vitest';
import { currencyChange, entryInClinicCurrency, priceAtClinic } from '../../src/domain/price-rules.ts';

const eur = (priceCents: number) => ({ priceCents, currency: 'EUR' });
const usd = (priceCents: number) => ({ priceCents, currency: 'USD' });

describe('priceAtClinic', () => {
  it.each([
    ['EUR clinic, no entry: the catalogue price', eur(6000), 'EUR', null, eur(6000)],
    ['EUR clinic with its own price', eur(6000), 'EUR', eur(6500), eur(6500)],
    ['USD clinic, no entry: unknown, never the EUR price', eur(6000), 'USD', null, null],
    ['USD clinic with its own price', eur(6000), 'USD', usd(6600), usd(6600)],
    ['USD catalogue price at a USD clinic', usd(100), 'USD', null, usd(100)],
    ['an entry left in another currency does not count', eur(6000), 'USD', eur(1), null],
  ])('%s', (_what, catalogue, currency, entry, expected) => expect(priceAtClinic(catalogue, currency, entry)).toEqual(expected));
});

describe('entryInClinicCurrency', () => {
  it.each([
    ['same currency', usd(6600), { ok: true, value: usd(6600) }],
    ['another currency', eur(6000), { ok: false, at: 'currency', message: "must be the clinic's currency: Hudson charges in USD, got EUR" }],
  ])('%s', (_what, price, expected) => expect(entryInClinicCurrency(price, { name: 'Hudson', currency: 'USD' })).toEqual(expected));
});

describe('currencyChange', () => {
  it.each([
    ['no prices yet', 'CAD', 0, true],
    ['prices in the old currency', 'CAD', 2, false],
    ['not a change', 'USD', 0, true],
  ])('%s', (_what, next, entries, allowed) => expect(currencyChange({ name: 'Hudson', currency: 'USD' }, next, entries).ok).toBe(allowed));
});
