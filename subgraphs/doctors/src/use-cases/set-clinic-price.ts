import { requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { ClinicPriceRow } from '../db/schema.ts';
import { entryInClinicCurrency } from '../domain/price-rules.ts';
import { price as priceRule } from '../domain/service-rules.ts';
import { clinicPriceSaved } from '../events/publishes-doctors.ts';
import type { MutationSetClinicPriceArgs } from '../generated/resolvers-types.ts';
import { audit } from '../repository/admin-actions.ts';
import { upsertClinicPrice } from '../repository/clinic-prices.ts';
import { clinicAndService } from './price-steps.ts';
import { validOrReject } from './valid-or-reject.ts';

/** Sets (or replaces) a clinic's price for a service (ADMIN, STAFF); it must be in the clinic's currency. */
export async function setClinicPrice(ctx: DoctorsContext, { clinicId, serviceId, price }: MutationSetClinicPriceArgs): Promise<ClinicPriceRow> {
  const actor = requireRole(ctx.auth, 'ADMIN', 'STAFF');
  const checked = validOrReject(priceRule(price), 'price');
  return ctx.db.transaction(async (tx) => {
    const { clinic, service } = await clinicAndService(tx, clinicId, serviceId);
    const inCurrency = validOrReject(entryInClinicCurrency(checked, clinic), 'price');
    const entry = await upsertClinicPrice(tx, { clinicId: clinic.id, serviceId: service.id, ...inCurrency });
    await audit(tx, actor, { action: 'clinic.setPrice', entityType: 'Clinic', entityId: clinic.id, changes: { serviceId: service.id, ...inCurrency } });
    await clinicPriceSaved(tx, entry);
    return entry;
  });
}
