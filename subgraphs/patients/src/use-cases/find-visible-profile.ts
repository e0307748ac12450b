import type { PatientsContext } from '../context.ts';
import type { PatientMapper } from '../schema.mappers.ts';
import { mayViewProfile } from './patient-access.ts';

/** The profile if the viewer may see it, else null (an account's `patientProfile`). */
export async function findVisibleProfile(ctx: PatientsContext, input: { patientId: string }): Promise<PatientMapper | null> {
  if (!(await mayViewProfile(ctx, ctx.auth.viewer, input.patientId))) return null;
  return ctx.loaders.patientById.load(input.patientId);
}
