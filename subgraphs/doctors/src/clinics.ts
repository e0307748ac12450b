import { notFound, type Viewer, isUuid } from '@medappt/platform';
import { audit, valid } from './admin-change.ts';
import type { ClinicRow } from './db/schema.ts';
import { changedFields } from './domain/changes.ts';
import { clinicRules } from './domain/clinic-rules.ts';
import { clinicSaved } from './events/catalogue-events.ts';
import { checkInput, withRequired } from './domain/validation.ts';
import type { CreateClinicInput, UpdateClinicInput } from './generated/resolvers-types.ts';
import { findClinicForUpdate, insertClinic, updateClinic as updateClinicRow } from './repository/clinics.ts';
import type { DoctorsDb } from './repository/db.ts';

export async function createClinic(db: DoctorsDb, actor: Viewer, input: CreateClinicInput): Promise<ClinicRow> {
  const values = withRequired(valid(checkInput(input, clinicRules, 'input')), ['name', 'address', 'timeZone']);
  return db.transaction(async (tx) => {
    const clinic = await insertClinic(tx, { ...values, phone: values.phone ?? null });
    await audit(tx, actor, { action: 'clinic.create', entityType: 'Clinic', entityId: clinic.id, changes: values });
    await clinicSaved(tx, clinic);
    return clinic;
  });
}

export async function updateClinic(db: DoctorsDb, actor: Viewer, id: string, input: UpdateClinicInput): Promise<ClinicRow> {
  const patch = valid(checkInput(input, clinicRules, 'input'));
  return db.transaction(async (tx) => {
    const before = isUuid(id) ? await findClinicForUpdate(tx, id) : null;
    if (!before) throw notFound('Clinic', id);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return before;
    const clinic = await updateClinicRow(tx, before.id, changes);
    await audit(tx, actor, { action: 'clinic.update', entityType: 'Clinic', entityId: clinic.id, changes });
    await clinicSaved(tx, clinic);
    return clinic;
  });
}
