import { requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { MedicalServiceRow } from '../db/schema.ts';
import type { MutationDeactivateServiceArgs } from '../generated/resolvers-types.ts';
import { changeService } from './service-steps.ts';

/** Takes a service out of `services` and `Doctor.services` (ADMIN, STAFF): it can no longer be booked. */
export function deactivateService(ctx: DoctorsContext, { id }: MutationDeactivateServiceArgs): Promise<MedicalServiceRow> {
  return changeService(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), id, { active: false }, 'service.deactivate');
}
