import { badUserInput, forbidden, notFound, type Viewer, isUuid } from '@medappt/platform';
import { requireDoctorAccount } from './accounts.ts';
import { audit, valid } from './admin-change.ts';
import type { DoctorRow } from './db/schema.ts';
import { changedFields } from './domain/changes.ts';
import { DOCTOR_SELF_EDITABLE, doctorRules, fieldDoctorMayNotChange, userId } from './domain/doctor-rules.ts';
import { doctorSaved } from './events/catalogue-events.ts';
import { checkInput, withRequired } from './domain/validation.ts';
import type { CreateDoctorInput, UpdateDoctorInput } from './generated/resolvers-types.ts';
import { findClinicsByIds } from './repository/clinics.ts';
import type { DoctorsDb, DoctorsTx } from './repository/db.ts';
import { assignServices as insertAssignments, unassignService as deleteAssignment } from './repository/doctor-services.ts';
import { findDoctorForUpdate, insertDoctor, updateDoctor as updateDoctorRow, type DoctorPatch } from './repository/doctors.ts';
import { findMedicalServicesByIds } from './repository/medical-services.ts';

const MAX_SERVICES_PER_CALL = 100;

async function requireClinic(tx: DoctorsTx, clinicId: string): Promise<void> {
  const [clinic] = isUuid(clinicId) ? await findClinicsByIds(tx, [clinicId]) : [];
  if (!clinic) throw notFound('Clinic', clinicId);
  if (!clinic.active) throw badUserInput('input.clinicId', `clinic ${clinic.id} (${clinic.name}) is deactivated; reactivate it first`);
}

/** Every id names an active service; returns them without duplicates. */
async function requireActiveServices(tx: DoctorsTx, serviceIds: readonly string[], field: string): Promise<string[]> {
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

async function lockDoctor(tx: DoctorsTx, id: string): Promise<DoctorRow> {
  const doctor = isUuid(id) ? await findDoctorForUpdate(tx, id) : null;
  if (!doctor) throw notFound('Doctor', id);
  return doctor;
}

/** The services a doctor offers are part of their profile: a change to them is a new version of it. */
async function touched(tx: DoctorsTx, doctorId: string): Promise<DoctorRow> {
  const doctor = await updateDoctorRow(tx, doctorId, {});
  await doctorSaved(tx, doctor);
  return doctor;
}

export async function createDoctor(db: DoctorsDb, actor: Viewer, input: CreateDoctorInput): Promise<DoctorRow> {
  const account = userId(input.userId);
  if (!account.ok) throw badUserInput('input.userId', account.message);
  const id = account.value;
  const values = withRequired(valid(checkInput(input, doctorRules, 'input')), ['name', 'specialties', 'clinicId']);
  await requireDoctorAccount(db, id, 'input.userId');
  return db.transaction(async (tx) => {
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
    await insertAssignments(tx, doctor.id, serviceIds);
    await audit(tx, actor, { action: 'doctor.create', entityType: 'Doctor', entityId: doctor.id, changes: { ...values, serviceIds } });
    await doctorSaved(tx, doctor);
    return doctor;
  });
}

async function changeDoctor(
  db: DoctorsDb,
  actor: Viewer,
  id: string,
  patch: DoctorPatch,
  action: 'doctor.update' | 'doctor.deactivate',
): Promise<DoctorRow> {
  // Bringing a profile back needs the account to be a doctor's still (its role may have changed meanwhile).
  if (patch.active === true && isUuid(id)) await requireDoctorAccount(db, id.toLowerCase(), 'input.active');
  return db.transaction(async (tx) => {
    const before = await lockDoctor(tx, id);
    if (patch.clinicId !== undefined) await requireClinic(tx, patch.clinicId);
    const changes = changedFields(before, patch.clinicId ? { ...patch, clinicId: patch.clinicId.toLowerCase() } : patch);
    if (Object.keys(changes).length === 0) return before;
    const doctor = await updateDoctorRow(tx, before.id, changes);
    await audit(tx, actor, { action, entityType: 'Doctor', entityId: doctor.id, changes });
    await doctorSaved(tx, doctor);
    return doctor;
  });
}

/** ADMIN and STAFF change any profile; a DOCTOR only how they present themselves on their own. */
export function updateDoctor(db: DoctorsDb, actor: Viewer, id: string, input: UpdateDoctorInput): Promise<DoctorRow> {
  if (actor.role === 'DOCTOR') {
    if (actor.userId !== id.toLowerCase()) throw forbidden('A doctor may change only their own profile.');
    const field = fieldDoctorMayNotChange(input);
    if (field) {
      throw forbidden(`input.${field}: on your own profile you may change ${DOCTOR_SELF_EDITABLE.join(', ')}; ask the clinic's staff for the rest.`);
    }
  }
  return changeDoctor(db, actor, id, valid(checkInput(input, doctorRules, 'input')), 'doctor.update');
}

export function deactivateDoctor(db: DoctorsDb, actor: Viewer, id: string): Promise<DoctorRow> {
  return changeDoctor(db, actor, id, { active: false }, 'doctor.deactivate');
}

export async function assignServices(db: DoctorsDb, actor: Viewer, doctorId: string, serviceIds: readonly string[]): Promise<DoctorRow> {
  return db.transaction(async (tx) => {
    const doctor = await lockDoctor(tx, doctorId);
    const ids = await requireActiveServices(tx, serviceIds, 'serviceIds');
    const added = await insertAssignments(tx, doctor.id, ids);
    if (added.length === 0) return doctor;
    await audit(tx, actor, { action: 'doctor.assignServices', entityType: 'Doctor', entityId: doctor.id, changes: { addedServiceIds: added } });
    return touched(tx, doctor.id);
  });
}

export async function unassignService(db: DoctorsDb, actor: Viewer, doctorId: string, serviceId: string): Promise<DoctorRow> {
  return db.transaction(async (tx) => {
    const doctor = await lockDoctor(tx, doctorId);
    const [service] = isUuid(serviceId) ? await findMedicalServicesByIds(tx, [serviceId]) : [];
    if (!service) throw notFound('Medical service', serviceId);
    if (!(await deleteAssignment(tx, doctor.id, service.id))) return doctor;
    await audit(tx, actor, { action: 'doctor.unassignService', entityType: 'Doctor', entityId: doctor.id, changes: { removedServiceId: service.id } });
    return touched(tx, doctor.id);
  });
}
