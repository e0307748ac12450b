import { describe, expect, it } from 'vitest';
import { priceAtClinic } from '../../src/domain/clinic-price.ts';

const catalogue = (priceCents: number, currency: string) => ({ priceCents, currency });

describe('what a visit costs at a clinic', () => {
  it.each([
    ["the clinic's own price", 'EUR', catalogue(5000, 'EUR'), catalogue(6000, 'EUR'), { amountCents: 6000, currency: 'EUR' }],
    ['the catalogue price without one', 'EUR', catalogue(5000, 'EUR'), null, { amountCents: 5000, currency: 'EUR' }],
    [
      "the catalogue's when the clinic's own is in another currency",
      'USD',
      catalogue(5000, 'USD'),
      catalogue(6000, 'EUR'),
      { amountCents: 5000, currency: 'USD' },
    ],
    ["none when neither is in the clinic's currency", 'USD', catalogue(5000, 'EUR'), catalogue(6000, 'EUR'), null],
    ['none when the catalogue is in another currency and the clinic has no price', 'GBP', catalogue(5000, 'EUR'), null, null],
  ])('%s', (_name, clinicCurrency, service, clinicPrice, price) => {
    expect(priceAtClinic(clinicCurrency, service, clinicPrice)).toEqual(price);
  });
});
