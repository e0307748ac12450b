import { badUserInput, isUuid, notFound, type Viewer } from '@medappt/platform';
import { audit, valid } from './admin-change.ts';
import type { ClinicPriceRow, ClinicRow, MedicalServiceRow } from './db/schema.ts';
import { entryInClinicCurrency, priceAtClinic } from './domain/price-rules.ts';
import { price as priceRule, type Price } from './domain/service-rules.ts';
import { checkField } from './domain/validation.ts';
import { clinicPriceRemoved, clinicPriceSaved } from './events/catalogue-events.ts';
import type { MoneyInput } from './generated/resolvers-types.ts';
import { deleteClinicPrice, upsertClinicPrice } from './repository/clinic-prices.ts';
import { findClinicForUpdate } from './repository/clinics.ts';
import type { DoctorsDb, DoctorsTx } from './repository/db.ts';
import { findMedicalServicesByIds } from './repository/medical-services.ts';

export interface Money {
  amountCents: number;
  currency: string;
}

/** A service with what it costs at one clinic (null: no price in the clinic's currency yet). */
export interface ServicePriceModel {
  service: MedicalServiceRow;
  price: Money | null;
}

export const money = (price: Price | null): Money | null => (price ? { amountCents: price.priceCents, currency: price.currency } : null);

/** What the service costs at a clinic of this currency, given the clinic's entry for it (if any). */
export function servicePriceAt(service: MedicalServiceRow, clinicCurrency: string, entry: Price | null): Money | null {
  return money(priceAtClinic({ priceCents: service.priceCents, currency: service.currency }, clinicCurrency, entry));
}

/** The clinic (locked: its currency cannot change under the entry) and the service, or NOT_FOUND naming what is missing. */
async function clinicAndService(tx: DoctorsTx, clinicId: string, serviceId: string): Promise<{ clinic: ClinicRow; service: MedicalServiceRow }> {
  if (!isUuid(clinicId)) throw badUserInput('clinicId', 'must be a clinic id');
  if (!isUuid(serviceId)) throw badUserInput('serviceId', 'must be a medical service id');
  const clinic = await findClinicForUpdate(tx, clinicId);
  if (!clinic) throw notFound('Clinic', clinicId);
  const [service] = await findMedicalServicesByIds(tx, [serviceId]);
  if (!service) throw notFound('Medical service', serviceId);
  return { clinic, service };
}

/** Sets (or replaces) a clinic's price for a service; it must be in the clinic's currency. */
export async function setClinicPrice(db: DoctorsDb, actor: Viewer, clinicId: string, serviceId: string, input: MoneyInput): Promise<ClinicPriceRow> {
  const checked = valid(checkField('price', priceRule(input)));
  return db.transaction(async (tx) => {
    const { clinic, service } = await clinicAndService(tx, clinicId, serviceId);
    const inCurrency = valid(checkField('price', entryInClinicCurrency(checked, clinic)));
    const entry = await upsertClinicPrice(tx, { clinicId: clinic.id, serviceId: service.id, ...inCurrency });
    await audit(tx, actor, { action: 'clinic.setPrice', entityType: 'Clinic', entityId: clinic.id, changes: { serviceId: service.id, ...inCurrency } });
    await clinicPriceSaved(tx, entry);
    return entry;
  });
}

/** Removes a clinic's own price for a service: the catalogue price applies again where it is in the clinic's currency. */
export async function removeClinicPrice(db: DoctorsDb, actor: Viewer, clinicId: string, serviceId: string): Promise<ClinicRow> {
  return db.transaction(async (tx) => {
    const { clinic, service } = await clinicAndService(tx, clinicId, serviceId);
    const removed = await deleteClinicPrice(tx, clinic.id, service.id);
    if (!removed) return clinic;
    await audit(tx, actor, { action: 'clinic.removePrice', entityType: 'Clinic', entityId: clinic.id, changes: { serviceId: service.id } });
    await clinicPriceRemoved(tx, removed, new Date());
    return clinic;
  });
}
