import { problem, type Problem } from '@medappt/platform/domain';

/** A clinic's booking rules: what staff may set, and what applies while they have set nothing. Pure. */

export const MAX_POLICY_MINUTES = 30 * 24 * 60;

export interface EffectivePolicy {
  clinicId: string;
  minimumNoticeMinutes: number;
  patientCutoffMinutes: number;
  /** False while the clinic uses the defaults. */
  custom: boolean;
}

export function clinicPolicyProblems(input: { minimumNoticeMinutes: number; patientCutoffMinutes: number }): Problem[] {
  return (['minimumNoticeMinutes', 'patientCutoffMinutes'] as const).flatMap((field) => {
    const value = input[field];
    return Number.isInteger(value) && value >= 0 && value <= MAX_POLICY_MINUTES
      ? []
      : [problem(field, `must be a whole number of minutes from 0 to ${MAX_POLICY_MINUTES}`)];
  });
}

/** The clinic's own rules, or the defaults (no extra notice, the service's patient cutoff). */
export function effectivePolicy(
  clinicId: string,
  own: { minimumNoticeMinutes: number; patientCutoffMinutes: number } | null,
  defaults: { patientCutoffMinutes: number },
): EffectivePolicy {
  return own
    ? { clinicId, minimumNoticeMinutes: own.minimumNoticeMinutes, patientCutoffMinutes: own.patientCutoffMinutes, custom: true }
    : { clinicId, minimumNoticeMinutes: 0, patientCutoffMinutes: defaults.patientCutoffMinutes, custom: false };
}
