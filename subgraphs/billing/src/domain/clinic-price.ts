import type { Money } from './money.ts';

/**
 * What a visit costs at a clinic (doctors' rule): the clinic's own price when it is in the
 * clinic's currency, else the catalogue price when that is, else none (null). A price in another
 * currency is never charged as the clinic's: a clinic's currency can change, and billing converts nothing.
 */
export function priceAtClinic(
  clinicCurrency: string,
  service: { priceCents: number; currency: string },
  clinicPrice: { priceCents: number; currency: string } | null,
): Money | null {
  for (const price of [clinicPrice, service]) {
    if (price && price.currency === clinicCurrency) return { amountCents: price.priceCents, currency: price.currency };
  }
  return null;
}
