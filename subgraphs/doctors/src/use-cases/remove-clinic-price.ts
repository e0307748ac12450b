import { requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { ClinicRow } from '../db/schema.ts';
import { clinicPriceRemoved } from '../events/publishes-doctors.ts';
import type { MutationRemoveClinicPriceArgs } from '../generated/resolvers-types.ts';
import { audit } from '../repository/admin-actions.ts';
import { deleteClinicPrice } from '../repository/clinic-prices.ts';
import { clinicAndService } from './price-steps.ts';

/** Removes a clinic's own price for a service (ADMIN, STAFF): the catalogue price applies again where it is in the clinic's currency. */
export async function removeClinicPrice(ctx: DoctorsContext, { clinicId, serviceId }: MutationRemoveClinicPriceArgs): Promise<ClinicRow> {
  const actor = requireRole(ctx.auth, 'ADMIN', 'STAFF');
  return ctx.db.transaction(async (tx) => {
    const { clinic, service } = await clinicAndService(tx, clinicId, serviceId);
    const removed = await deleteClinicPrice(tx, clinic.id, service.id);
    if (!removed) return clinic;
    await audit(tx, actor, { action: 'clinic.removePrice', entityType: 'Clinic', entityId: clinic.id, changes: { serviceId: service.id } });
    await clinicPriceRemoved(tx, removed, new Date());
    return clinic;
  });
}
