import { forbidden, requireViewer } from '@medappt/platform';
import type { PatientsContext } from '../context.ts';
import type { QueryPatientArgs } from '../generated/resolvers-types.ts';
import type { PatientMapper } from '../schema.mappers.ts';
import { mayViewProfile, PATIENT_FORBIDDEN } from './patient-access.ts';

/** A profile asked for directly: UNAUTHENTICATED/FORBIDDEN errors, null when there is none. */
export async function getPatient(ctx: PatientsContext, input: QueryPatientArgs): Promise<PatientMapper | null> {
  const viewer = requireViewer(ctx.auth);
  if (!(await mayViewProfile(ctx, viewer, input.id))) throw forbidden(PATIENT_FORBIDDEN);
  return ctx.loaders.patientById.load(input.id);
}
