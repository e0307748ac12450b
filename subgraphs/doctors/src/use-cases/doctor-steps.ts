import { arrivedAccount, badUserInput, isUuid, notFound, rejectProblems, type Viewer } from '@medappt/platform';
import type { DoctorRow } from '../db/schema.ts';
import { doctorAccountProblems } from '../domain/account-rules.ts';
import { changedFields } from '../domain/changes.ts';
import { doctorSaved } from '../events/publishes-doctors.ts';
import { audit } from '../repository/admin-actions.ts';
import { findClinicsByIds } from '../repository/clinics.ts';
import type { DoctorsDb, DoctorsTx } from '../repository/db.ts';
import { findDoctorForUpdate, updateDoctor, type DoctorPatch } from '../repository/doctors.ts';
import { findMedicalServicesByIds } from '../repository/medical-services.ts';

/** The steps the doctor-profile use cases share. */

const MAX_SERVICES_PER_CALL = 100;

/** The account behind a doctor profile must be an enabled DOCTOR account; otherwise BAD_USER_INPUT naming `input.<field>`. */
export async function requireDoctorAccount(db: DoctorsDb, id: string, field: 'userId' | 'active'): Promise<void> {
  rejectProblems(doctorAccountProblems(field, id, await arrivedAccount(db, id)), 'input');
}

export async function requireClinic(tx: DoctorsTx, clinicId: string): Promise<void> {
  const [clinic] = isUuid(clinicId) ? await findClinicsByIds(tx, [clinicId]) : [];
  if (!clinic) throw notFound('Clinic', clinicId);
  if (!clinic.active) throw badUserInput('input.clinicId', `clinic ${clinic.id} (${clinic.name}) is deactivated; reactivate it first`);
}

/** Every id names an active service; returns them without duplicates. */
export async function requireActiveServices(tx: DoctorsTx, serviceIds: readonly string[], field: string): Promise<string[]> {
  const ids = [...new Set(serviceIds.map((id) => id.toLowerCase()))];
  if (ids.length > MAX_SERVICES_PER_CALL) throw badUserInput(field, `must have at most ${MAX_SERVICES_PER_CALL} ids`);
  const unknown = ids.find((id) => !isUuid(id));
  if (unknown !== undefined) throw notFound('Medical service', unknown);
  const found = new Map((await findMedicalServicesByIds(tx, ids)).map((service) => [service.id, service]));
  for (const id of ids) {
    const service = found.get(id);
    if (!service) throw notFound('Medical service', id);
    if (!service.active) throw badUserInput(field, `service ${id} (${service.name}) is deactivated; reactivate it first`);
  }
  return ids;
}

export async function lockDoctor(tx: DoctorsTx, id: string): Promise<DoctorRow> {
  const doctor = isUuid(id) ? await findDoctorForUpdate(tx, id) : null;
  if (!doctor) throw notFound('Doctor', id);
  return doctor;
}

/** The services a doctor offers are part of their profile: a change to them is a new version of it. */
export async function touched(tx: DoctorsTx, doctorId: string): Promise<DoctorRow> {
  const doctor = await updateDoctor(tx, doctorId, {});
  await doctorSaved(tx, doctor);
  return doctor;
}

/** The step updateDoctor and deactivateDoctor share: the change, its audit entry and its doctor.saved, or nothing when nothing changes. */
export async function changeDoctor(
  db: DoctorsDb,
  actor: Viewer,
  id: string,
  patch: DoctorPatch,
  action: 'doctor.update' | 'doctor.deactivate',
): Promise<DoctorRow> {
  // Bringing a profile back needs the account to be a doctor's still (its role may have changed meanwhile).
  if (patch.active === true && isUuid(id)) await requireDoctorAccount(db, id.toLowerCase(), 'active');
  return db.transaction(async (tx) => {
    const before = await lockDoctor(tx, id);
    if (patch.clinicId !== undefined) await requireClinic(tx, patch.clinicId);
    const changes = changedFields(before, patch.clinicId ? { ...patch, clinicId: patch.clinicId.toLowerCase() } : patch);
    if (Object.keys(changes).length === 0) return before;
    const doctor = await updateDoctor(tx, before.id, changes);
    await audit(tx, actor, { action, entityType: 'Doctor', entityId: doctor.id, changes });
    await doctorSaved(tx, doctor);
    return doctor;
  });
}
