import { rejectProblems, requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { MedicalServiceRow } from '../db/schema.ts';
import { serviceRules } from '../domain/service-rules.ts';
import { checkInput, withRequired } from '../domain/validation.ts';
import { serviceSaved } from '../events/publishes-doctors.ts';
import type { CreateServiceInput } from '../generated/resolvers-types.ts';
import { audit } from '../repository/admin-actions.ts';
import { insertMedicalService } from '../repository/medical-services.ts';
import { serviceColumns } from './service-steps.ts';

/** A new medical service in the catalogue (ADMIN, STAFF). */
export async function createService(ctx: DoctorsContext, input: CreateServiceInput): Promise<MedicalServiceRow> {
  const actor = requireRole(ctx.auth, 'ADMIN', 'STAFF');
  const checked = checkInput(input, serviceRules);
  rejectProblems(checked.problems, 'input');
  const values = withRequired(serviceColumns(checked.value), ['name', 'kind', 'durationMinutes', 'priceCents', 'currency']);
  return ctx.db.transaction(async (tx) => {
    const service = await insertMedicalService(tx, { ...values, description: values.description ?? null });
    await audit(tx, actor, { action: 'service.create', entityType: 'MedicalService', entityId: service.id, changes: values });
    await serviceSaved(tx, service);
    return service;
  });
}
