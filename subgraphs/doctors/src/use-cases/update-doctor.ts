import { forbidden, rejectProblems, requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { DoctorRow } from '../db/schema.ts';
import { DOCTOR_SELF_EDITABLE, doctorRules, fieldDoctorMayNotChange } from '../domain/doctor-rules.ts';
import { checkInput } from '../domain/validation.ts';
import type { MutationUpdateDoctorArgs } from '../generated/resolvers-types.ts';
import { changeDoctor } from './doctor-steps.ts';

/** ADMIN and STAFF change any profile; a DOCTOR only how they present themselves on their own. */
export async function updateDoctor(ctx: DoctorsContext, { id, input }: MutationUpdateDoctorArgs): Promise<DoctorRow> {
  const actor = requireRole(ctx.auth, 'ADMIN', 'STAFF', 'DOCTOR');
  if (actor.role === 'DOCTOR') {
    if (actor.userId !== id.toLowerCase()) throw forbidden('A doctor may change only their own profile.');
    const field = fieldDoctorMayNotChange(input);
    if (field) {
      throw forbidden(`input.${field}: on your own profile you may change ${DOCTOR_SELF_EDITABLE.join(', ')}; ask the clinic's staff for the rest.`);
    }
  }
  const checked = checkInput(input, doctorRules);
  rejectProblems(checked.problems, 'input');
  return changeDoctor(ctx.db, actor, id, checked.value, 'doctor.update');
}
