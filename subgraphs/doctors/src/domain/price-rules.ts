import { fail, ok, type Outcome } from './validation.ts';
import type { Price } from './service-rules.ts';

/**
 * Prices per clinic. A clinic has one currency; its price list holds its own price for a service.
 * What a patient pays at a clinic is its entry, else the catalogue price when that is in the
 * clinic's currency, else unknown (null): a Sydney patient is never shown a EUR price as theirs.
 */

export function priceAtClinic(catalogue: Price, clinicCurrency: string, entry: Price | null): Price | null {
  if (entry && entry.currency === clinicCurrency) return entry;
  if (catalogue.currency === clinicCurrency) return catalogue;
  return null;
}

/** A price-list entry must be in the clinic's currency (checked after `price` itself). */
export function entryInClinicCurrency(price: Price, clinic: { name: string; currency: string }): Outcome<Price> {
  if (price.currency !== clinic.currency) {
    return fail(`must be the clinic's currency: ${clinic.name} charges in ${clinic.currency}, got ${price.currency}`, 'currency');
  }
  return ok(price);
}

/** A clinic's currency can change only while its price list has no entries in another currency (they would turn into wrong prices). */
export function currencyChange(clinic: { name: string; currency: string }, next: string, entriesInOtherCurrencies: number): Outcome<string> {
  if (next !== clinic.currency && entriesInOtherCurrencies > 0) {
    return fail(
      `cannot change from ${clinic.currency} to ${next} while ${clinic.name} has ${entriesInOtherCurrencies} price${entriesInOtherCurrencies === 1 ? '' : 's'} in ${clinic.currency}: remove them first (removeClinicPrice)`,
    );
  }
  return ok(next);
}

export interface Money {
  amountCents: number;
  currency: string;
}

/** What a service costs at a clinic of this currency, given the clinic's entry for it (if any); null: unknown. */
export function servicePriceAt(service: Price, clinicCurrency: string, entry: Price | null): Money | null {
  const price = priceAtClinic({ priceCents: service.priceCents, currency: service.currency }, clinicCurrency, entry);
  return price ? { amountCents: price.priceCents, currency: price.currency } : null;
}
