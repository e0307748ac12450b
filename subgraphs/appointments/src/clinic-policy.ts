import { badUserInput, notFound, requireRole } from '@medappt/platform';
import type { AppointmentsContext } from './context.ts';
import type { AppointmentsDbOrTx } from './repository/db.ts';
import { findClinicPolicy, policiesOf, saveClinicPolicy } from './repository/policies.ts';
import { findDoctor } from './repository/catalogue.ts';
import { catalogueClinics } from './db/schema.ts';
import { eq } from 'drizzle-orm';
import { checkId } from './ids.ts';

export interface EffectivePolicy {
  clinicId: string;
  minimumNoticeMinutes: number;
  patientCutoffMinutes: number;
  /** False while the clinic uses the defaults. */
  custom: boolean;
}

export const MAX_POLICY_MINUTES = 30 * 24 * 60;

/** `db` may be a transaction: inside one, never reach for another pooled connection (200 waiting transactions would hold the pool). */
export async function policyOfClinic(ctx: Pick<AppointmentsContext, 'policy'>, clinicId: string, db: AppointmentsDbOrTx): Promise<EffectivePolicy> {
  const row = await findClinicPolicy(db, clinicId);
  return row
    ? { clinicId, minimumNoticeMinutes: row.minimumNoticeMinutes, patientCutoffMinutes: row.patientCutoffMinutes, custom: true }
    : { clinicId, minimumNoticeMinutes: 0, patientCutoffMinutes: ctx.policy.patientCutoffMinutes, custom: false };
}

/** The policy of the clinic a doctor works at (defaults if the doctor is unknown here). */
export async function policyOfDoctor(ctx: Pick<AppointmentsContext, 'policy'>, doctorId: string, db: AppointmentsDbOrTx): Promise<EffectivePolicy> {
  const doctor = await findDoctor(db, doctorId);
  return doctor ? policyOfClinic(ctx, doctor.clinicId, db) : { clinicId: '', minimumNoticeMinutes: 0, patientCutoffMinutes: ctx.policy.patientCutoffMinutes, custom: false };
}

/** Minimum notice per clinic, for slot search over many doctors at once. */
export async function noticeFloors(db: AppointmentsDbOrTx, clinicIds: readonly string[]): Promise<Map<string, number>> {
  const policies = await policiesOf(db, [...new Set(clinicIds)]);
  return new Map([...policies].map(([id, p]) => [id, p.minimumNoticeMinutes]));
}

export async function setClinicPolicy(ctx: AppointmentsContext, input: { clinicId: string; minimumNoticeMinutes: number; patientCutoffMinutes: number }): Promise<EffectivePolicy> {
  const viewer = requireRole(ctx.auth, 'STAFF', 'ADMIN');
  checkId('input.clinicId', input.clinicId);
  for (const field of ['minimumNoticeMinutes', 'patientCutoffMinutes'] as const) {
    const value = input[field];
    if (!Number.isInteger(value) || value < 0 || value > MAX_POLICY_MINUTES) throw badUserInput(`input.${field}`, `must be a whole number of minutes from 0 to ${MAX_POLICY_MINUTES}`);
  }
  const [clinic] = await ctx.db.select({ id: catalogueClinics.id }).from(catalogueClinics).where(eq(catalogueClinics.id, input.clinicId)).limit(1);
  if (!clinic) throw notFound('Clinic', input.clinicId);
  await saveClinicPolicy(ctx.db, { ...input, updatedBy: viewer.userId });
  return policyOfClinic(ctx, input.clinicId, ctx.db);
}
