import { notFound, rejectProblems, requireRole } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import { clinicPolicyProblems, type EffectivePolicy } from '../domain/clinic-policy-rules.ts';
import { idProblems } from '../domain/ids.ts';
import type { ClinicPolicyInput } from '../generated/resolvers-types.ts';
import { findClinic } from '../repository/catalogue.ts';
import { saveClinicPolicy } from '../repository/policies.ts';
import { policyOfClinic } from './clinic-policies.ts';

export async function setClinicPolicy(ctx: AppointmentsContext, input: ClinicPolicyInput): Promise<EffectivePolicy> {
  const viewer = requireRole(ctx.auth, 'STAFF', 'ADMIN');
  rejectProblems([...idProblems({ clinicId: input.clinicId }), ...clinicPolicyProblems(input)], 'input');
  if (!(await findClinic(ctx.db, input.clinicId))) throw notFound('Clinic', input.clinicId);
  await saveClinicPolicy(ctx.db, {
    clinicId: input.clinicId,
    minimumNoticeMinutes: input.minimumNoticeMinutes,
    patientCutoffMinutes: input.patientCutoffMinutes,
    updatedBy: viewer.userId,
  });
  return policyOfClinic(ctx, input.clinicId, ctx.db);
}
