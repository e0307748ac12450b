import { rejectProblems, requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { ClinicRow } from '../db/schema.ts';
import { clinicRules } from '../domain/clinic-rules.ts';
import { checkInput, withRequired } from '../domain/validation.ts';
import { clinicSaved } from '../events/publishes-doctors.ts';
import type { CreateClinicInput } from '../generated/resolvers-types.ts';
import { audit } from '../repository/admin-actions.ts';
import { insertClinic } from '../repository/clinics.ts';

/** A new clinic (ADMIN, STAFF). */
export async function createClinic(ctx: DoctorsContext, input: CreateClinicInput): Promise<ClinicRow> {
  const actor = requireRole(ctx.auth, 'ADMIN', 'STAFF');
  const checked = checkInput(input, clinicRules);
  rejectProblems(checked.problems, 'input');
  const values = withRequired(checked.value, ['name', 'address', 'timeZone']);
  return ctx.db.transaction(async (tx) => {
    const clinic = await insertClinic(tx, { ...values, phone: values.phone ?? null });
    await audit(tx, actor, { action: 'clinic.create', entityType: 'Clinic', entityId: clinic.id, changes: values });
    await clinicSaved(tx, clinic);
    return clinic;
  });
}
