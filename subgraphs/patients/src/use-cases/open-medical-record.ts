import { forbidden, isUuid, unauthenticated } from '@medappt/platform';
import type { PatientsContext } from '../context.ts';
import { mayReadRecord } from '../domain/phi-policy.ts';
import type { MedicalRecordMapper } from '../schema.mappers.ts';
import { auditRecordRead, subjectOf } from './patient-access.ts';

/** The same words for every refusal: whether the patient exists is not for an outsider to learn. */
const RECORD_FORBIDDEN = 'You are not allowed to read this medical record.';

/**
 * Opens a medical record for reading: decides, then writes the audit row (allowed or not)
 * before any PHI is returned. `fields` are the parts asked for, as the audit names them.
 */
export async function openMedicalRecord(ctx: PatientsContext, input: { patientId: string; fields: string[] }): Promise<MedicalRecordMapper> {
  const { patientId, fields } = input;
  const viewer = ctx.auth.viewer;
  if (!viewer) {
    // Anonymous attempts are audited too: someone probing records without a token is news.
    if (isUuid(patientId)) await auditRecordRead(ctx, { viewer: null, patientId, fields, allowed: false, reason: 'no valid access token' });
    throw unauthenticated(ctx.auth.problem);
  }
  const decision = mayReadRecord(viewer, await subjectOf(ctx, viewer, patientId));
  await auditRecordRead(ctx, { viewer, patientId, fields, allowed: decision.allowed, reason: decision.allowed ? null : decision.reason });
  if (!decision.allowed) {
    ctx.logger.warn({ patientId, viewerId: viewer.userId, reason: decision.reason }, 'medical record read refused');
    throw forbidden(RECORD_FORBIDDEN);
  }
  return { patientId };
}
