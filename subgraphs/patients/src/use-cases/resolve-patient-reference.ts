import { forbidden, unauthenticated } from '@medappt/platform';
import type { PatientsContext } from '../context.ts';
import type { PatientMapper } from '../schema.mappers.ts';
import { auditRecordRead, mayViewProfile, PATIENT_FORBIDDEN } from './patient-access.ts';

/**
 * A `Patient` another subgraph refers to (an appointment's patient): the profile, or an error
 * at that place when the viewer may not see it. A bare null would leave the gateway with the
 * reference alone and no name, which it reports only as a silent "value completion" null.
 * `recordFields`: the record parts asked for under it, if any.
 */
export async function resolvePatientReference(
  ctx: PatientsContext,
  input: { patientId: string; recordFields: string[] | null },
): Promise<PatientMapper | null> {
  const { patientId, recordFields } = input;
  const viewer = ctx.auth.viewer;
  if (await mayViewProfile(ctx, viewer, patientId)) return ctx.loaders.patientById.load(patientId);
  // The refusal comes before the record's own resolver: a record asked for through it is audited here.
  if (recordFields)
    await auditRecordRead(ctx, {
      viewer,
      patientId,
      fields: recordFields,
      allowed: false,
      reason: viewer ? 'may not see this patient' : 'no valid access token',
    });
  if (!viewer) throw unauthenticated(ctx.auth.problem);
  throw forbidden(PATIENT_FORBIDDEN);
}
