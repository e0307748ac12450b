import { isUuid, notFound, rejectProblems, type Viewer } from '@medappt/platform';
import type { ClinicRow } from '../db/schema.ts';
import { changedFields } from '../domain/changes.ts';
import { currencyChange } from '../domain/price-rules.ts';
import { outcomeProblems } from '../domain/validation.ts';
import { clinicSaved } from '../events/publishes-doctors.ts';
import { audit } from '../repository/admin-actions.ts';
import { countClinicPricesNotIn } from '../repository/clinic-prices.ts';
import { findClinicForUpdate, updateClinic, type ClinicPatch } from '../repository/clinics.ts';
import type { DoctorsDb } from '../repository/db.ts';

/** The step updateClinic and deactivateClinic share: the change, its audit entry and its clinic.saved, or nothing when nothing changes. */
export async function changeClinic(
  db: DoctorsDb,
  actor: Viewer,
  id: string,
  patch: ClinicPatch,
  action: 'clinic.update' | 'clinic.deactivate',
): Promise<ClinicRow> {
  return db.transaction(async (tx) => {
    const before = isUuid(id) ? await findClinicForUpdate(tx, id) : null;
    if (!before) throw notFound('Clinic', id);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return before;
    if (changes.currency)
      rejectProblems(
        outcomeProblems('currency', currencyChange(before, changes.currency, await countClinicPricesNotIn(tx, before.id, changes.currency))),
        'input',
      );
    const clinic = await updateClinic(tx, before.id, changes);
    await audit(tx, actor, { action, entityType: 'Clinic', entityId: clinic.id, changes });
    await clinicSaved(tx, clinic);
    return clinic;
  });
}
