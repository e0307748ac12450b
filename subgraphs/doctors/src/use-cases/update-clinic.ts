import { rejectProblems, requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { ClinicRow } from '../db/schema.ts';
import { clinicRules } from '../domain/clinic-rules.ts';
import { checkInput } from '../domain/validation.ts';
import type { MutationUpdateClinicArgs } from '../generated/resolvers-types.ts';
import { changeClinic } from './clinic-steps.ts';

/** Changes a clinic (ADMIN, STAFF); `active: true` brings a deactivated clinic back. */
export async function updateClinic(ctx: DoctorsContext, { id, input }: MutationUpdateClinicArgs): Promise<ClinicRow> {
  const actor = requireRole(ctx.auth, 'ADMIN', 'STAFF');
  const checked = checkInput(input, clinicRules);
  rejectProblems(checked.problems, 'input');
  return changeClinic(ctx.db, actor, id, checked.value, 'clinic.update');
}
