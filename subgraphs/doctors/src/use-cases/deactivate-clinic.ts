import { requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { ClinicRow } from '../db/schema.ts';
import type { MutationDeactivateClinicArgs } from '../generated/resolvers-types.ts';
import { changeClinic } from './clinic-steps.ts';

/** Hides a clinic from `clinics` and closes it to new doctors (ADMIN, STAFF); its doctors and their visits stay as they are. */
export function deactivateClinic(ctx: DoctorsContext, { id }: MutationDeactivateClinicArgs): Promise<ClinicRow> {
  return changeClinic(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), id, { active: false }, 'clinic.deactivate');
}
