import { requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { DoctorRow } from '../db/schema.ts';
import type { MutationDeactivateDoctorArgs } from '../generated/resolvers-types.ts';
import { changeDoctor } from './doctor-steps.ts';

/** Takes a doctor out of the directory and of new bookings (ADMIN, STAFF); `doctor(id)` still finds them. */
export function deactivateDoctor(ctx: DoctorsContext, { id }: MutationDeactivateDoctorArgs): Promise<DoctorRow> {
  return changeDoctor(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), id, { active: false }, 'doctor.deactivate');
}
