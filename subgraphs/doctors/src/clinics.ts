import { notFound, type Viewer, isUuid } from '@medappt/platform';
import { audit, valid } from './admin-change.ts';
import type { ClinicRow } from './db/schema.ts';
import { changedFields } from './domain/changes.ts';
import { clinicRules } from './domain/clinic-rules.ts';
import { clinicSaved } from './events/catalogue-events.ts';
import { currencyChange } from './domain/price-rules.ts';
import { checkField, checkInput, withRequired } from './domain/validation.ts';
import { countClinicPricesNotIn } from './repository/clinic-prices.ts';
import type { CreateClinicInput, UpdateClinicInput } from './generated/resolvers-types.ts';
import { findClinicForUpdate, insertClinic, updateClinic as updateClinicRow, type ClinicPatch } from './repository/clinics.ts';
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

async function changeClinic(db: DoctorsDb, actor: Viewer, id: string, patch: ClinicPatch, action: 'clinic.update' | 'clinic.deactivate'): Promise<ClinicRow> {
  return db.transaction(async (tx) => {
    const before = isUuid(id) ? await findClinicForUpdate(tx, id) : null;
    if (!before) throw notFound('Clinic', id);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return before;
    if (changes.currency) valid(checkField('input.currency', currencyChange(before, changes.currency, await countClinicPricesNotIn(tx, before.id, changes.currency))));
    const clinic = await updateClinicRow(tx, before.id, changes);
    await audit(tx, actor, { action, entityType: 'Clinic', entityId: clinic.id, changes });
    await clinicSaved(tx, clinic);
    return clinic;
  });
}

/** `active: true` brings a deactivated clinic back. */
export function updateClinic(db: DoctorsDb, actor: Viewer, id: string, input: UpdateClinicInput): Promise<ClinicRow> {
  return changeClinic(db, actor, id, valid(checkInput(input, clinicRules, 'input')), 'clinic.update');
}

/** Hides a clinic from `clinics` and closes it to new doctors; its doctors and their visits stay as they are. */
export function deactivateClinic(db: DoctorsDb, actor: Viewer, id: string): Promise<ClinicRow> {
  return changeClinic(db, actor, id, { active: false }, 'clinic.deactivate');
}
