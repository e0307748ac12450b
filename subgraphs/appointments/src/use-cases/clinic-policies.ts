import type { AppointmentsContext } from '../context.ts';
import { effectivePolicy, type EffectivePolicy } from '../domain/clinic-policy-rules.ts';
import { findDoctor } from '../repository/catalogue.ts';
import type { AppointmentsDbOrTx } from '../repository/db.ts';
import { findClinicPolicy } from '../repository/policies.ts';

/** The booking rules in force at a clinic, as booking, the workflow and `Clinic.policy` read them. */

/** `db` may be a transaction: inside one, never reach for another pooled connection (200 waiting transactions would hold the pool). */
export async function policyOfClinic(ctx: Pick<AppointmentsContext, 'policy'>, clinicId: string, db: AppointmentsDbOrTx): Promise<EffectivePolicy> {
  return effectivePolicy(clinicId, await findClinicPolicy(db, clinicId), ctx.policy);
}

/** The policy of the clinic a doctor works at (defaults if the doctor is unknown here). */
export async function policyOfDoctor(ctx: Pick<AppointmentsContext, 'policy'>, doctorId: string, db: AppointmentsDbOrTx): Promise<EffectivePolicy> {
  const doctor = await findDoctor(db, doctorId);
  return doctor ? policyOfClinic(ctx, doctor.clinicId, db) : effectivePolicy('', null, ctx.policy);
}
