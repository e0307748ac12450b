import { badUserInput, rejectProblems, requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { DoctorRow } from '../db/schema.ts';
import { doctorRules, userId } from '../domain/doctor-rules.ts';
import { checkInput, withRequired } from '../domain/validation.ts';
import { doctorSaved } from '../events/publishes-doctors.ts';
import type { CreateDoctorInput } from '../generated/resolvers-types.ts';
import { audit } from '../repository/admin-actions.ts';
import { assignServices } from '../repository/doctor-services.ts';
import { insertDoctor } from '../repository/doctors.ts';
import { requireActiveServices, requireClinic, requireDoctorAccount } from './doctor-steps.ts';
import { validOrReject } from './valid-or-reject.ts';

/** The doctor profile of a DOCTOR account (ADMIN, STAFF); the profile id is the account id (docs/adr/005). */
export async function createDoctor(ctx: DoctorsContext, input: CreateDoctorInput): Promise<DoctorRow> {
  const actor = requireRole(ctx.auth, 'ADMIN', 'STAFF');
  const id = validOrReject(userId(input.userId), 'userId', 'input');
  const checked = checkInput(input, doctorRules);
  rejectProblems(checked.problems, 'input');
  const values = withRequired(checked.value, ['name', 'specialties', 'clinicId']);
  await requireDoctorAccount(ctx.db, id, 'userId');
  return ctx.db.transaction(async (tx) => {
    await requireClinic(tx, values.clinicId);
    const serviceIds = await requireActiveServices(tx, input.serviceIds ?? [], 'input.serviceIds');
    const doctor = await insertDoctor(tx, {
      id,
      name: values.name,
      specialties: values.specialties,
      qualifications: values.qualifications ?? [],
      languages: values.languages ?? [],
      bio: values.bio ?? null,
      clinicId: values.clinicId.toLowerCase(),
    });
    if (!doctor) throw badUserInput('input.userId', 'this account already has a doctor profile; change it with updateDoctor');
    await assignServices(tx, doctor.id, serviceIds);
    await audit(tx, actor, { action: 'doctor.create', entityType: 'Doctor', entityId: doctor.id, changes: { ...values, serviceIds } });
    await doctorSaved(tx, doctor);
    return doctor;
  });
}
