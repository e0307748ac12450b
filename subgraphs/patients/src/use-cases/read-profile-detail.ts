import type { PatientsContext } from '../context.ts';
import { mayReadProfileDetails } from '../domain/phi-policy.ts';
import { subjectOf } from './patient-access.ts';

/** A profile field beyond id and name, or null for a viewer who may see only who the patient is (ADMIN). */
export async function readProfileDetail<T>(ctx: PatientsContext, input: { patientId: string; value: T }): Promise<T | null> {
  const viewer = ctx.auth.viewer;
  if (!viewer || !mayReadProfileDetails(viewer, await subjectOf(ctx, viewer, input.patientId)).allowed) return null;
  return input.value;
}
