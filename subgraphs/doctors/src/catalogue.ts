import { notFound, type Viewer, isUuid } from '@medappt/platform';
import { audit, valid } from './admin-change.ts';
import type { MedicalServiceRow } from './db/schema.ts';
import { changedFields } from './domain/changes.ts';
import { serviceRules } from './domain/service-rules.ts';
import { serviceSaved } from './events/catalogue-events.ts';
import { checkInput, withRequired, type CheckedFields } from './domain/validation.ts';
import type { CreateServiceInput, UpdateServiceInput } from './generated/resolvers-types.ts';
import type { DoctorsDb } from './repository/db.ts';
import {
  findMedicalServiceForUpdate,
  insertMedicalService,
  updateMedicalService,
  type MedicalServicePatch,
} from './repository/medical-services.ts';

/** The checked input in the table's shape: `price` becomes priceCents + currency. */
function serviceColumns(values: CheckedFields<typeof serviceRules>): MedicalServicePatch {
  const { price, ...rest } = values;
  return { ...rest, ...price };
}

export async function createService(db: DoctorsDb, actor: Viewer, input: CreateServiceInput): Promise<MedicalServiceRow> {
  const checked = valid(checkInput(input, serviceRules, 'input'));
  const values = withRequired(serviceColumns(checked), ['name', 'kind', 'durationMinutes', 'priceCents', 'currency']);
  return db.transaction(async (tx) => {
    const service = await insertMedicalService(tx, { ...values, description: values.description ?? null });
    await audit(tx, actor, { action: 'service.create', entityType: 'MedicalService', entityId: service.id, changes: values });
    await serviceSaved(tx, service);
    return service;
  });
}

async function changeService(
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

export function updateService(db: DoctorsDb, actor: Viewer, id: string, input: UpdateServiceInput): Promise<MedicalServiceRow> {
  return changeService(db, actor, id, serviceColumns(valid(checkInput(input, serviceRules, 'input'))), 'service.update');
}

export function deactivateService(db: DoctorsDb, actor: Viewer, id: string): Promise<MedicalServiceRow> {
  return changeService(db, actor, id, { active: false }, 'service.deactivate');
}
