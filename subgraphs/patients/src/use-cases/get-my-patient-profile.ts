import { requireViewer } from '@medappt/platform';
import type { PatientsContext } from '../context.ts';
import type { PatientMapper } from '../schema.mappers.ts';

/** The viewer's own profile, if they have one. */
export function getMyPatientProfile(ctx: PatientsContext): Promise<PatientMapper | null> {
  return ctx.loaders.patientById.load(requireViewer(ctx.auth).userId);
}
