import { isUuid, notFound, type Viewer } from '@medappt/platform';
import type { MedicalServiceRow } from '../db/schema.ts';
import { changedFields } from '../domain/changes.ts';
import type { serviceRules } from '../domain/service-rules.ts';
import type { CheckedFields } from '../domain/validation.ts';
import { serviceSaved } from '../events/publishes-doctors.ts';
import { audit } from '../repository/admin-actions.ts';
import type { DoctorsDb } from '../repository/db.ts';
import { findMedicalServiceForUpdate, updateMedicalService, type MedicalServicePatch } from '../repository/medical-services.ts';

/** The checked input in the table's shape: `price` becomes priceCents + currency. */
export function serviceColumns(values: CheckedFields<typeof serviceRules>): MedicalServicePatch {
  const { price, ...rest } = values;
  return { ...rest, ...price };
}

/** The step updateService and deactivateService share: the change, its audit entry and its service.saved, or nothing when nothing changes. */
export async function changeService(
  db: DoctorsDb,
  actor: Viewer,
  id: string,
  patch: MedicalServicePatch,
  action: 'service.update' | 'service.deactivate',
): Promise<MedicalServiceRow> {
  return db.transaction(async (tx) => {
    const before = isUuid(id) ? await findMedicalServiceForUpdate(tx, id) : null;
    if (!before) throw notFound('Medical service', id);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return before;
    const service = await updateMedicalService(tx, before.id, changes);
    await audit(tx, actor, { action, entityType: 'MedicalService', entityId: service.id, changes });
    await serviceSaved(tx, service);
    return service;
  });
}
