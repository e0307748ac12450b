import { rejectProblems, requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { MedicalServiceRow } from '../db/schema.ts';
import { serviceRules } from '../domain/service-rules.ts';
import { checkInput } from '../domain/validation.ts';
import type { MutationUpdateServiceArgs } from '../generated/resolvers-types.ts';
import { changeService, serviceColumns } from './service-steps.ts';

/** Changes a medical service (ADMIN, STAFF); `active: true` brings a deactivated one back. */
export async function updateService(ctx: DoctorsContext, { id, input }: MutationUpdateServiceArgs): Promise<MedicalServiceRow> {
  const actor = requireRole(ctx.auth, 'ADMIN', 'STAFF');
  const checked = checkInput(input, serviceRules);
  rejectProblems(checked.problems, 'input');
  return changeService(ctx.db, actor, id, serviceColumns(checked.value), 'service.update');
}
